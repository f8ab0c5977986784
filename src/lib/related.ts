/**
 * Related reading: for every report, the few reports that share the most with it (topics, talks,
 * tools, events), each with what they share, so a page can say why ("also covers operators,
 * Crossplane"). Computed once for the whole catalog through inverted indexes, not per page.
 *
 * Scoring: each shared feature adds its kind's weight (topic 3, talk 3, tool 1, event 1) divided by
 * log2(1 + how many reports have it), so a rare shared topic counts for more than a ubiquitous one.
 * Ties: more shared features first, then the later report in the given order.
 *
 * Cost: a feature held by at most `maxPostings` reports is walked in full; a more common one only
 * through the `maxPostings` reports nearest to this one in the given order (the catalog's date
 * order), so the work per report is bounded whatever the corpus size. Does not filter drafts and
 * does not read the clock; it never lists a report as related to itself.
 */

import type { Report } from './catalog.ts';

export type FeatureKind = 'topic' | 'talk' | 'tool' | 'event';

export interface Feature {
  kind: FeatureKind;
  id: string;
  /** What a reader sees, e.g. the topic's title or the tool's name. */
  name: string;
}

export interface RelatedItem<R> {
  report: R;
  /** Shared features, most telling first: topics, talks, tools, then events. */
  shared: Feature[];
  score: number;
}

export interface RelatedOptions {
  /** Related reports per report (default 3). */
  limit?: number;
  /** Postings walked per feature and report (default 200). */
  maxPostings?: number;
}

const weights: Record<FeatureKind, number> = { topic: 3, talk: 3, tool: 1, event: 1 };
const kindOrder: FeatureKind[] = ['topic', 'talk', 'tool', 'event'];

/** Related reports for every report in `reports`, keyed by id; `features` says what a report has. */
export function relatedReading<R extends { id: string }>(
  reports: R[],
  features: (report: R) => Feature[],
  { limit = 3, maxPostings = 200 }: RelatedOptions = {},
): Map<string, RelatedItem<R>[]> {
  const featuresOf = reports.map((r) => {
    const seen = new Map<string, Feature>();
    for (const f of features(r)) seen.set(`${f.kind}:${f.id}`, f);
    return seen;
  });
  // Inverted index: feature key → indexes of the reports that have it, in the given order.
  const postings = new Map<string, number[]>();
  featuresOf.forEach((fs, i) => {
    for (const key of fs.keys()) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });

  const score = new Float64Array(reports.length);
  const count = new Int32Array(reports.length);
  const result = new Map<string, RelatedItem<R>[]>();
  featuresOf.forEach((fs, i) => {
    const touched: number[] = [];
    for (const [key, f] of fs) {
      const list = postings.get(key)!;
      if (list.length < 2) continue;
      const weight = weights[f.kind] / Math.log2(1 + list.length);
      let from = 0;
      let to = list.length;
      if (list.length > maxPostings) {
        const at = lowerBound(list, i);
        from = Math.max(0, Math.min(at - (maxPostings >> 1), list.length - maxPostings));
        to = from + maxPostings;
      }
      for (let k = from; k < to; k++) {
        const j = list[k]!;
        if (j === i) continue;
        if (count[j] === 0) touched.push(j);
        score[j] = score[j]! + weight;
        count[j] = count[j]! + 1;
      }
    }
    // Top `limit` by a linear scan (a full sort of every candidate would dominate the cost).
    const before = (a: number, b: number) => score[b]! - score[a]! || count[b]! - count[a]! || b - a;
    const top: number[] = [];
    for (const j of touched) {
      if (top.length === limit && before(j, top[limit - 1]!) >= 0) continue;
      let k = Math.min(top.length, limit - 1);
      top[k] = j;
      while (k > 0 && before(top[k]!, top[k - 1]!) < 0) {
        [top[k - 1], top[k]] = [top[k]!, top[k - 1]!];
        k--;
      }
    }
    const best = top
      .map((j) => ({
        report: reports[j]!,
        score: Math.round(score[j]! * 1000) / 1000,
        shared: [...fs.entries()]
          .filter(([key]) => featuresOf[j]!.has(key))
          .map(([, f]) => f)
          .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind)),
      }));
    for (const j of touched) {
      score[j] = 0;
      count[j] = 0;
    }
    result.set(reports[i]!.id, best);
  });
  return result;
}

/** The first index in the sorted `list` whose value is ≥ `value`. */
function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Why a report is related, in words: "also covers operators, Crossplane" (topics, talks and tools,
 * at most `max` names), or "also about KubeCon EU 2022" when only an event is shared.
 */
export function reasonOf(shared: Feature[], max = 3): string {
  const subjects = shared.filter((f) => f.kind !== 'event');
  if (subjects.length === 0) {
    const events = shared.filter((f) => f.kind === 'event').map((f) => f.name);
    return events.length ? `also about ${events.join(', ')}` : '';
  }
  const names = subjects.slice(0, max).map((f) => f.name);
  const more = subjects.length - names.length;
  return `also covers ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

/** What a catalog report shares with others: its topics, talks, tools and events (the main one and those it also covers). */
export function reportFeatures(report: Pick<Report, 'topics' | 'talks' | 'tools' | 'event' | 'alsoCovers'>): Feature[] {
  return [
    ...report.topics.map(({ topic }) => ({ kind: 'topic' as const, id: topic.id, name: topic.title })),
    ...report.talks.map(({ talk }) => ({ kind: 'talk' as const, id: talk.id, name: `“${talk.title}”` })),
    ...report.tools.map((t) => ({ kind: 'tool' as const, id: t.id, name: t.name })),
    ...[report.event, ...report.alsoCovers].map((e) => ({ kind: 'event' as const, id: e.id, name: e.shortName })),
  ];
}
