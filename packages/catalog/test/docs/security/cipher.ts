// features/security/cipher: transcribed from the page's tables. The page has no support table.
import type { DocTranscript } from '../transcript.js';

const callbacks = [
  ['success', 'Function', false],
  ['fail', 'Function', false],
  ['complete', 'Function', false],
] as const;

const action = ['action', 'String', true, { values: ['encrypt', 'decrypt'] }] as const;

export default {
  page: 'features/security/cipher',
  modules: ['system.cipher'],
  declared: true,
  methods: [
    {
      name: 'cipher.rsa',
      params: [action, ['text', 'String', true], ['key', 'String', true], ...callbacks],
      success: [['text', 'String']],
      errorCodes: [202],
    },
    {
      name: 'cipher.aes',
      params: [
        action,
        ['text', 'String', true],
        ['key', 'String', true],
        ['transformation', 'String', false, { default: 'AES/CBC/PKCS5Padding' }],
        ['iv', 'String', false],
        ['ivOffset', 'Integer', false, { default: '0' }],
        ['ivLen', 'Integer', false, { default: '16' }],
        ...callbacks,
      ],
      success: [['text', 'String']],
      errorCodes: [200, 202],
    },
  ],
} satisfies DocTranscript;
