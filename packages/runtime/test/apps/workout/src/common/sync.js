// An app file written as Vela apps are: `import` of the two network modules, callbacks only.
import uploadtask from '@system.uploadtask'
import request from '@system.request'

export function upload(server, filePath, done) {
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

export function download(server, path, done) {
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
