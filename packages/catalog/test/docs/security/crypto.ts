// features/security/crypto: transcribed from the page's tables.
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

// The "RSA options" and "AES options" tables: the members of `options` (transformation in both).
const cipherOptions = [
  ['options.transformation', 'String', false],
  ['options.iv', 'String', false],
  ['options.ivOffset', 'Number', false, { default: '0' }],
  ['options.ivLen', 'Number', false, { default: '16' }],
] as const;

const hashAlgorithms = ['MD5', 'SHA1', 'SHA256', 'SHA512'];
const signatureAlgorithms = ['RSA-MD5', 'RSA-SHA1', 'RSA-SHA256', 'RSA-SHA512'];

export default {
  page: 'features/security/crypto',
  modules: ['system.crypto'],
  declared: true,
  support: '✘✘✘✔✘✘✘✔✔✔✔',
  methods: [
    {
      name: 'crypto.hashDigest',
      // data and uri: "one of the two must be given", each marked not required.
      params: [
        ['data', 'String/Uint8Array', false],
        ['uri', 'String', false],
        ['algo', 'String', false, { default: 'SHA256', values: hashAlgorithms }],
      ],
      returns: 'String',
    },
    {
      name: 'crypto.hmacDigest',
      params: [
        ['data', 'String', true],
        ['algo', 'String', false, { default: 'SHA256', values: hashAlgorithms }],
        ['key', 'String', true],
        ...callbacks,
      ],
      success: [['data', 'String']],
    },
    {
      name: 'crypto.sign',
      params: [
        ['data', 'String/Uint8Array', false],
        ['uri', 'String', false],
        ['algo', 'String', false, { default: 'RSA-SHA256', values: signatureAlgorithms }],
        ['privateKey', 'String', true],
        ...callbacks,
      ],
      success: [['data', 'String/Uint8Array']],
    },
    {
      name: 'crypto.verify',
      params: [
        ['data', 'String/Uint8Array', false],
        ['uri', 'String', false],
        ['algo', 'String', false, { default: 'RSA-SHA256', values: signatureAlgorithms }],
        ['signature', 'String/Uint8Array', true],
        ['publicKey', 'String', true],
        ...callbacks,
      ],
      // success receives a bare Boolean (a table with a type and no field name): no fields.
    },
    {
      name: 'crypto.encrypt',
      params: [
        ['data', 'String/Uint8Array', true],
        ['algo', 'String', false, { default: 'RSA', values: ['RSA', 'AES'] }],
        ['key', 'String', true],
        ['options', 'Object', false],
        ...cipherOptions,
        ...callbacks,
      ],
      success: [['data', 'String/Uint8Array']],
    },
    {
      name: 'crypto.decrypt',
      params: [
        ['data', 'String/Uint8Array', true],
        ['algo', 'String', false, { default: 'RSA', values: ['RSA', 'AES'] }],
        ['key', 'String', true],
        ['options', 'Object', false],
        ...cipherOptions,
        ...callbacks,
      ],
      success: [['data', 'String/Uint8Array']],
    },
    { name: 'crypto.btoa', params: [['#0', 'String', true]], returns: 'String' },
    { name: 'crypto.atob', params: [['#0', 'String', true]], returns: 'String' },
  ],
} satisfies DocTranscript;
