/**
 * `npm run ingest` on a capture about an event the site does not know yet, naming a talk and its
 * speakers: the event and the talk are proposed, added with `--yes` (inferred fields unconfirmed),
 * refused without it when nothing can be asked, and everything written passes the check.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import yaml from 'js-yaml';
import { checkContent } from '../../src/check/index.ts';
import { FIXTURE_CONTENT } from '../helpers/builds.ts';

const made: string[] = [];
after(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-proposals-'));
  made.push(dir);
  const content = join(dir, 'content');
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
  const capture = join(dir, 'capture.txt');
  writeFileSync(capture, [
    'Three days at Lantern Summit 2027',
    'I spent 14 to 16 May in Saltmere for Lantern Summit 2027.',
    'Opening',
    'My favourite was the talk “Kettles at scale: boiling the ocean gently” by Odile Brandt and Pim Marsh-Okoro.',
    'It showed how a small team runs many kettles without drama.',
    'Share this post',
  ].join('\n'));
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/ingest.ts', capture, '--author', 'Ada Example', '--url', 'https://blog.example/lantern-2027/', ...args], { encoding: 'utf8', input: '', env: { ...process.env, CONTENT_DIR: content } });
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  };
  const read = (file: string) => yaml.load(readFileSync(join(content, file), 'utf8')) as Record<string, Record<string, unknown>>;
  return { content, run, read, bytes: (file: string) => readFileSync(join(content, file), 'utf8') };
}

describe('ingest proposes what the registries lack', () => {
  test('with --yes: the event (dates unconfirmed), the talk and its new speaker are added, and the draft passes the check', () => {
    const { content, run, read, bytes } = setup();
    const before = { events: bytes('events.yaml'), talks: bytes('talks.yaml'), people: bytes('people.yaml') };
    const { status, output } = run('--yes');
    assert.equal(status, 0, output);
    const event = read('events.yaml')['lantern-summit-2027']!;
    assert.deepEqual(
      { name: event.name, series: event.series, year: event.year, city: event.city, country: event.country, start: event.start, end: event.end, unconfirmed: event.unconfirmed },
      { name: 'Lantern Summit 2027', series: 'lantern-summit', year: 2027, city: 'Saltmere', country: 'Eastmarch', start: '2027-05-14', end: '2027-05-16', unconfirmed: ['start', 'end'] },
    );
    const talks = Object.entries(read('talks.yaml')).filter(([, t]) => t.event === 'lantern-summit-2027');
    assert.equal(talks.length, 1, output);
    const [, talk] = talks[0]!;
    assert.equal(talk.title, 'Kettles at scale: boiling the ocean gently');
    assert.deepEqual(talk.unconfirmed, ['title', 'speakers']);
    assert.equal((talk.speakers as string[])[0], 'odile-brandt', 'a known person is matched by name');
    const newcomer = (talk.speakers as string[])[1]!;
    assert.equal(read('people.yaml')[newcomer]!.name, 'Pim Marsh-Okoro');
    // Every byte that was there is kept: the registries only grew.
    for (const [file, text] of Object.entries(before)) assert.ok(bytes(`${file}.yaml`).startsWith(text), `${file}.yaml kept its bytes`);
    const report = readFileSync(join(content, 'reports', 'three-days-at-lantern-summit-2027.mdx'), 'utf8');
    assert.match(report, /^event: lantern-summit-2027$/m);
    assert.deepEqual(checkContent({ dir: content }).problems.filter((p) => p.field !== 'summary' && !p.message.includes('topic')), []);
  });

  test('without --yes and without a terminal: the proposal is shown, nothing is written, and --yes is named', () => {
    const { run, bytes } = setup();
    const before = [bytes('events.yaml'), bytes('talks.yaml'), bytes('people.yaml')];
    const { status, output } = run();
    assert.equal(status, 1, output);
    assert.match(output, /lantern-summit-2027:/);
    assert.match(output, /capture\.txt: --event: expected an event; the proposal above was not added \(pass --yes to add it/);
    assert.deepEqual([bytes('events.yaml'), bytes('talks.yaml'), bytes('people.yaml')], before);
  });

  test('without a year there is no event to add: the command names the flags to add it with', () => {
    const { content } = setup();
    const capture = join(content, '..', 'vague.txt');
    writeFileSync(capture, 'Notes from Lantern Summit\nA good year for kettles.\n');
    const r = spawnSync(process.execPath, ['scripts/ingest.ts', capture, '--author', 'Ada Example', '--url', 'https://blog.example/x/', '--yes'], { encoding: 'utf8', input: '', env: { ...process.env, CONTENT_DIR: content } });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /vague\.txt: --event: expected an event the text names fully, found no id, name, shortName, start, end, city, country in the text \(series: "Lantern Summit" in the text → lantern-summit\); add the event first with `npm run new-event`, or pass --event <id>: npm run new-event -- --series "lantern-summit"$/m);
  });

  test('what the text does not give is not guessed: dates, city and country left out and unconfirmed, the report without a city', () => {
    const { content, read } = setup();
    const capture = join(content, '..', 'vague.txt');
    writeFileSync(capture, 'Notes from Lantern Summit 2031\nA good year for kettles.\n');
    const r = spawnSync(process.execPath, ['scripts/ingest.ts', capture, '--author', 'Ada Example', '--url', 'https://blog.example/x/', '--yes'], { encoding: 'utf8', input: '', env: { ...process.env, CONTENT_DIR: content } });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /\(the text does not give start, end, city, country: left out and marked unconfirmed\)/);
    assert.deepEqual(read('events.yaml')['lantern-summit-2031'], { name: 'Lantern Summit 2031', shortName: 'Lantern 2031', series: 'lantern-summit', year: 2031, summary: 'Lantern Summit 2031 (dates not confirmed).', unconfirmed: ['start', 'end', 'city', 'country'] });
    const report = readFileSync(join(content, 'reports', 'notes-from-lantern-summit-2031.mdx'), 'utf8');
    assert.doesNotMatch(report, /^city:/m);
    assert.deepEqual(checkContent({ dir: content }).problems.filter((p) => p.field !== 'summary' && !p.message.includes('topic')), []);
    // A city written by hand for an event that has none confirmed is refused, saying what to do.
    writeFileSync(join(content, 'reports', 'notes-from-lantern-summit-2031.mdx'), report.replace(/^year: 2031$/m, 'year: 2031\ncity: Atlantis'));
    assert.deepEqual(checkContent({ dir: content }).problems.filter((p) => p.field === 'city').map((p) => p.message), [
      'expected no city (lantern-summit-2031 has none confirmed yet), found "Atlantis"; remove it, or add the city to events.yaml',
    ]);
  });
});
