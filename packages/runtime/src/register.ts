// `node --import @velakit/runtime/register app.js`: lets unchanged Vela code import or require `@system.*` modules.
import { installHooks } from './loader.js';

installHooks();
