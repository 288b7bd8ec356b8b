// features/basic/app: transcribed from the page's tables. "No declaration needed"; no support table.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/basic/app',
  modules: ['system.app'],
  declared: false,
  methods: [
    {
      name: 'app.getInfo',
      returns: [
        ['packageName', 'String'],
        ['icon', 'String'],
        ['name', 'String'],
        ['versionName', 'String'],
        ['versionCode', 'Integer'],
        ['logLevel', 'String'],
        ['source', 'Object'],
        ['source.packageName', 'String'],
        ['source.type', 'String'],
      ],
    },
    { name: 'app.terminate' },
    // The parameter table has a type column only.
    { name: 'app.canIUse', apiLevel: 3, params: [['#0', 'String', true]], returns: 'Boolean' },
  ],
} satisfies DocTranscript;
