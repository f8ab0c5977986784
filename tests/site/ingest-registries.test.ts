/**
 * `npm run ingest --yes` on a capture (CRLF, odd characters) about an event of a series the site
 * does not know, with no dates in the text, naming tools tools.yaml lacks: the series goes into
 * taxonomy.yaml in place, the event into events.yaml without dates (marked unconfirmed), the tools
 * into tools.yaml without a description; the check passes, and the built pages say what is unknown.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import yaml from 'js-yaml';
import { checkContent } from '../../src/check/index.ts';
import { FIXTURE_CONTENT } from '../helpers/builds.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallway-registries-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const content = join(dir, 'content');
const out = join(dir, 'dist');
const capture = join(dir, 'kettle.md');
const read = (file: string) => readFileSync(join(content, file), 'utf8');
const registry = (file: string) => yaml.load(read(file)) as Record<string, Record<string, unknown>>;
let run: { status: number | null; output: string };
let before_: Record<'taxonomy' | 'events' | 'tools', string>;

before(() => {
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
  // A category the proposer's hints name, so a guess is possible in this corpus.
  appendFileSync(join(content, 'taxonomy.yaml'), '  - Observability\n');
  before_ = { taxonomy: read('taxonomy.yaml'), events: read('events.yaml'), tools: read('tools.yaml') };
  writeFileSync(capture, [
    '# Kettle Conf 2027: notes from Saltmere',
    '',
    'I spent two days in Saltmere for Kettle Conf 2027 — the first one, “small” & friendly.',
    '',
    '## Tracing the kettles',
    '',
    'We sent our traces to `brewtrace` and read the metrics on its dashboards.',
    '',
    'Next year Kettle Conf moves, and at Kettle Conf the metrics will be on the big screen.',
    '',
    'Share this post',
    '',
  ].join('\r\n'));
  const r = spawnSync(process.execPath, ['scripts/ingest.ts', capture, '--author', 'Ada Example', '--url', 'https://blog.example/kettle-2027/', '--yes'], { encoding: 'utf8', input: '', env: { ...process.env, CONTENT_DIR: content } });
  run = { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  // The next edition, of the series now known, from a post that gives neither dates nor a city.
  writeFileSync(join(dir, 'next.txt'), 'Kettle Conf 2028 recap\r\nAnother year of kettles, somewhere new.\r\n');
  const next = spawnSync(process.execPath, ['scripts/ingest.ts', join(dir, 'next.txt'), '--author', 'Ada Example', '--url', 'https://blog.example/kettle-2028/', '--yes'], { encoding: 'utf8', input: '', env: { ...process.env, CONTENT_DIR: content } });
  assert.equal(next.status, 0, next.stderr);
});

describe('ingest --yes writes the series, the undated event and the tools it proposes', () => {
  test('it says plainly what it proposes and adds', () => {
    assert.equal(run.status, 0, run.output);
    assert.match(run.output, /^Proposed series \(not in .*taxonomy\.yaml yet\): kettle-conf: Kettle Conf$/m);
    assert.match(run.output, /\(the text does not give start, end: left out and marked unconfirmed\)/);
    assert.match(run.output, /^ {2}- brewtrace: brewtrace \(code span; category, guessed: Observability\)$/m);
  });

  test('taxonomy.yaml gains one line under series, every other byte kept', () => {
    const lines = before_.taxonomy.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  tidepool-day:')) + 1;
    assert.equal(read('taxonomy.yaml'), [...lines.slice(0, at), '  kettle-conf: Kettle Conf', ...lines.slice(at)].join('\n'));
  });

  test('the event has no dates, lists them unconfirmed, and the tool no description', () => {
    const event = registry('events.yaml')['kettle-conf-2027']!;
    assert.deepEqual(
      { series: event.series, year: event.year, city: event.city, start: event.start, end: event.end, unconfirmed: event.unconfirmed },
      { series: 'kettle-conf', year: 2027, city: 'Saltmere', start: undefined, end: undefined, unconfirmed: ['start', 'end'] },
    );
    assert.deepEqual(registry('tools.yaml').brewtrace, { name: 'brewtrace', category: 'Observability', match: ['brewtrace'], unconfirmed: ['homepage', 'category', 'description'] });
    assert.equal(registry('tools.yaml')['kettle-conf'], undefined, 'the new event\'s name is no tool, however often the text uses it');
    for (const file of ['events', 'tools'] as const) assert.ok(read(`${file}.yaml`).startsWith(before_[file]), `${file}.yaml kept its bytes`);
    assert.match(read('reports/kettle-conf-2027-notes-from-saltmere.mdx'), /^tools: \[brewtrace\]$/m);
  });

  test('the check passes, and the built pages say the dates and the description are not known', () => {
    const report = join(content, 'reports', 'kettle-conf-2027-notes-from-saltmere.mdx');
    writeFileSync(report, read('reports/kettle-conf-2027-notes-from-saltmere.mdx').replace(/^summary: .*$/m, 'summary: Two days of kettles.').replace(/^draft: true\n/m, '').replace(/^topics: \[\]$/m, 'topics:\n  - topic: capacity-planning\n    sections: [tracing-the-kettles]'));
    assert.deepEqual(checkContent({ dir: content }).problems.filter((p) => !p.file.includes('kettle-conf-2028')), []);
    const build = spawnSync(process.execPath, ['scripts/build.ts', '--silent'], { encoding: 'utf8', env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, SITE_BASE: '/' } });
    assert.equal(build.status, 0, `${build.stdout}${build.stderr}`);
    const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8').replace(/<[^>]+>/g, '');
    assert.match(page('events/kettle-conf-2027'), /2027, dates not confirmed/);
    assert.match(page('events/kettle-conf-2028'), /2028, dates not confirmed/);
    assert.match(page('events/kettle-conf-2028'), /city not confirmed, country not confirmed/);
    assert.match(page('reports/kettle-conf-2027-notes-from-saltmere'), /Saltmere, 2027, dates not confirmed/);
    const tool = page('tools/brewtrace');
    assert.match(tool, /Not yet described\./);
    assert.match(tool, /Homepage\s*not known yet/);
    assert.doesNotMatch(page('events'), /undefined|Invalid Date|NaN/);
    assert.match(page('events'), /2027, dates not confirmed\s*·/, 'said once in words, without an "(unconfirmed)" mark after it');
    assert.doesNotMatch(page(''), /undefined|Invalid Date|NaN/);
  });
});
