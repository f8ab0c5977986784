/**
 * Mutants of the fixture corpus for the fuzz tests (tests/unit/fuzz.test.ts runs the check and the
 * render pipeline on each, tests/site/fuzz-build.test.ts builds a few): one file of
 * tests/fixtures/corpus (a report, a registry or a kept capture's notes) changed in one to three
 * ways that people, editors and paste buffers produce, or that once crashed a parser (issue 18).
 * Everything follows from one seed, so a failing case is replayed with `FUZZ_SEED=<its seed>`.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fixtureCorpus = 'tests/fixtures/corpus';

/** mulberry32: a small, fast PRNG whose whole state is one 32-bit number. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(list: readonly T[]): T => list[int(list.length)]! };
}

type Random = ReturnType<typeof prng>;

/** Inserts `piece` at a random place of `text` (anywhere, or at the start of a line). */
function insert(text: string, piece: string, r: Random, atLine = false): string {
  let at = r.int(text.length + 1);
  if (atLine) at = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(0, at) + piece + text.slice(at);
}

const deep = (r: Random) => r.pick([8, 33, 300, 2000]);
const controls = ['\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff'];
const entities = ['&#bar', '&#99999999;', '&#0;', '&#xD800;', '&#x110000;', '&#106;avascript:', '&amp;', '&nbsp', '&#;', '&#x;', '&'];
const tags = ['<Aside type="note">', '</Aside>', '<Ed note="x">', '</Ed>', '<Ed', '<>', '</>', '<Ed was="a">b</Aside>', '<div>', '<!-- c', '<5 ms'];
const brackets = ['[', ']', '(', ')', '{', '}', '<', '>', '"', "'", '`', '*', '_', '~', '|', '\\', ':', '#', '-', '!', '&', '%', '@'];
const fences = ['```', '~~~', '````js', '---', '***', '$$', '    ', '\t'];
const yamlBits = ['&a ', '*a', ': ', '- ', '? ', '!!binary ', '!!js/function ', '|', '>-', '  ', '\t', '"', "'", '{', '[', '#', '<<: ', '2022-13-45', 'null', '~', '0x1F', '1e999'];

/** One mutation: a name for the failure message, and the change. */
const mutations: [string, (text: string, r: Random) => string][] = [
  ['truncate', (t, r) => t.slice(0, r.int(t.length + 1))],
  ['unbalance', (t, r) => insert(t, r.pick(brackets).repeat(1 + r.int(3)), r)],
  ['remove a bracket', (t, r) => {
    const at = [...t.matchAll(/[[\](){}<>"'`*_~]/g)].map((m) => m.index);
    if (!at.length) return `${t}]`;
    const i = r.pick(at);
    return t.slice(0, i) + t.slice(i + 1);
  }],
  ['fence or rule', (t, r) => insert(t, `${r.pick(fences)}\n`, r, true)],
  ['tag', (t, r) => (r.next() < 0.5 ? insert(t, r.pick(tags), r) : insert(t, `${r.pick(tags)}\n`, r, true))],
  ['duplicate a line', (t, r) => {
    const lines = t.split('\n');
    const i = r.int(lines.length);
    lines.splice(i, 0, lines[i]!);
    return lines.join('\n');
  }],
  ['delete a line', (t, r) => {
    const lines = t.split('\n');
    lines.splice(r.int(lines.length), 1 + r.int(2));
    return lines.join('\n');
  }],
  ['control character', (t, r) => insert(t, r.pick(controls), r)],
  ['entity', (t, r) => insert(t, r.next() < 0.5 ? `[x](https://a.example/${r.pick(entities)})` : r.pick(entities), r)],
  ['CRLF', (t) => t.replace(/\n/g, '\r\n')],
  ['BOM', (t) => `\uFEFF${t}`],
  ['mixed endings', (t, r) => t.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r']))],
  ['deep quotes', (t, r) => insert(t, `${r.pick(['>', '> '])}`.repeat(deep(r)) + 'x\n', r, true)],
  ['deep list', (t, r) => insert(t, `${r.pick(['- ', '* ', '1. ', '> - '])}`.repeat(deep(r)) + 'x\n', r, true)],
  ['indented lists', (t, r) => insert(t, Array.from({ length: Math.min(deep(r), 300) }, (_, i) => `${'  '.repeat(i)}- x`).join('\n') + '\n', r, true)],
  ['deep emphasis', (t, r) => {
    const n = deep(r);
    const [open, close] = r.pick([['*a ', '*'], ['**a ', '**'], ['~~a ', '~~'], ['[', '](x)'], ['<Ed note="n">', '</Ed>']] as const);
    return insert(t, `${open.repeat(n)}b${close.repeat(n)}`, r);
  }],
  ['random UTF-8', (t, r) => insert(t, String.fromCodePoint(...Array.from({ length: 1 + r.int(8) }, () => r.pick([r.int(0x80), 0x300 + r.int(0x70), 0x600 + r.int(0x100), 0x202e, 0x200b, 0xfffd, 0xfeff, 0x1f600 + r.int(0x50), 0x10000 + r.int(0xfff00)]))), r)],
  ['YAML syntax', (t, r) => insert(t, r.pick(yamlBits), r, r.next() < 0.5)],
  ['long line', (t, r) => insert(t, `${'word '.repeat(r.pick([100, 3999, 4001]))}\n`, r, true)],
];

/** Byte-level damage after the text mutations: invalid UTF-8. */
function damageBytes(bytes: Buffer, r: Random): Buffer {
  if (r.next() > 0.05) return bytes;
  const at = r.int(bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from([r.pick([0xe9, 0xc3, 0xff, 0x80, 0xed])]), bytes.subarray(at)]);
}

export interface Mutant {
  seed: number;
  /** The corpus-relative file that was changed. */
  file: string;
  /** The mutations applied, in order. */
  applied: string[];
  bytes: Buffer;
}

/** The files a mutant may change: reports three times as often as the rest. */
function targets(corpus: string): string[] {
  // Reports, not their photos (the pipeline reads a photo's header only; sharp's parsers are not ours to fuzz).
  const reports = readdirSync(join(corpus, 'reports')).filter((n) => n.endsWith('.mdx')).map((n) => `reports/${n}`);
  const registries = readdirSync(corpus).filter((n) => n.endsWith('.yaml'));
  const notes = readdirSync(join(corpus, 'sources')).filter((n) => n.endsWith('.yaml')).map((n) => `sources/${n}`);
  return [...reports, ...reports, ...reports, ...registries, ...notes];
}

/** The mutant of `corpus` (default: the fixture corpus) that `seed` names. */
export function mutant(seed: number, corpus = fixtureCorpus): Mutant {
  const r = prng(seed);
  const file = r.pick(targets(corpus));
  let text = readFileSync(join(corpus, file), 'utf8');
  const applied: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const [name, change] = r.pick(mutations);
    // A report's body is where the parsers are: most of its mutations go there, the rest anywhere.
    const bodyAt = file.startsWith('reports/') && r.next() < 0.75 ? text.indexOf('\n---\n', 4) + 5 : 0;
    applied.push(bodyAt > 0 ? `${name} (body)` : name);
    text = text.slice(0, bodyAt) + change(text.slice(bodyAt), r);
  }
  return { seed, file, applied, bytes: damageBytes(Buffer.from(text, 'utf8'), r) };
}

/** `text` changed in one to three of the same ways, by `seed` (for inputs outside the corpus, e.g. HTML captures). */
export function mutateText(text: string, seed: number): { text: string; applied: string[] } {
  const r = prng(seed);
  const applied: string[] = [];
  for (let n = 1 + r.int(3); n > 0; n--) {
    const [name, change] = r.pick(mutations);
    applied.push(name);
    text = change(text, r);
  }
  return { text, applied };
}

/** A copy of `corpus` in a new temporary folder with the mutant written in; its path. */
export function writeMutant(m: Mutant, corpus = fixtureCorpus): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-fuzz-'));
  cpSync(corpus, dir, { recursive: true, filter: (source) => !source.endsWith('README.md') });
  writeFileSync(join(dir, m.file), m.bytes);
  return dir;
}

/**
 * Our format, `file:line: field: expected …, found …` (an `<Ed>` message names the element
 * before "expected"; a file's name has no line; a misspelt field is shown as written, colons and
 * all). Every problem a person sees must match it.
 */
export const ourFormat = /^[^:]+(?::\d+: .+?|: \(file name\)): (?:<Ed[^>]*> )?expected .+, found /;

/** What must never reach a person: a stack frame, a framework's placeholder, or our own last resort for a crash. */
export const neverShown = /^ {4}at |\*\*\*\*|the report pipeline can read, found it stopped|\[object Object\]|undefined:/m;

/** What is wrong with `lines` (problems as printed), or nothing. */
export function misreported(lines: string[]): string[] {
  // What the author wrote comes back quoted (`found "ra**a **a"`): only our own words are checked.
  // A misspelt field is shown as written: only the message after it is ours.
  return lines.filter((line) => !ourFormat.test(line) || neverShown.test(line.slice(line.indexOf(': expected')).replace(/"(?:[^"\\]|\\.)*"/g, '""')));
}

/** How to run one case again, for failure messages. */
export const replay = (seed: number, test: string) => `replay: FUZZ_SEED=${seed} FUZZ_CASES=1 node --test ${test}`;
