import type { Module, Parameter } from '../types.js';

const uri: Parameter = {
  name: 'uri',
  type: 'string',
  required: true,
  description:
    'Page to open: a path starting with `/` (`/about`), a page name (`About`), `/` for the page whose path is `/` ' +
    '(else the entry page), or, for `push`, a full URI with a scheme such as `hap://`.',
};

const params: Parameter = {
  name: 'params',
  type: 'object',
  required: false,
  description:
    'Data for the target page, read there as `this.<name>` (each value arrives as a string); the page must declare ' +
    'the names under `public` (from outside the app) or `protected` (from inside).',
  fields: [
    {
      name: '___PARAM_LAUNCH_FLAG___',
      type: 'string',
      required: false,
      description: 'Launch flag: `clearTask` closes every other page when the target opens.',
      values: ['clearTask'],
    },
  ],
};

const pageFields = [
  { name: 'name', type: 'string', description: 'Name of the page.' },
  { name: 'path', type: 'string', description: 'Path of the page.' },
] as const;

/** `@system.router`: page navigation. */
export const router = {
  name: 'system.router',
  summary: 'Open, replace and leave pages of the app, and read the page stack.',
  requiresDeclaration: false,
  apiLevel: 1,
  support: 'everywhere',
  background: false,
  docUrl: 'https://iot.mi.com/vela/quickapp/zh/features/basic/router.html',
  methods: [
    {
      name: 'push',
      description: 'Opens a page of the app on top of the current one.',
      signature: { kind: 'options', params: [uri, params] },
      example: "router.push({ uri: '/about', params: { id: '1' } })",
    },
    {
      name: 'replace',
      description: 'Opens a page of the app in place of the current one, which is destroyed.',
      // The page documents the launch flag for `push` only.
      signature: {
        kind: 'options',
        params: [
          { ...uri, description: uri.description.replace(/, or, for `push`.*$/u, '.') },
          { name: params.name, type: params.type, required: params.required, description: params.description },
        ],
      },
      example: "router.replace({ uri: '/result' })",
    },
    {
      name: 'back',
      description: 'Goes back to the previous page, or to an open page given by its path.',
      signature: {
        kind: 'options',
        params: [
          {
            name: 'path',
            type: 'string',
            required: false,
            description:
              'Path of an open page to return to, starting with `/` (`/` means the page whose path is `/`, else the ' +
              'entry page). Without it, when it does not start with `/` (a page name counts as no path here), or when ' +
              'no open page matches, returns to the previous page; when several match, to the one opened last.',
          },
        ],
      },
      example: "router.back()\nrouter.back({ path: '/home' })",
    },
    {
      name: 'clear',
      description: 'Forgets every earlier page, keeping only the current one.',
      signature: { kind: 'positional', params: [] },
      example: 'router.clear()',
    },
    {
      name: 'getLength',
      description: 'Returns how many pages the page stack holds.',
      signature: { kind: 'positional', params: [] },
      returnValue: { type: 'number', description: 'Number of pages in the stack.' },
      example: 'const pages = router.getLength()',
    },
    {
      name: 'getState',
      description: "Returns the current page's place in the stack, name and path.",
      signature: { kind: 'positional', params: [] },
      returnValue: {
        type: 'object',
        description: 'The current page.',
        fields: [{ name: 'index', type: 'number', description: 'Position of the page in the stack.' }, ...pageFields],
      },
      example: 'const { name, path } = router.getState()',
    },
    {
      name: 'getPages',
      description: 'Returns the page stack, bottom first.',
      signature: { kind: 'positional', params: [] },
      returnValue: {
        type: 'array',
        description: 'One object per page, bottom of the stack first.',
        fields: [...pageFields],
      },
      example: 'const [bottom] = router.getPages()',
    },
  ],
  interfaces: [],
} as const satisfies Module;
