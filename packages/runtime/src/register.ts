// `node --import @velakit/runtime/register app.js`: lets unchanged Vela code import or require `@system.*` modules.
import { register } from 'node:module';
import { installRequireHook } from './require-hook.js';

register('./hooks.js', import.meta.url);
installRequireHook();
