/**
 * Entry of the ingest worker thread (started by worker-thread.ts): it loads its modules while
 * the main thread reads the files, takes one job and a port to answer on, answers as it goes.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { readRangeSync } from '../lib/node-read-range.ts';
import { runWorkerJob, type WorkerJob } from './worker-job.ts';

parentPort!.once('message', ({ job, port }: { job: WorkerJob; port: MessagePort }) => {
  runWorkerJob(job, (message, transfer) => port.postMessage(message, transfer), readRangeSync);
  // the port is not closed here: the thread's exit ends it, and the main thread takes what is
  // still queued on its side when it sees the exit (worker-thread.ts)
});
