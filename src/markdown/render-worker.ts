/** A worker thread of src/markdown/render.ts: renders its share of bodies into the cache, then says it is done. */
import { parentPort, workerData } from 'node:worker_threads';
import { createReportProcessor } from './pipeline.ts';
import { pipelineKey, renderBody, type BodyInput, type RenderOptions } from './rendered.ts';

const { inputs, options } = workerData as { inputs: BodyInput[]; options: RenderOptions };
const key = pipelineKey(options);
const processor = createReportProcessor({ ...options, strict: false });
for (const input of inputs) renderBody(input, options, key, processor);
parentPort!.postMessage('done');
