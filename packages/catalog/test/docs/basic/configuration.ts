// features/basic/configuration: transcribed from the page's tables. "No declaration needed"; no support table.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/basic/configuration',
  modules: ['system.configuration'],
  declared: false,
  methods: [
    {
      name: 'configuration.getLocale',
      returns: [
        ['language', 'String'],
        ['countryOrRegion', 'String'],
      ],
    },
  ],
} satisfies DocTranscript;
