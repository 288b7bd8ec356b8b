// features/data/storage: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

export default {
  page: 'features/data/storage',
  modules: ['system.storage'],
  declared: true,
  methods: [
    // The page describes get's success data in words only (the stored content), with no table.
    { name: 'storage.get', params: [['key', 'String', true], ['default', 'String', false], ...callbacks] },
    { name: 'storage.set', params: [['key', 'String', true], ['value', 'String', false], ...callbacks] },
    { name: 'storage.clear', params: [...callbacks] },
    { name: 'storage.delete', params: [['key', 'String', true], ...callbacks] },
  ],
} satisfies DocTranscript;
