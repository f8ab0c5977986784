/**
 * `--federated`: search across teams at one corpus size. Three sites of `n` synthetic reports each
 * (seeds seed, seed+1, seed+2) are built; two are served with CORS, and the first, listing them in
 * its sites.yaml, is the hub whose search page merges all three indexes. One of the two served
 * sites, searched alone, is the single-site baseline for bytes and time.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchConfig } from './config.ts';
import { writeCorpus } from './corpus.ts';
import type { Run } from './memory.ts';
import { build, forget, frequentTopics, ourSite, type OurSite } from './ours.ts';
import { measureSearchAt, oursUi, type SearchTiming } from './search.ts';
import { serve, type Served } from '../lib/serve.ts';

export interface FederationMeasures {
  n: number;
  word: string;
  /** The word of the second search, in the same page once the first has loaded the index. */
  next: string;
  builds: Run[];
  /** One site alone, and the hub over three; typed (settle delay included) and submitted with Enter. */
  single: { typed: SearchTiming; submitted: SearchTiming };
  hub: { typed: SearchTiming; submitted: SearchTiming };
}

async function timings(url: string, [word, next]: [string, string], chromium: string) {
  return {
    typed: await measureSearchAt(url, word, oursUi, chromium),
    submitted: await measureSearchAt(url, word, oursUi, chromium, { submit: true, again: next }),
  };
}

export async function measureFederation(n: number, work: string, config: BenchConfig): Promise<FederationMeasures> {
  if (!config.chromium) throw new Error('no Chromium found (set CHROMIUM)');
  const sites: OurSite[] = ['fed-hub', 'fed-b', 'fed-c'].map((name) => ourSite(work, name));
  sites.forEach((site, i) => writeCorpus({ n, seed: config.seed + i, out: site.content, photos: false }));
  const [hub, ...others] = sites as [OurSite, OurSite, OurSite];
  const builds: Run[] = [];
  const served: Served[] = [];
  try {
    for (const site of others) {
      forget(site);
      builds.push(await build(site));
      served.push(await serve(site.dist, '/', { cors: true }));
    }
    writeFileSync(
      join(hub.content, 'sites.yaml'),
      served.map((s, i) => `team-${i + 2}:\n  name: Team ${i + 2}\n  url: ${s.url}\n`).join(''),
    );
    forget(hub);
    builds.push(await build(hub));
    const hubServed = await serve(hub.dist);
    served.push(hubServed);
    const words = frequentTopics(hub.content, 2) as [string, string];
    return { n, word: words[0], next: words[1], builds, single: await timings(served[0]!.url, words, config.chromium), hub: await timings(hubServed.url, words, config.chromium) };
  } finally {
    await Promise.all(served.map((s) => s.close()));
    sites.forEach(forget);
  }
}
