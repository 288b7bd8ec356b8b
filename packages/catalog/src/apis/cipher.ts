import type { Module } from '../types.js';
import { standardCallbacks } from './callbacks.js';

const actionParameter = {
  name: 'action',
  type: 'string',
  required: true,
  description: '`encrypt` or `decrypt`.',
  values: ['encrypt', 'decrypt'],
} as const;

/** `@system.cipher`: RSA and AES on text, base64 in and out. */
export const cipher = {
  name: 'system.cipher',
  summary: 'Encrypt or decrypt text with RSA or AES; keys and ciphertext are base64 text.',
  requiresDeclaration: true,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/security/cipher.html',
  methods: [
    {
      name: 'rsa',
      description:
        'Encrypts or decrypts a short text with RSA. Long content is not split into blocks: plain text may be at ' +
        'most key size / 8 - 66 bytes (62 bytes for a 1024-bit key).',
      signature: {
        kind: 'options',
        params: [
          actionParameter,
          {
            name: 'text',
            type: 'string',
            required: true,
            description: 'Plain text to encrypt, or base64 ciphertext to decrypt.',
          },
          {
            name: 'key',
            type: 'string',
            required: true,
            description: 'The RSA key in base64: the public key to encrypt, the private key to decrypt.',
          },
          ...standardCallbacks('RsaSuccess'),
        ],
      },
      success: [
        {
          name: 'text',
          type: 'string',
          description:
            'Base64 ciphertext after `encrypt`; the plain text after `decrypt` (which fails unless it is UTF-8).',
        },
      ],
      errors: [{ code: 202, meaning: 'a parameter is missing or invalid' }],
      example: [
        'cipher.rsa({',
        "  action: 'encrypt',",
        "  text: 'hello',",
        "  key: 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ...',",
        '  success(res) { console.log(`ciphertext ${res.text}`) },',
        '  fail(message, code) { console.log(`rsa failed (${code}): ${message}`) },',
        '})',
      ].join('\n'),
    },
    {
      name: 'aes',
      description: 'Encrypts or decrypts text with AES; content of any length is processed block by block.',
      signature: {
        kind: 'options',
        params: [
          actionParameter,
          {
            name: 'text',
            type: 'string',
            required: true,
            description: 'Plain text to encrypt, or base64 ciphertext to decrypt.',
          },
          { name: 'key', type: 'string', required: true, description: 'The AES key in base64.' },
          {
            name: 'transformation',
            type: 'string',
            required: false,
            description: 'Mode and padding of the cipher.',
            default: "'AES/CBC/PKCS5Padding'",
          },
          {
            name: 'iv',
            type: 'string',
            required: false,
            description: 'Initialisation vector in base64.',
            default: 'the key',
          },
          {
            name: 'ivOffset',
            type: 'integer',
            required: false,
            description: 'Offset of the initialisation vector.',
            default: '0',
          },
          {
            name: 'ivLen',
            type: 'integer',
            required: false,
            description: 'Length of the initialisation vector in bytes.',
            default: '16',
          },
          ...standardCallbacks('AesSuccess'),
        ],
      },
      success: [
        {
          name: 'text',
          type: 'string',
          description:
            'Base64 ciphertext after `encrypt`; the plain text after `decrypt` (code 200 unless it is UTF-8).',
        },
      ],
      errors: [
        { code: 200, meaning: 'encryption or decryption failed' },
        { code: 202, meaning: 'a parameter is missing or invalid' },
      ],
      example: [
        'cipher.aes({',
        "  action: 'decrypt',",
        "  text: 'CUg3tTxTIdpCfreIxIBdws3uhd5q',",
        "  key: 'NDM5Qjk2UjAzMEE0NzVCRjlFMkQwQkVGOFc1NkM1QkQ=',",
        "  transformation: 'AES/CBC/PKCS5Padding',",
        '  success(res) { console.log(res.text) },',
        '})',
      ].join('\n'),
    },
  ],
  interfaces: [],
} as const satisfies Module;
