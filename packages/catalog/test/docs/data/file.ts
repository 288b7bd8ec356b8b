// features/data/file: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

export default {
  page: 'features/data/file',
  modules: ['system.file'],
  declared: true,
  methods: [
    // move and copy: success "returns the target file's uri", in words, no table.
    { name: 'file.move', params: [['srcUri', 'String', true], ['dstUri', 'String', true], ...callbacks], errorCodes: [202, 300] },
    { name: 'file.copy', params: [['srcUri', 'String', true], ['dstUri', 'String', true], ...callbacks], errorCodes: [202, 300] },
    {
      name: 'file.list',
      params: [['uri', 'String', true], ...callbacks],
      // The second table ("each file's metadata") describes the entries of fileList.
      success: [
        ['fileList', 'Array'],
        ['fileList.uri', 'String'],
        ['fileList.length', 'Number'],
        ['fileList.lastModifiedTime', 'Number'],
      ],
      errorCodes: [202, 300],
    },
    {
      name: 'file.get',
      params: [['uri', 'String', true], ['recursive', 'Boolean', false, { default: 'false' }], ...callbacks],
      success: [
        ['uri', 'String'],
        ['length', 'Number'],
        ['lastModifiedTime', 'Number'],
        ['type', 'String'],
        ['subFiles', 'Array'],
      ],
      errorCodes: [202, 300],
    },
    { name: 'file.delete', params: [['uri', 'String', true], ...callbacks], errorCodes: [202, 300] },
    {
      name: 'file.writeText',
      params: [
        ['uri', 'String', true],
        ['text', 'String', true],
        ['encoding', 'String', false, { default: 'UTF-8' }],
        ['append', 'Boolean', false, { default: 'false' }],
        ...callbacks,
      ],
      errorCodes: [202, 300],
    },
    {
      name: 'file.writeArrayBuffer',
      params: [
        ['uri', 'String', true],
        ['buffer', 'Uint8Array', true],
        ['position', 'Number', false, { default: '0' }],
        ['append', 'Boolean', false, { default: 'false' }],
        ...callbacks,
      ],
      errorCodes: [202, 300],
    },
    {
      name: 'file.readText',
      params: [['uri', 'String', true], ['encoding', 'String', false, { default: 'UTF-8' }], ...callbacks],
      success: [['text', 'String']],
      errorCodes: [202, 300, 301],
    },
    {
      name: 'file.readArrayBuffer',
      params: [['uri', 'String', true], ['position', 'Number', false], ['length', 'Number', false], ...callbacks],
      success: [['buffer', 'Uint8Array']],
      errorCodes: [202, 300, 301],
    },
    { name: 'file.access', params: [['uri', 'String', true], ...callbacks], errorCodes: [202, 300] },
    {
      name: 'file.mkdir',
      params: [['uri', 'String', true], ['recursive', 'Boolean', false, { default: 'false' }], ...callbacks],
      errorCodes: [202, 300],
    },
    {
      name: 'file.rmdir',
      params: [['uri', 'String', true], ['recursive', 'Boolean', false, { default: 'false' }], ...callbacks],
      errorCodes: [202, 300],
    },
  ],
} satisfies DocTranscript;
