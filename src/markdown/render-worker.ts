/** A worker thread of src/markdown/render.ts: renders each batch of bodies it is sent into the cache, then says so. */
import { parentPort, workerData } from 'node:worker_threads';
import { createReportProcessor } from './pipeline.ts';
import { pipelineKey, renderBody, type BodyInput, type RenderOptions } from './rendered.ts';

const { options } = workerData as { options: RenderOptions };
const key = pipelineKey(options);
const processor = createReportProcessor({ ...options, strict: false });
parentPort!.on('message', (inputs: BodyInput[]) => {
  for (const input of inputs) renderBody(input, options, key, processor);
  parentPort!.postMessage('done');
});
