import type { Module, Parameter, ResultField } from '../types.js';
import { standardCallbacks } from './callbacks.js';
import { callbacksWithoutResult } from './shared.js';

const ioErrors = [
  { code: 202, meaning: 'a parameter is missing or invalid (for example a URI the method may not use)' },
  { code: 300, meaning: 'reading or writing the file system failed' },
] as const;

const readErrors = [...ioErrors, { code: 301, meaning: 'the file does not exist' }] as const;

/** A URI these methods accept: neither a packaged resource (`/...`) nor under `internal://tmp/`. */
function writableUri(name: string, what: string): Parameter {
  return {
    name,
    type: 'string',
    required: true,
    description: `${what}: an \`internal://\` URI, neither a packaged resource path nor under \`internal://tmp/\`.`,
  };
}

const fileInfoFields: readonly ResultField[] = [
  { name: 'uri', type: 'string', description: 'URI of the file, usable by other modules and components.' },
  { name: 'length', type: 'number', description: 'Size of the file in bytes.' },
  {
    name: 'lastModifiedTime',
    type: 'number',
    description: 'When the file was last saved, in milliseconds since 1970-01-01.',
  },
];

const recursiveFlag = (what: string): Parameter => ({
  name: 'recursive',
  type: 'boolean',
  required: false,
  description: what,
  default: 'false',
});

/** `@system.file`: files and directories under the app's `internal://` partitions. */
export const file = {
  name: 'system.file',
  summary: "Read, write, list, move and delete files and directories in the app's own `internal://` storage.",
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/data/file.html',
  methods: [
    {
      name: 'move',
      description: 'Moves a file to another URI. `success` receives the destination URI as a string.',
      signature: {
        kind: 'options',
        params: [
          writableUri('srcUri', 'The file to move'),
          writableUri('dstUri', 'Where the file goes'),
          ...standardCallbacks('string'),
        ],
      },
      errors: ioErrors,
      example: [
        'file.move({',
        "  srcUri: 'internal://cache/report.json',",
        "  dstUri: 'internal://files/report.json',",
        '  success(uri) { console.log(`moved to ${uri}`) },',
        '  fail(message, code) { console.log(`move failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'copy',
      description:
        'Copies a file to another URI; the source may also be a packaged resource. `success` receives the URI of the ' +
        'copy as a string.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'srcUri',
            type: 'string',
            required: true,
            description: 'The file to copy: an `internal://` URI or a packaged resource path.',
          },
          writableUri('dstUri', 'Where the copy is written'),
          ...standardCallbacks('string'),
        ],
      },
      errors: ioErrors,
      example: [
        'file.copy({',
        "  srcUri: '/common/default-settings.json',",
        "  dstUri: 'internal://files/settings.json',",
        '  success(uri) { console.log(`copied to ${uri}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'list',
      description: 'Lists the files of a directory, each with its URI, size and modification time.',
      signature: {
        kind: 'options',
        params: [
          { name: 'uri', type: 'string', required: true, description: 'URI of the directory to list.' },
          ...standardCallbacks('ListSuccess'),
        ],
      },
      success: [
        {
          name: 'fileList',
          type: 'array',
          description: 'One entry per file in the directory.',
          fields: fileInfoFields,
        },
      ],
      errors: ioErrors,
      example: [
        'file.list({',
        "  uri: 'internal://files/logs/',",
        '  success(res) { res.fileList.forEach((entry) => console.log(entry.uri, entry.length)) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'get',
      description:
        'Reads the facts about one file or directory: URI, size, modification time, kind, and for a directory its content.',
      signature: {
        kind: 'options',
        params: [
          writableUri('uri', 'The file or directory to describe'),
          recursiveFlag('For a directory, also describe the content of its subdirectories.'),
          ...standardCallbacks('GetSuccess'),
        ],
      },
      success: [
        { name: 'uri', type: 'string', description: 'URI of the file, usable by other modules and components.' },
        { name: 'length', type: 'number', description: 'Size in bytes; 0 for a directory.' },
        {
          name: 'lastModifiedTime',
          type: 'number',
          description: 'When it was last saved, in milliseconds since the epoch.',
        },
        {
          name: 'type',
          type: 'string',
          description: '`dir` for a directory, `file` for a file.',
          values: ['dir', 'file'],
        },
        {
          name: 'subFiles',
          type: 'array',
          description: 'For a directory: the files it holds (and, with `recursive`, those of its subdirectories).',
        },
      ],
      errors: ioErrors,
      example: [
        'file.get({',
        "  uri: 'internal://files/settings.json',",
        '  success(res) { console.log(`${res.type} of ${res.length} bytes`) },',
        '  fail(message, code) { console.log(`no such file (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'delete',
      description: 'Deletes one file.',
      signature: {
        kind: 'options',
        params: [writableUri('uri', 'The file to delete'), ...callbacksWithoutResult()],
      },
      errors: ioErrors,
      example: "file.delete({ uri: 'internal://cache/old.json', success() { console.log('deleted') } })",
    },
    {
      name: 'writeText',
      description:
        'Writes a string to a file, creating the file when needed. Storage on a watch is small: delete files you no ' +
        'longer need.',
      signature: {
        kind: 'options',
        params: [
          writableUri('uri', 'The file to write'),
          { name: 'text', type: 'string', required: true, description: 'The text to write.' },
          {
            name: 'encoding',
            type: 'string',
            required: false,
            description: 'Character encoding of the text.',
            default: "'UTF-8'",
          },
          {
            name: 'append',
            type: 'boolean',
            required: false,
            description: 'Add to the end of the file instead of replacing it.',
            default: 'false',
          },
          ...callbacksWithoutResult(),
        ],
      },
      errors: ioErrors,
      example: [
        'file.writeText({',
        "  uri: 'internal://files/notes.txt',",
        "  text: 'first line\\n',",
        '  append: true,',
        '  fail(message, code) { console.log(`write failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'writeArrayBuffer',
      description:
        'Writes bytes to a file, creating the file when needed. Storage on a watch is small: delete files you no ' +
        'longer need.',
      signature: {
        kind: 'options',
        params: [
          writableUri('uri', 'The file to write'),
          { name: 'buffer', type: 'uint8array', required: true, description: 'The bytes to write.' },
          {
            name: 'position',
            type: 'number',
            required: false,
            description: 'Offset in the file where writing starts; ignored when `append` is true.',
            default: '0',
          },
          {
            name: 'append',
            type: 'boolean',
            required: false,
            description: 'Add to the end of the file instead of writing at `position`.',
            default: 'false',
          },
          ...callbacksWithoutResult(),
        ],
      },
      errors: ioErrors,
      example: [
        'file.writeArrayBuffer({',
        "  uri: 'internal://files/data.bin',",
        '  buffer: new Uint8Array([1, 2, 3]),',
        "  success() { console.log('written') },",
        '})',
      ].join('\n'),
    },
    {
      name: 'readText',
      description: 'Reads a whole file as text. Packaged resources (`/common/...`) can be read too.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'uri',
            type: 'string',
            required: true,
            description: 'The file to read: an `internal://` URI or a packaged resource path.',
          },
          {
            name: 'encoding',
            type: 'string',
            required: false,
            description: 'Character encoding of the file.',
            default: "'UTF-8'",
          },
          ...standardCallbacks('ReadTextSuccess'),
        ],
      },
      success: [{ name: 'text', type: 'string', description: 'Content of the file.' }],
      errors: readErrors,
      example: [
        'file.readText({',
        "  uri: 'internal://files/notes.txt',",
        '  success(res) { console.log(res.text) },',
        '  fail(message, code) { if (code === 301) console.log("no notes yet") },',
        '})',
      ].join('\n'),
    },
    {
      name: 'readArrayBuffer',
      description: 'Reads bytes from a file, all of it or a range. Packaged resources can be read too.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'uri',
            type: 'string',
            required: true,
            description: 'The file to read: an `internal://` URI or a packaged resource path.',
          },
          {
            name: 'position',
            type: 'number',
            required: false,
            description: 'Offset of the first byte to read.',
            default: '0 (the start of the file)',
          },
          {
            name: 'length',
            type: 'number',
            required: false,
            description: 'Number of bytes to read.',
            default: 'up to the end of the file',
          },
          ...standardCallbacks('ReadArrayBufferSuccess'),
        ],
      },
      success: [{ name: 'buffer', type: 'uint8array', description: 'The bytes read.' }],
      errors: readErrors,
      example: [
        'file.readArrayBuffer({',
        "  uri: 'internal://files/data.bin',",
        '  position: 0,',
        '  length: 16,',
        '  success(res) { console.log(`read ${res.buffer.length} bytes`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'access',
      description: 'Checks whether a file or directory exists: `success` when it does, `fail` when it does not.',
      signature: {
        kind: 'options',
        params: [
          { name: 'uri', type: 'string', required: true, description: 'The file or directory to look for.' },
          ...callbacksWithoutResult(),
        ],
      },
      errors: ioErrors,
      example: [
        'file.access({',
        "  uri: 'internal://files/settings.json',",
        "  success() { console.log('exists') },",
        "  fail() { console.log('missing') },",
        '})',
      ].join('\n'),
    },
    {
      name: 'mkdir',
      description: 'Creates a directory.',
      signature: {
        kind: 'options',
        params: [
          writableUri('uri', 'The directory to create'),
          recursiveFlag('Also create missing parent directories.'),
          ...callbacksWithoutResult(),
        ],
      },
      errors: ioErrors,
      example: "file.mkdir({ uri: 'internal://files/logs/2024/', recursive: true })",
    },
    {
      name: 'rmdir',
      description: 'Deletes a directory.',
      signature: {
        kind: 'options',
        params: [
          writableUri('uri', 'The directory to delete'),
          recursiveFlag('Also delete the files and subdirectories inside it.'),
          ...callbacksWithoutResult(),
        ],
      },
      errors: ioErrors,
      example: "file.rmdir({ uri: 'internal://files/logs/', recursive: true })",
    },
  ],
  interfaces: [],
} as const satisfies Module;
