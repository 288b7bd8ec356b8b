const vibrator = require('@system.vibrator')
const { subscribeCompass } = require('@system.sensor')
const battery = require('@system.battery')
const request = require('@system.requst')

export function onTap() {
  vibrator.vibrate({ mode: 'short' })
  vibrator.start({ mode: 'long' })
  subscribeCompass({ callback() {} })
  battery.getStatus({ success() {} })
  return request
}
