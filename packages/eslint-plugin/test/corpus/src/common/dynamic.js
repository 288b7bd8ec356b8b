// Options too dynamic to judge: require-params and valid-params stay silent here (device support is still checked).
import request from '@system.request'

export function download(options, extra) {
  request.download(options)
  request.download({ ...extra })
  request.download({ [extra.key]: extra.value })
  request.download(buildOptions(extra))
}

function buildOptions(extra) {
  return { url: extra.url }
}
