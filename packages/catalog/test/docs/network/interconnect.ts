// features/network/interconnect: transcribed from the page's tables. The page has no support table.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/network/interconnect',
  modules: ['system.interconnect'],
  declared: true,
  methods: [
    // "Returns: the connect object of interconnect".
    { name: 'interconnect.instance', returns: 'Connect' },
    {
      name: 'connect.getReadyState',
      params: [
        ['success', 'Function', false],
        ['fail', 'Function', false],
      ],
      success: [['status', 'Number']],
      errorCodes: [1006],
    },
    {
      name: 'connect.diagnosis',
      params: [
        ['timeout', 'Number', false, { default: '10000' }],
        ['success', 'Function', false],
        ['fail', 'Function', false],
      ],
      success: [['status', 'Number']],
    },
    {
      name: 'connect.send',
      params: [
        ['data', 'Object', true],
        ['success', 'Function', false],
        ['fail', 'Function', false],
      ],
      errorCodes: [204, 1006],
    },
  ],
  // The "events" section: handlers assigned on the connection, and the rows of their callback tables.
  properties: [
    ['connect.onmessage', 'Function'],
    ['connect.onmessage.data', 'String'],
    ['connect.onopen', 'Function'],
    ['connect.onopen.isReconnected', 'Boolean'],
    ['connect.onclose', 'Function'],
    ['connect.onclose.code', 'Number'],
    ['connect.onclose.data', 'String'],
    ['connect.onerror', 'Function'],
    ['connect.onerror.code', 'Number'],
    ['connect.onerror.data', 'String'],
  ],
} satisfies DocTranscript;
