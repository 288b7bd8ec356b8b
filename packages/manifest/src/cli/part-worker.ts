// The entry of a worker thread of velakit-manifest (bundled as dist/bin/velakit-manifest-part.js): checks the share
// of the inputs it is given and answers with its part of the report (see parallel.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { checkShare, type ShareRequest } from './parallel.js';

parentPort?.postMessage(checkShare(workerData as ShareRequest));
