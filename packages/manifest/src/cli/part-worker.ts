// The entry of a worker thread of velakit-manifest (bundled as dist/bin/velakit-manifest-part.js): claims chunks of
// the batch and answers each with its part of the report (see parallel.ts), then ends.
import { workerData } from 'node:worker_threads';
import { checkClaimedChunks } from './parallel.js';
import type { WorkerData } from './threads.js';

const { request, port } = workerData as WorkerData;
checkClaimedChunks(request, (result) => port.postMessage(result));
// What was posted stays queued for the main thread; nothing else keeps this thread.
port.unref();
