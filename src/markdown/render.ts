/**
 * Renders many report bodies into the cache on every core (src/markdown/rendered.ts renders and
 * caches one): for a cold build, where most bodies are new. Used through src/markdown/renderer.ts.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { cacheFile, workerThreshold, type RenderOptions } from './cache.ts';
import { renderBody, type BodyInput, type ProcessorOf } from './rendered.ts';

/**
 * Renders every body the cache does not hold, spread over worker threads when there are enough
 * of them, and keeps nothing in memory. Bodies with problems are not cached (they are rendered
 * again when read, to report them).
 */
export async function warmCache(inputs: BodyInput[], options: RenderOptions, key: string, processorOf: ProcessorOf): Promise<void> {
  const misses = inputs.filter((input) => !existsSync(cacheFile(key, input)));
  const threads = Math.min(availableParallelism(), Math.floor(misses.length / workerThreshold));
  if (threads >= 2) {
    await Promise.all(Array.from({ length: threads }, (_, t) => inWorker(misses.filter((_, j) => j % threads === t), options)));
  } else {
    for (const input of misses) renderBody(input, key, processorOf);
  }
}

/** Bodies sent to a worker at once: its memory holds one batch, whatever the number of reports. */
const batch = 50;

/**
 * Renders `inputs` in a worker thread, `batch` at a time. The worker's heap is capped: it holds one
 * batch and the pipeline, and without a cap V8 lets it grow to gigabytes of garbage at 5,000 reports.
 */
function inWorker(inputs: BodyInput[], options: RenderOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: { options }, resourceLimits: { maxOldGenerationSizeMb: 384 } });
    let at = 0;
    let finished = false;
    const next = () => {
      if (at < inputs.length) return worker.postMessage(inputs.slice(at, (at += batch)));
      finished = true;
      void worker.terminate().then(() => resolve());
    };
    worker.on('message', next);
    worker.once('error', reject);
    worker.once('exit', (code) => !finished && reject(new Error(`the report renderer stopped with code ${code}`)));
    next();
  });
}
