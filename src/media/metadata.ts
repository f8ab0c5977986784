/**
 * An image's size and format, synchronously. The report pipeline runs synchronously (unified's
 * `runSync`, for the check and the loader alike) and sharp only answers asynchronously, so one
 * worker thread per process runs sharp and the caller waits for its answer (Atomics.wait, then
 * receiveMessageOnPort). Only the file's header is read: a few milliseconds an image.
 */
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

export interface Metadata {
  /** Displayed size: EXIF orientation applied. */
  width: number;
  height: number;
  format: string;
  /** True when it has an alpha channel (may be transparent). */
  alpha: boolean;
}

// Resolved from the project root: this module may run from a bundle written elsewhere (as src/og/render.ts).
const workerFile = join(process.cwd(), 'src', 'media', 'metadata-worker.ts');

let channel: { worker: Worker; port: MessagePort; signal: Int32Array } | undefined;

function start() {
  const { port1, port2 } = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerFile, { workerData: { port: port2, signal }, transferList: [port2] });
  // The worker never keeps a process alive: it only answers while a caller waits.
  worker.unref();
  return { worker, port: port1, signal };
}

/** The size and format of the image at `path`; throws (with sharp's reason) when it is not an image sharp reads. */
export function imageMetadata(path: string): Metadata {
  channel ??= start();
  Atomics.store(channel.signal, 0, 0);
  channel.worker.postMessage(path);
  // A minute is far past any header read; a stuck worker must not hang the build.
  if (Atomics.wait(channel.signal, 0, 0, 60_000) === 'timed-out') throw new Error('the image reader did not answer');
  const answer = receiveMessageOnPort(channel.port)?.message as { meta?: Metadata; error?: string } | undefined;
  if (!answer?.meta) throw new Error(answer?.error ?? 'the image reader did not answer');
  return answer.meta;
}
