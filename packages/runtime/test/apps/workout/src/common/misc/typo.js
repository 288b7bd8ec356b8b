// A misspelled module name.
import vibrator from '@system.vibrater'

export const buzz = () => vibrator.vibrate({ mode: 'short' })
