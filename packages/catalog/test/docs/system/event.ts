// features/system/event: transcribed from the page's tables. The title carries the API level 4 badge.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/system/event',
  modules: ['system.event'],
  declared: true,
  apiLevel: 4,
  support: '✘✘✘✘✘✘✔✔✔✔✔',
  methods: [
    {
      name: 'event.publish',
      params: [
        ['eventName', 'String', true],
        ['options', 'Object', false],
        // The "options 参数" table.
        ['options.params', 'Object', false],
        ['options.permissions', 'Array<String>', false],
      ],
    },
    {
      name: 'event.subscribe',
      params: [['eventName', 'String', true], ['callback', 'Function', true]],
      success: [['params', 'Object'], ['package', 'String']],
      returns: 'Number',
    },
    { name: 'event.unsubscribe', params: [['id', 'Number', true]] },
  ],
} satisfies DocTranscript;
