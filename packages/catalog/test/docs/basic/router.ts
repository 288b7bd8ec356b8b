// features/basic/router: transcribed from the page's tables. "No declaration needed"; no support table.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/basic/router',
  modules: ['system.router'],
  declared: false,
  methods: [
    {
      name: 'router.push',
      params: [
        ['uri', 'String', true],
        ['params', 'Object', false],
        // The "params" table.
        ['params.___PARAM_LAUNCH_FLAG___', 'String', false, { values: ['clearTask'] }],
      ],
    },
    {
      name: 'router.replace',
      params: [
        ['uri', 'String', true],
        ['params', 'Object', false],
      ],
    },
    { name: 'router.back', params: [['path', 'String', false]] },
    { name: 'router.clear' },
    { name: 'router.getLength', returns: 'Number' },
    {
      name: 'router.getState',
      returns: [
        ['index', 'Number'],
        ['name', 'String'],
        ['path', 'String'],
      ],
    },
    {
      name: 'router.getPages',
      returns: [
        ['', 'Array'],
        ['name', 'String'],
        ['path', 'String'],
      ],
    },
  ],
} satisfies DocTranscript;
