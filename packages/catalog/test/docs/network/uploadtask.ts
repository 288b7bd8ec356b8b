// features/network/uploadtask: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/network/uploadtask',
  modules: ['system.uploadtask'],
  declared: true,
  apiLevel: 3,
  support: '✘✘✘✔✘✘✘✔✔✔✔',
  methods: [
    {
      name: 'uploadtask.uploadFile',
      params: [
        ['url', 'String', true],
        ['filePath', 'String', true],
        ['name', 'String', true],
        ['header', 'Object', false],
        ['formData', 'Object', false],
        ['timeout', 'Number', false],
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      success: [
        ['statusCode', 'Integer'],
        ['data', 'String'],
        ['headers', 'Object'],
      ],
      returns: 'UploadTask',
    },
    { name: 'UploadTask.abort' },
    {
      name: 'UploadTask.onProgressUpdate',
      params: [['callback', 'Function', true]],
      success: [
        ['progress', 'Number'],
        ['totalBytesSent', 'Number'],
        ['totalBytesExpectedToSend', 'Number'],
      ],
    },
    // No table: the heading reads `offProgressUpdate(function callback)` and the text calls the callback optional.
    { name: 'UploadTask.offProgressUpdate', params: [['callback', 'Function', false]] },
  ],
} satisfies DocTranscript;
