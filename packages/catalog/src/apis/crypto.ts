import { supportedBy } from '../support-table.js';
import type { Module, Parameter, ResultField } from '../types.js';
import { standardCallbacks } from './callbacks.js';

const hashAlgorithms = ['MD5', 'SHA1', 'SHA256', 'SHA512'] as const;
const signatureAlgorithms = ['RSA-MD5', 'RSA-SHA1', 'RSA-SHA256', 'RSA-SHA512'] as const;

/** `data` or `uri`: the docs require exactly one of the two, so neither is required on its own. */
function dataOrUri(what: string): Parameter[] {
  return [
    {
      name: 'data',
      type: ['string', 'uint8array'],
      required: false,
      description: `${what}, given directly. Pass \`data\` or \`uri\`.`,
    },
    {
      name: 'uri',
      type: 'string',
      required: false,
      description: `URI of a file holding ${what.toLowerCase()}. Pass \`data\` or \`uri\`.`,
    },
  ];
}

function signatureAlgorithm(): Parameter {
  return {
    name: 'algo',
    type: 'string',
    required: false,
    description: 'Signature algorithm (RSA with the given hash).',
    values: signatureAlgorithms,
    default: "'RSA-SHA256'",
  };
}

/** The cipher and its settings, shared by `encrypt` and `decrypt`. */
function cipherParameters(purpose: 'encrypt' | 'decrypt'): Parameter[] {
  const resultType = purpose === 'encrypt' ? 'EncryptSuccess' : 'DecryptSuccess';
  const input = purpose === 'encrypt' ? 'The data to encrypt.' : 'The data to decrypt.';
  return [
    { name: 'data', type: ['string', 'uint8array'], required: true, description: input },
    {
      name: 'algo',
      type: 'string',
      required: false,
      description: 'Cipher to use.',
      values: ['RSA', 'AES'],
      default: "'RSA'",
    },
    { name: 'key', type: 'string', required: true, description: 'The key, encoded in base64.' },
    {
      name: 'options',
      type: 'object',
      required: false,
      description: 'Cipher settings: only `transformation` applies to RSA; AES also takes the `iv` settings.',
      fields: [
        {
          name: 'transformation',
          type: 'string',
          required: false,
          description: 'Mode and padding of the cipher.',
          default: "'RSA/None/PKCS1Padding' for RSA, 'AES/CBC/PKCS7Padding' for AES",
        },
        {
          name: 'iv',
          type: 'string',
          required: false,
          description: 'AES only: initialisation vector, encoded in base64.',
          default: 'the key',
        },
        {
          name: 'ivOffset',
          type: 'number',
          required: false,
          description: 'AES only: offset of the initialisation vector, an integer.',
          default: '0',
        },
        {
          name: 'ivLen',
          type: 'number',
          required: false,
          description: 'AES only: length of the initialisation vector in bytes, an integer.',
          default: '16',
        },
      ],
    },
    ...standardCallbacks(resultType),
  ];
}

const binaryResult: readonly ResultField[] = [
  {
    name: 'data',
    type: ['string', 'uint8array'],
    description: 'The result: base64 text when the input was a string, a Uint8Array when it was bytes.',
  },
];

/** `@system.crypto`: hashes, HMAC, RSA signatures, RSA/AES encryption and base64. */
export const crypto = {
  name: 'system.crypto',
  summary: 'Hash and HMAC digests, RSA signatures and their checks, RSA or AES encryption, and base64 encoding.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: supportedBy('system.crypto'),
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/security/crypto.html',
  methods: [
    {
      name: 'hashDigest',
      description: 'Computes a hash of some data or of a file, and returns it at once (no callbacks).',
      signature: {
        kind: 'options',
        params: [
          ...dataOrUri('The content to hash'),
          {
            name: 'algo',
            type: 'string',
            required: false,
            description: 'Hash algorithm.',
            values: hashAlgorithms,
            default: "'SHA256'",
          },
        ],
      },
      returnValue: { type: 'string', description: 'The digest.' },
      example: "const digest = crypto.hashDigest({ data: 'hello', algo: 'MD5' })\nconsole.log(digest)",
    },
    {
      name: 'hmacDigest',
      description: 'Computes an HMAC of a string with a secret key.',
      signature: {
        kind: 'options',
        params: [
          { name: 'data', type: 'string', required: true, description: 'The text to authenticate.' },
          {
            name: 'algo',
            type: 'string',
            required: false,
            description: 'Hash algorithm.',
            values: hashAlgorithms,
            default: "'SHA256'",
          },
          { name: 'key', type: 'string', required: true, description: 'The secret key.' },
          ...standardCallbacks('HmacDigestSuccess'),
        ],
      },
      success: [{ name: 'data', type: 'string', description: 'The digest.' }],
      example: [
        'crypto.hmacDigest({',
        "  data: 'payload',",
        "  key: 'secret',",
        '  success(res) { console.log(`hmac ${res.data}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'sign',
      description: 'Signs data or a file with an RSA private key.',
      signature: {
        kind: 'options',
        params: [
          ...dataOrUri('The content to sign'),
          signatureAlgorithm(),
          { name: 'privateKey', type: 'string', required: true, description: 'The RSA private key.' },
          ...standardCallbacks('SignSuccess'),
        ],
      },
      success: [
        {
          name: 'data',
          type: ['string', 'uint8array'],
          description:
            'The signature: base64 text when the input was a string or a file, a Uint8Array when it was bytes.',
        },
      ],
      example: [
        'crypto.sign({',
        "  data: 'hello',",
        "  privateKey: 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC...',",
        '  success(res) { console.log(res.data) },',
        '  fail(message, code) { console.log(`not signed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'verify',
      description:
        'Checks an RSA signature of data or a file with the public key. `success` receives `true` or `false`.',
      signature: {
        kind: 'options',
        params: [
          ...dataOrUri('The signed content'),
          signatureAlgorithm(),
          { name: 'signature', type: ['string', 'uint8array'], required: true, description: 'The signature to check.' },
          { name: 'publicKey', type: 'string', required: true, description: 'The RSA public key.' },
          ...standardCallbacks('boolean'),
        ],
      },
      example: [
        'crypto.verify({',
        "  data: 'hello',",
        "  signature: 'c2lnbmF0dXJl',",
        "  publicKey: 'MIIBIjANBgkqhkiG9w0BAQEFAAOC...',",
        "  success(valid) { console.log(valid ? 'authentic' : 'tampered') },",
        '})',
      ].join('\n'),
    },
    {
      name: 'encrypt',
      description: 'Encrypts data with RSA or AES.',
      signature: { kind: 'options', params: cipherParameters('encrypt') },
      success: binaryResult,
      example: [
        'crypto.encrypt({',
        "  data: 'hello',",
        "  algo: 'AES',",
        "  key: crypto.btoa('0123456789abcdef'),",
        '  success(res) { console.log(res.data) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'decrypt',
      description: 'Decrypts data with RSA or AES.',
      signature: { kind: 'options', params: cipherParameters('decrypt') },
      success: binaryResult,
      example: [
        'crypto.decrypt({',
        "  data: 'WB96uM08PfYIHu5G1p6YwA==',",
        "  algo: 'AES',",
        "  key: crypto.btoa('0123456789abcdef'),",
        "  options: { transformation: 'AES/CBC/PKCS7Padding' },",
        '  success(res) { console.log(res.data) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'btoa',
      description: 'Encodes a string in base64, each character standing for one byte.',
      signature: {
        kind: 'positional',
        params: [{ name: 'text', type: 'string', required: true, description: 'The text to encode.' }],
      },
      returnValue: { type: 'string', description: 'The base64 text.' },
      example: "const encoded = crypto.btoa('hello')",
    },
    {
      name: 'atob',
      description: 'Decodes base64 text.',
      signature: {
        kind: 'positional',
        params: [{ name: 'text', type: 'string', required: true, description: 'The base64 text to decode.' }],
      },
      returnValue: { type: 'string', description: 'The decoded text.' },
      example: "const decoded = crypto.atob('aGVsbG8=')",
    },
  ],
  interfaces: [],
} as const satisfies Module;
