/** A worker thread of src/markdown/render.ts: renders each batch of bodies it is sent into the cache, then says so. */
import { parentPort, workerData } from 'node:worker_threads';
import type { RenderOptions } from './cache.ts';
import { reportRenderer } from './renderer.ts';
import type { BodyInput } from './rendered.ts';

const renderer = reportRenderer((workerData as { options: RenderOptions }).options);
parentPort!.on('message', (inputs: BodyInput[]) => {
  for (const input of inputs) renderer.body(input);
  parentPort!.postMessage('done');
});
