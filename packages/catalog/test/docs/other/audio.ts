// features/other/audio: transcribed from the page's tables. The page has no support table.
import type { DocTranscript } from '../transcript.js';

export default {
  page: 'features/other/audio',
  modules: ['system.audio'],
  declared: true,
  methods: [
    { name: 'audio.play' },
    { name: 'audio.pause' },
    { name: 'audio.stop' },
    {
      name: 'audio.getPlayState',
      params: [
        ['success', 'Function', false],
        ['fail', 'Function', false],
        ['complete', 'Function', false],
      ],
      // `Boolen` is the page's own spelling.
      success: [
        ['state', 'String'],
        ['src', 'String'],
        ['currentTime', 'Number'],
        ['percent', 'Number'],
        ['autoplay', 'Boolen'],
        ['loop', 'Boolen'],
        ['volume', 'Number'],
        ['muted', 'Boolen'],
        ['duration', 'Number'],
      ],
    },
  ],
  properties: [
    ['src', 'String'],
    ['currentTime', 'Number'],
    ['duration', 'Number'],
    ['autoplay', 'Boolean'],
    ['loop', 'Boolean'],
    ['volume', 'Number'],
    ['muted', 'Boolean'],
    ['streamType', 'String'],
    ['meta', 'Object<{title: string, artist: string, album: string}>'],
    // The three members the type cell of meta spells out.
    ['meta.title', 'string'],
    ['meta.artist', 'string'],
    ['meta.album', 'string'],
    // The events table (no type column): each event is an `on<name>` handler.
    ['onplay', 'Function'],
    ['onpause', 'Function'],
    ['onstop', 'Function'],
    ['onloadeddata', 'Function'],
    ['onended', 'Function'],
    ['ondurationchange', 'Function'],
    ['onerror', 'Function'],
  ],
} satisfies DocTranscript;
