/**
 * A deterministic synthetic corpus for `npm run bench`: N reports whose prose is recombined from the
 * SENTENCES of the real reports (never whole reports), on many events 2016–2026 in the series of
 * taxonomy.yaml (in the cities the real events.yaml gives each series), with the real
 * tools.yaml/topics.yaml, Zipf-distributed tool and topic mentions, and a programme per event:
 * a keynote most reports cover, and talks most of which one or two reports discuss, as in real life.
 * One report in three has 3–8 generated photos beside it.
 * Same seed → byte-identical files. `writeCorpus` validates the folder with the real check and throws
 * if it finds a single problem.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/check/index.ts';
import { fixReports } from '../../src/check/fix.ts';
import { formatProblems } from '../../src/lib/problems.ts';
import { commandLine } from '../../src/lib/command-line.ts';
import { contentPathsFor } from '../../src/paths.ts';
import { encodeOpaquePng } from '../../src/og/png.ts';
import { parse as parseYaml } from 'yaml';

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
/** Index 0..n-1 with probability ∝ 1/(i+1)^s (Zipf-like). */
function zipf(rng: Rng, n: number, s = 1.1): number {
  const w = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  let r = rng() * w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) if ((r -= w[i]!) <= 0) return i;
  return n - 1;
}

/** Strips MDX escapes so text can be re-escaped uniformly. */
const unescape = (s: string) => s.replace(/\\([{}<>\\*_`[\]])/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
/** Escapes what MDX would read as an expression or a tag, and Markdown emphasis/link markers. */
export const escapeMdx = (s: string) => s.replace(/\\/g, '').replace(/[{}<]/g, (c) => `\\${c}`).replace(/[*_[\]]/g, '');

/** Sentences of the real reports' prose: frontmatter, headings, code, tables, <Ed> markup and comments removed. */
export function harvestSentences(texts: string[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    const body = text.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/```[\s\S]*?```/g, '').replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
    const cleaned = body
      .replace(/<Ed\b[^>]*\/>/g, '')
      .replace(/<Ed\b[^>]*>/g, '')
      .replace(/<\/Ed>/g, '')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    for (const line of cleaned.split('\n')) {
      const l = line.trim().replace(/^([-*+]|\d+\.)\s+/, '');
      if (!l || /^(#|\||>|import|export)/.test(l)) continue;
      for (const s of l.split(/(?<=[.!?])\s+(?=[A-Z"“])/)) {
        const t = escapeMdx(unescape(s.trim())).replace(/`[^`]*`/g, (m) => m).trim();
        if (t.length < 25 || t.length > 320) continue;
        if ((t.match(/`/g) ?? []).length % 2) continue;
        if (/^(import|export)\b/i.test(t) || /<|https?:/.test(unescape(t))) continue;
        out.add(t);
      }
    }
  }
  return [...out].sort();
}

const FIRST = ['Ada', 'Bela', 'Chen', 'Dara', 'Emil', 'Farah', 'Goran', 'Hana', 'Ilya', 'Jonas', 'Kemi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera', 'Wen', 'Yusuf', 'Zofia'];
const LAST = ['Albrecht', 'Baptiste', 'Castro', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Horvat', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Varga', 'Weber', 'Yilmaz'];
const HEAD_WORDS = ['Operators', 'GitOps', 'Observability', 'Storage', 'Security', 'Platform teams', 'Autoscaling', 'Serverless', 'Batch jobs', 'Multi-tenancy', 'The keynotes', 'Hallway talks', 'Service mesh', 'Developer experience', 'Cost', 'Edge', 'Databases', 'Networking', 'Policy', 'Supply chain', 'Day two', 'Lessons', 'Takeaways', 'Surprises', 'Community'];
const SUB_WORDS = ['in practice', 'at scale', 'for beginners', 'revisited', 'the hard parts', 'what changed', 'open questions', 'next steps', 'tooling', 'numbers'];

/** What the generator draws on from a content folder's registries (not the check's `readRegistries`: raw text and a few lists). */
export interface Seeds {
  taxonomy: string; tools: string; topics: string;
  series: string[];
  /** Each series' cities and countries, from the real events.yaml (all of them for a series with no event yet). */
  cities: Map<string, [string, string][]>;
  /** tool ids with one spelling to insert (already formatted: plain word or `code`), in registry order */
  tools_: { id: string; spelling: string }[];
  topicIds: string[];
}

export function readSeeds(contentDir = 'content'): Seeds {
  const paths = contentPathsFor(contentDir);
  const taxonomy = readFileSync(paths.taxonomy, 'utf8');
  const tools = readFileSync(paths.tools, 'utf8');
  const topics = readFileSync(paths.topics, 'utf8');
  const toolData = parseYaml(tools) as Record<string, { match?: (string | { text: string; case?: string; code?: boolean })[] }>;
  const tools_ = Object.entries(toolData).flatMap(([id, t]) => {
    const m = (t.match ?? [])[0];
    if (m === undefined) return [];
    const spelling = typeof m === 'string' ? m : m.code ? `\`${m.text}\`` : m.text;
    return [{ id, spelling }];
  });
  const series = Object.keys((parseYaml(taxonomy) as { series: Record<string, string> }).series);
  const events = Object.values((parseYaml(readFileSync(paths.events, 'utf8')) ?? {}) as Record<string, { series: string; city: string; country: string }>);
  const placesOf = (es: typeof events) => [...new Map(es.map((e) => [e.city, [e.city, e.country] as [string, string]])).values()];
  const cities = new Map(series.map((id) => [id, placesOf(events.filter((e) => e.series === id))] as const));
  for (const [id, places] of cities) if (!places.length) cities.set(id, placesOf(events));
  return { taxonomy, tools, topics, series, cities, tools_, topicIds: Object.keys(parseYaml(topics) as object) };
}

interface Ev { id: string; series: string; year: number; city: string; country: string; start: string; end: string }

export function makeEvents(rng: Rng, series: string[], count: number, cities: Map<string, [string, string][]>): Ev[] {
  const evs: Ev[] = [];
  const seen = new Set<string>();
  for (let i = 0; evs.length < count && i < count * 20; i++) {
    const s = series[i % series.length]!;
    const year = int(rng, 2016, 2026);
    const [city, country] = pick(rng, cities.get(s)?.length ? cities.get(s)! : [['Berlin', 'Germany']]);
    const id = `${s}-${year}-${personId(city)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const month = int(rng, 3, 10), day = int(rng, 1, 25);
    const d = (n: number) => `${year}-${String(month).padStart(2, '0')}-${String(n).padStart(2, '0')}`;
    evs.push({ id, series: s, year, city, country, start: d(day), end: d(day + int(rng, 0, 3)) });
  }
  return evs.sort((a, b) => a.id.localeCompare(b.id));
}

function eventsYaml(evs: Ev[], seriesNames: Record<string, string>): string {
  return evs.map((e) => `${e.id}:
  name: ${seriesNames[e.series]} ${e.year} ${e.city}
  shortName: ${e.series} ${e.year} ${e.city}
  series: ${e.series}
  year: ${e.year}
  city: ${e.city}
  country: ${e.country}
  start: "${e.start}"
  end: "${e.end}"
  summary: A synthetic edition of ${seriesNames[e.series]} in ${e.city}, ${e.year}.
`).join('\n');
}

/** An id from a name: "Ada Albrecht" → "ada-albrecht", "São Paulo" → "s-o-paulo". */
const personId = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Every synthetic person, author or speaker, in people.yaml order. */
const PEOPLE = FIRST.flatMap((f) => LAST.map((l) => `${f} ${l}`));

export interface Talk { id: string; title: string; event: string; speakers: string[]; kind: 'keynote' | 'talk' | 'panel' | 'lightning talk' }

/** Each event's programme: a keynote, then 4–12 talks (some panels and lightning talks) of 1–3 speakers. */
export function makeTalks(rng: Rng, evs: Ev[]): Map<string, Talk[]> {
  const speakers = (k: number) => [...new Set(Array.from({ length: k }, () => personId(pick(rng, PEOPLE))))];
  return new Map(evs.map((ev) => {
    const talks: Talk[] = [{ id: `${ev.id}-keynote`, title: `Opening keynote: ${pick(rng, HEAD_WORDS)} ${pick(rng, SUB_WORDS)}`, event: ev.id, speakers: speakers(1), kind: 'keynote' }];
    for (let k = 1, count = int(rng, 4, 12); k <= count; k++) {
      const r = rng();
      const kind = r < 0.12 ? 'panel' : r < 0.22 ? 'lightning talk' : 'talk';
      talks.push({ id: `${ev.id}-talk-${k}`, title: `${pick(rng, HEAD_WORDS)} ${pick(rng, SUB_WORDS)}, part ${k}`, event: ev.id, speakers: speakers(kind === 'panel' ? 3 : int(rng, 1, 2)), kind });
    }
    return [ev.id, talks] as const;
  }));
}

const talksYaml = (talks: Talk[]) => talks.map((t) => `${t.id}:
  title: ${JSON.stringify(t.title)}
  event: ${t.event}
  speakers: [${t.speakers.join(', ')}]
  kind: ${t.kind}
`).join('\n');

/**
 * The talks one report discusses, each tied to one of its `##` sections: its event's keynote in 3
 * reports out of 5 (so a keynote is covered by many), and 0–2 of the other talks picked evenly (so
 * most talks are discussed by one or two reports, many by none).
 */
function discussedTalks(rng: Rng, programme: Talk[], h2: string[]): string[] {
  const chosen = new Set<Talk>();
  if (rng() < 0.6) chosen.add(programme[0]!);
  for (let k = int(rng, 0, 2); k > 0; k--) chosen.add(pick(rng, programme.slice(1)));
  return [...chosen].map((t) => `  - talk: ${t.id}\n    sections: [${JSON.stringify(pick(rng, h2))}]`);
}

/**
 * A report's frontmatter: author, summary, 1–4 Zipf-distributed topics and the talks it discusses,
 * each tied to `##` sections by heading text (fixReports turns them into ids). Tools are left for
 * fixReports to fill; year and city come from the event.
 */
function frontmatter(rng: Rng, page: { title: string; h2: string[] }, ev: Ev, reg: Seeds, programme: Talk[]): string {
  const author = pick(rng, PEOPLE);
  const topicIdx = new Set<number>();
  for (let k = int(rng, 1, 4); k > 0; k--) topicIdx.add(zipf(rng, reg.topicIds.length, 0.9));
  const topics = [...topicIdx].sort((a, b) => a - b).map((t) => {
    const secs = [...new Set([pick(rng, page.h2), pick(rng, page.h2)])];
    return `  - topic: ${reg.topicIds[t]}\n    sections: [${secs.map((x) => JSON.stringify(x)).join(', ')}]`;
  });
  const talks = discussedTalks(rng, programme, page.h2);
  const summary = `What ${author} took home from ${ev.city} in ${ev.year}: ${page.h2.map((h) => h.toLowerCase()).slice(0, 3).join(', ')}.`;
  return [
    '---',
    `title: ${JSON.stringify(page.title)}`,
    `event: ${ev.id}`,
    `year: ${ev.year}`,
    `city: ${ev.city}`,
    `author: ${personId(author)}`,
    `published: "${ev.end}"`,
    `summary: ${JSON.stringify(summary)}`,
    'tools: []',
    'topics:',
    ...topics,
    ...(talks.length ? ['talks:', ...talks] : []),
    '---',
    '',
  ].join('\n');
}

/** One report's MDX text, its prose recombined from `sentences`. */
export function makeReport(rng: Rng, i: number, ev: Ev, sentences: string[], reg: Seeds, programme: Talk[]): string {
  const nSections = int(rng, 2, 8);
  const usedHeads = new Set<string>();
  const headings: { text: string; level: number }[] = [];
  const paragraph = (n: number) => Array.from({ length: n }, () => pick(rng, sentences)).join(' ');
  // tools this report names: 0–10, Zipf over the registry order
  const nTools = Math.min(10, Math.floor(rng() * rng() * 11));
  const toolSpellings = Array.from({ length: nTools }, () => reg.tools_[zipf(rng, reg.tools_.length)]!.spelling);
  const body: string[] = [];
  const intro = paragraph(int(rng, 2, 4));
  body.push(intro, '');
  for (let s = 0; s < nSections; s++) {
    let head = pick(rng, HEAD_WORDS);
    while (usedHeads.has(head)) head = `${pick(rng, HEAD_WORDS)} ${usedHeads.size}`;
    usedHeads.add(head);
    headings.push({ text: head, level: 2 });
    body.push(`## ${head}`, '');
    const paras = int(rng, 1, 4);
    for (let p = 0; p < paras; p++) {
      let text = paragraph(int(rng, 2, 6));
      if (toolSpellings.length && rng() < 0.6) text += ` We also heard a lot about ${toolSpellings.splice(0, 1)[0]} in this track.`;
      if (rng() < 0.15) text += ` One demo ran \`kubectl get pods -A\` live.`;
      body.push(text, '');
    }
    if (rng() < 0.4) {
      for (let k = int(rng, 2, 5); k > 0; k--) body.push(`- ${pick(rng, sentences)}`);
      body.push('');
    }
    if (rng() < 0.3) {
      const sub = `${head} ${pick(rng, SUB_WORDS)}`;
      if (!usedHeads.has(sub)) {
        usedHeads.add(sub);
        headings.push({ text: sub, level: 3 });
        body.push(`### ${sub}`, '', paragraph(int(rng, 2, 5)), '');
      }
    }
  }
  if (toolSpellings.length) body.push(`Tools we want to try next: ${toolSpellings.join(', ')}.`, '');
  const h2 = headings.filter((h) => h.level === 2).map((h) => h.text);
  const title = `${pick(rng, HEAD_WORDS)} at ${ev.city} ${ev.year}, report ${i + 1}`;
  return frontmatter(rng, { title, h2 }, ev, reg, programme) + body.join('\n');
}

/**
 * A made-up photo, `width` × `height`, drawn from `rng`: a gradient, a few blocks of colour and some
 * grain, so it encodes like a photo of a slide rather than a flat colour. A PNG by src/og/png.ts
 * (Node's zlib), so the generator stays synchronous; at deflate level 1, as a phone's screenshot
 * tool saves fast, which takes a third of level 6's time on grain.
 */
export function makePhoto(rng: Rng, width = 960, height = 640): Buffer {
  const pixels = new Uint8Array(width * height * 4);
  const base = [int(rng, 20, 120), int(rng, 20, 120), int(rng, 60, 160)];
  let noise = Math.floor(rng() * 2 ** 31);
  for (let y = 0, at = 0; y < height; y++) {
    for (let x = 0; x < width; x++, at += 4) {
      noise = (noise * 1103515245 + 12345) & 0x7fffffff; // a cheap grain, not worth a call of rng a pixel
      const grain = (noise >> 16) % 7 - 3;
      for (let c = 0; c < 3; c++) pixels[at + c] = base[c]! + Math.floor((y * 80) / height) + grain;
      pixels[at + 3] = 255;
    }
  }
  for (let b = int(rng, 3, 6); b > 0; b--) {
    const [x0, y0, w, h] = [int(rng, 0, width - 200), int(rng, 0, height - 150), int(rng, 80, 400), int(rng, 60, 300)];
    const rgb = [int(rng, 0, 255), int(rng, 0, 255), int(rng, 0, 255)];
    for (let y = y0; y < Math.min(height, y0 + h); y++) {
      for (let x = x0; x < Math.min(width, x0 + w); x++) pixels.set(rgb, (y * width + x) * 4);
    }
  }
  return encodeOpaquePng(pixels, width, height, 1)!;
}

/**
 * One report in three gets 3–8 photos beside it (`<id>-photo-<k>.png`), at the end of its first
 * section. They are drawn from a generator of their own, so the reports' text is as without them.
 */
function addPhotos(rng: Rng, out: string, id: string, text: string): string {
  if (rng() >= 1 / 3) return text;
  const lines: string[] = [];
  for (let k = 1, n = int(rng, 3, 8); k <= n; k++) {
    writeFileSync(join(out, 'reports', `${id}-photo-${k}.png`), makePhoto(rng));
    lines.push(`![Slide ${k} of the talk: coloured blocks on a ${pick(rng, ['blue', 'grey', 'purple'])} background](./${id}-photo-${k}.png${rng() < 0.5 ? ` "From the room, slide ${k}."` : ''})`, '');
  }
  const second = text.indexOf('\n## ', text.indexOf('\n## ') + 1);
  const at = second < 0 ? text.length : second + 1;
  return `${text.slice(0, at).replace(/\n*$/, '\n\n')}${lines.join('\n')}${text.slice(at)}`;
}

export interface CorpusOptions {
  n: number;
  seed?: number;
  out: string;
  source?: string;
  /** Photos beside one report in three (default); the federated bench leaves them out: search never sees them, and encoding them three times over measures nothing it reports. */
  photos?: boolean;
}

/** Writes the whole content folder; throws if `checkContent` finds any problem. Returns the report ids. */
export function writeCorpus({ n, seed = 1, out, source = 'content', photos = true }: CorpusOptions): string[] {
  const rng = mulberry32(seed);
  const reg = readSeeds(source);
  const texts = readdirSync(join(source, 'reports')).filter((f) => f.endsWith('.mdx')).sort().map((f) => readFileSync(join(source, 'reports', f), 'utf8'));
  const sentences = harvestSentences(texts);
  const seriesNames = (parseYaml(reg.taxonomy) as { series: Record<string, string> }).series;
  const evs = makeEvents(rng, reg.series, Math.max(6, Math.min(120, Math.ceil(n / 8))), reg.cities);
  const programmes = makeTalks(rng, evs);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'reports'), { recursive: true });
  for (const f of ['taxonomy.yaml', 'tools.yaml', 'topics.yaml']) copyFileSync(join(source, f), join(out, f));
  writeFileSync(join(out, 'events.yaml'), `# Synthetic events for the benchmark (scripts/bench/corpus.ts).\n\n${eventsYaml(evs, seriesNames)}`);
  writeFileSync(join(out, 'talks.yaml'), `# Synthetic programmes for the benchmark (scripts/bench/corpus.ts).\n\n${talksYaml([...programmes.values()].flat())}`);
  const used = new Set([...programmes.values()].flat().flatMap((t) => t.speakers));
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const ev = evs[zipf(rng, evs.length, 0.5)]!;
    const id = `bench-${String(i + 1).padStart(5, '0')}-${ev.id}`;
    const report = makeReport(rng, i, ev, sentences, reg, programmes.get(ev.id)!);
    const text = photos ? addPhotos(mulberry32(seed * 7919 + i), out, id, report) : report;
    writeFileSync(join(out, 'reports', `${id}.mdx`), text);
    used.add(/^author: (.+)$/m.exec(text)![1]!);
    ids.push(id);
  }
  // The people who write or speak, as in a real people.yaml (not every name the generator could pick).
  writeFileSync(join(out, 'people.yaml'), PEOPLE.filter((name) => used.has(personId(name))).map((name) => `${personId(name)}:\n  name: ${name}\n`).join('\n'));
  fixReports(checkContent({ dir: out }));
  const { problems } = checkContent({ dir: out });
  if (problems.length) throw new Error(`synthetic corpus in ${out} has ${problems.length} problems:\n${formatProblems(problems.slice(0, 20))}`);
  return ids;
}

if (import.meta.main) {
  const { values, usageError } = commandLine({
    command: 'node scripts/bench/corpus.ts',
    options: { n: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
    usage: 'Usage: node scripts/bench/corpus.ts [--n 100] [--seed 1] [--out bench/corpus]\n\nWrites a synthetic corpus of n reports (and its registries) into --out, and checks it.',
  });
  const [n, seed] = [Number(values.n ?? '100'), Number(values.seed ?? '1')];
  if (!Number.isInteger(n) || n < 1) usageError('--n', `expected a whole number above 0, found "${values.n}"`);
  if (!Number.isInteger(seed)) usageError('--seed', `expected a whole number, found "${values.seed}"`);
  const out = values.out ?? 'bench/corpus';
  const t = performance.now();
  const ids = writeCorpus({ n, seed, out });
  console.log(`${ids.length} reports written to ${out} and checked in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
