// A real Vela module that the reference runtime does not implement.
import vibrator from '@system.vibrator'

export const buzz = () => vibrator.vibrate({ mode: 'short' })
