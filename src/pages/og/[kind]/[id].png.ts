/**
 * The Open Graph image of every topic and event page: /og/topics/<id>.png, /og/events/<id>.png
 * (1200×630 PNG). A report page shows its event's card: a card per report would cost a cold build
 * of 5,000 reports about 100 s (37 ms a card), beyond the build budget (bench/). Cards are laid out by
 * src/lib/og-card.ts and drawn by src/og/render.ts, which caches each PNG by a hash of its content
 * under node_modules/.cache/hallway/og/, so a rebuild draws only cards whose text changed.
 * Pages point at these with Base's `image` prop.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { catalog, pageKey } from '../../../data/index.ts';
import { eventCard, topicCard } from '../../../lib/og-card.ts';
import { ensureImages } from '../../../og/render.ts';

export const getStaticPaths = (async () => {
  const paths = [
    ...catalog.topics.map((t) => ({ params: { kind: 'topics', id: t.id }, props: { card: topicCard(t) } })),
    ...catalog.events.map((e) => ({ params: { kind: 'events', id: e.id }, props: { card: eventCard(e) } })),
  ].map((p) => ({ ...p, cacheKey: pageKey([], p.props.card) }));
  // Draw every card missing from the cache now, on all cores; GET below then only copies files.
  if (import.meta.env.PROD) {
    const start = performance.now();
    const { written, cached } = await ensureImages(paths.map((p) => p.props.card), { threads: availableParallelism() });
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(`Open Graph images: ${written} drawn, ${cached} from the cache (${seconds} s)`);
  }
  return paths;
}) satisfies GetStaticPaths;
type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) => {
  const { files } = await ensureImages([props.card]);
  return new Response(readFileSync(files[0]!), { headers: { 'Content-Type': 'image/png' } });
};
