// The two seed pages' examples, written afresh: the way a Vela page uses both modules must compile unchanged.
import { test } from 'vitest';
import uploadtask from '@system.uploadtask';
import request from '@system.request';
import type { UploadProgressEvent } from '@system.uploadtask';

test('upload a picture, follow its progress, stop following, abort', () => {
  const task = uploadtask.uploadFile({
    url: 'https://example.com/api/photos',
    filePath: 'internal://mass/download/picture.png',
    name: 'picture',
    success: function (res) {
      console.log('uploaded: ' + JSON.stringify(res));
    },
    fail: function (data, code) {
      console.log(`upload failed: ${data}`);
      console.log(`error code: ${code}`);
    },
  });
  task.onProgressUpdate((res) => {
    console.log(`progress: ${JSON.stringify(res)}`);
  });
  task.offProgressUpdate();
  task.abort();
});

test('remove one progress listener and keep another', () => {
  const task = uploadtask.uploadFile({
    url: 'https://example.com/api/photos',
    filePath: '/common/logo.png',
    name: 'logo',
  });
  function first(res: UploadProgressEvent) {
    console.log(`listener 1: ${JSON.stringify(res)}`);
  }
  task.onProgressUpdate(first);
  task.onProgressUpdate((res) => {
    console.log(`listener 2 stays: ${JSON.stringify(res)}`);
  });
  task.offProgressUpdate(first);
});

test('start a download, then wait for it with its token', () => {
  request.download({
    url: 'https://example.com/files/map.bin',
    success: function (data) {
      console.log(`download token ${data.token}`);
      request.onDownloadComplete({
        token: data.token,
        success: function (done) {
          console.log(`saved at ${done.uri}`);
        },
        fail: function (message, code) {
          console.log(`download failed, code = ${code}: ${message}`);
        },
      });
    },
    fail: function (data, code) {
      console.log(`download not started, code = ${code}: ${data}`);
    },
  });
});
