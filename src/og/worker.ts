/** A worker thread of ensureImages (render.ts): draws its share of the cards into the cache. */
import { parentPort, workerData } from 'node:worker_threads';
import type { OgCard } from '../lib/og-card.ts';
import { drawInto } from './render.ts';

const { cards, cacheDir } = workerData as { cards: OgCard[]; cacheDir: string };
parentPort!.postMessage(await drawInto(cards, cacheDir));
