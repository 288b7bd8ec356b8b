/* eslint-disable @typescript-eslint/no-require-imports -- Vela code requires modules; this app proves the runtime serves it */
// The same app file in CommonJS style: `require` of the two network modules.
const uploadtask = require('@system.uploadtask')
const request = require('@system.request')

exports.upload = function upload(server, filePath, done) {
  const events = []
  const task = uploadtask.uploadFile({
    url: `${server}/upload`,
    filePath,
    name: 'log',
    formData: { day: '2026-11-22' },
    success: (res) => done({ kind: 'success', statusCode: res.statusCode, data: res.data, events }),
    fail: (message, code) => done({ kind: 'fail', message, code, events }),
  })
  task.onProgressUpdate((event) => events.push(event.progress))
  return task
}

exports.download = function download(server, path, done) {
  request.download({
    url: `${server}${path}`,
    success({ token }) {
      request.onDownloadComplete({
        token,
        success: (res) => done({ kind: 'success', uri: res.uri }),
        fail: (message, code) => done({ kind: 'fail', message, code }),
      })
    },
    fail: (message, code) => done({ kind: 'fail', message, code }),
  })
}
