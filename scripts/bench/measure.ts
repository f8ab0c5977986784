/**
 * What the bench does at one corpus size: our site cold, unchanged and after one edit, its pages and
 * its search; and, with --starlight, both sites side by side from the same page texts.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchConfig } from './config.ts';
import { writeCorpus } from './corpus.ts';
import type { Run } from './memory.ts';
import { build, check, forget, frequentTopic, frequentWord, ourSite } from './ours.ts';
import type { SideMeasures, SizeMeasures } from './report.ts';
import { writeStarlightPages } from './same-texts.ts';
import { measureSearch, oursUi, starlightUi, type SearchTiming, type SearchUi } from './search.ts';
import { buildPeer, preparePeer } from './starlight.ts';
import { weigh } from './weights.ts';

/** The search timing, or the first line of why it failed (no Chromium, a timeout…). */
async function search(dist: string, word: string, ui: SearchUi, config: BenchConfig): Promise<SearchTiming | string> {
  if (!config.chromium) return 'no Chromium found (set CHROMIUM)';
  try {
    return await measureSearch(dist, word, ui, config.chromium);
  } catch (error) {
    return String(error).split('\n')[0]!;
  }
}

export async function measureSize(n: number, work: string, config: BenchConfig): Promise<SizeMeasures> {
  const site = ourSite(work);
  const t = performance.now();
  writeCorpus({ n, seed: config.seed, out: site.content });
  const genMs = performance.now() - t;
  const checked = await check(site);
  forget(site);
  const cold = await build(site);
  const unchanged = await build(site);
  const weights = weigh(site.dist);
  const word = frequentTopic(site.content);
  const searched = await search(site.dist, word, oursUi, config);
  const first = join(site.content, 'reports', readdirSync(join(site.content, 'reports')).sort()[0]!);
  appendFileSync(first, '\nOne more sentence, added to time a rebuild after a one-file edit.\n');
  const rebuild = await build(site);
  return { n, seed: config.seed, genMs, check: checked, build: cold, unchanged, rebuild, weights, word, search: searched };
}

/** Both sites from the same `n` page texts, cold builds alternated A B A B, then weighed and searched for one word. */
export async function compareWithStarlight(n: number, work: string, config: BenchConfig, reps = 2) {
  const peer = preparePeer(config.anchors, work);
  const site = ourSite(work, 'same-texts');
  writeCorpus({ n, seed: config.seed, out: site.content });
  const pages = writeStarlightPages(site.content, peer.pages);
  const ours: Run[] = [], theirs: Run[] = [];
  for (let i = 0; i < reps; i++) {
    forget(site);
    ours.push(await build(site));
    theirs.push(await buildPeer(peer));
  }
  const word = frequentWord(pages);
  const side = async (builds: Run[], dist: string, ui: SearchUi): Promise<SideMeasures> => ({ builds, weights: weigh(dist), search: await search(dist, word, ui, config) });
  return { word, ours: await side(ours, site.dist, oursUi), starlight: await side(theirs, peer.dist, starlightUi) };
}

