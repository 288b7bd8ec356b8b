// The entry of the read-ahead thread of velakit-manifest (bundled as dist/bin/velakit-manifest-reader.js): reads the
// batch's files into shared memory ahead of the main thread (see read-ahead.ts), then ends.
import { workerData } from 'node:worker_threads';
import { readAheadLoop, type ReadAheadData } from './read-ahead.js';

readAheadLoop(workerData as ReadAheadData);
