/** The worker of src/media/metadata.ts: reads an image's header with sharp, answers on the port, then wakes the caller. */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import sharp from 'sharp';

const { port, signal } = workerData as { port: MessagePort; signal: Int32Array };

parentPort!.on('message', (path: string) => {
  const answer = (message: object) => {
    port.postMessage(message);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  sharp(path)
    .metadata()
    .then(
      (m) => answer({ meta: { width: m.autoOrient.width, height: m.autoOrient.height, format: m.format, alpha: m.hasAlpha } }),
      (error: Error) => answer({ error: error.message }),
    );
});
