// What `import request from '@system.request'` loads under the velakit loader hooks.
import { systemModule } from '../system-module.js';

const request = systemModule('system.request');
export default request;
