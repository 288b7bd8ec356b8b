// What `import uploadtask from '@system.uploadtask'` loads under the velakit loader hooks.
import { systemModule } from '../system-module.js';

const uploadtask = systemModule('system.uploadtask');
export default uploadtask;
