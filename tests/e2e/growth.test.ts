/**
 * The knowledge base grows: in a temporary copy of the project, a teammate adds two reports the
 * documented way — one from a captured post for an event we have (`npm run ingest`), one written
 * first-hand for a new event (`npm run new-report`) — finishes them, runs `npm run check -- --fix`,
 * and then the whole suite (`npm test`) runs in the copy and must pass. The new reports must be on
 * their event, topic and tool pages and found by search.
 *
 * Everything it picks (event, series, tool, topic) is read from the content it copies, so it works
 * with any content. Inside the copy it is skipped (HALLWAY_NESTED), or it would run forever.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import yaml from 'js-yaml';
import { launch } from '../helpers/browser.ts';
import { serve } from '../helpers/serve.ts';
import { astroCacheDir } from '../../src/paths.ts';

const nested = process.env.HALLWAY_NESTED === '1';
const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('two new reports, added the documented way, keep every test green', { skip: nested ? 'inside the copy' : false }, () => {
  const copy = mkdtempSync(join(tmpdir(), 'hallway-growth-'));
  const run = (args: string[], env: Record<string, string> = {}) => {
    // Without NODE_TEST_CONTEXT, which would make the copy's test runner refuse to run inside this test.
    const { NODE_TEST_CONTEXT: _, ...outer } = process.env;
    const result = spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', env: { ...outer, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, output: clean(`${result.stdout}\n${result.stderr}`) };
  };
  const load = (file: string) => yaml.load(readFileSync(join(copy, 'content', file), 'utf8')) as Record<string, Record<string, unknown>>;

  // What the new reports use, read from the content itself.
  let event = '';
  let series = '';
  let tool = { id: '', spelling: '' };
  let topic = '';
  const word = 'Wombatquill';
  let captured = '';
  let firstHand = '';

  before(() => {
    // Every tracked top-level entry (tests read the README, the lockfile, the deploy files), and a
    // git repository of its own (tests ask git what it ignores).
    for (const part of readdirSync('.')) {
      if (part === '.git' || part === 'node_modules' || /^dist/.test(part)) continue;
      cpSync(part, join(copy, part), { recursive: true });
    }
    spawnSync('git', ['init', '-q'], { cwd: copy });
    symlinkSync(resolve('node_modules'), join(copy, 'node_modules'), 'dir');
    const events = load('events.yaml');
    event = Object.keys(events)[0]!;
    series = String(events[event]!.series);
    const tools = load('tools.yaml');
    const plain = Object.entries(tools).find(([, t]) => (t.match as unknown[]).some((m) => typeof m === 'string' && /^[A-Za-z][\w-]{3,}$/.test(m)))!;
    tool = { id: plain[0], spelling: (plain[1].match as unknown[]).find((m) => typeof m === 'string' && /^[A-Za-z][\w-]{3,}$/.test(m)) as string };
    topic = Object.keys(load('topics.yaml'))[0]!;
  });
  after(() => {
    rmSync(copy, { recursive: true, force: true });
    // Astro's caches of the copy's corpora, in the shared node_modules.
    const prefix = basename(astroCacheDir(copy, ''));
    for (const name of existsSync(join('node_modules', '.astro')) ? readdirSync(join('node_modules', '.astro')) : []) {
      if (name.startsWith(prefix)) rmSync(join('node_modules', '.astro', name), { recursive: true, force: true });
    }
  });

  /** Publishes a draft: no `draft: true`, a summary, a topic tied to its first section. */
  function finish(file: string, section: string) {
    const path = join(copy, file);
    let text = readFileSync(path, 'utf8');
    text = text
      .replace(/^draft: true\n/m, '')
      .replace(/^summary: .*$/m, `summary: A made-up report that proves a new report finds its place.`)
      .replace(/^topics: \[\]$/m, `topics:\n  - topic: ${topic}\n    sections: [${JSON.stringify(section)}]`);
    writeFileSync(path, text);
  }

  test('npm run ingest turns a capture into a draft for an existing event', () => {
    const capture = join(copy, 'capture.txt');
    writeFileSync(
      capture,
      [
        'We use cookies to improve your experience. Accept all cookies',
        'Growth notes',
        'Posted by Grace Example',
        `The conference was busy and ${tool.spelling} came up in every hallway conversation.`,
        'Lessons from the hallway',
        `We learned that ${word} is a word nobody else uses, which makes it easy to search for.`,
        '• small pipelines win',
        '• teams share runners',
        'Share this post',
        '© 2031 Example Blog. All rights reserved.',
      ].join('\n'),
    );
    const { status, output } = run(['scripts/ingest.ts', capture, '--event', event, '--author', 'Grace Example', '--title', 'Growth notes from the hallway', '--url', 'https://blog.example/growth-notes/']);
    assert.equal(status, 0, output);
    captured = 'content/reports/growth-notes-from-the-hallway.mdx';
    assert.ok(existsSync(join(copy, captured)), `${captured} was written:\n${output}`);
    assert.match(output, /Share this post/, 'every removed line is printed');
    finish(captured, 'Lessons from the hallway');
  });

  test('npm run new-report starts a first-hand report and adds its new event', () => {
    const { status, output } = run([
      'scripts/new-report.ts', '--title', 'First-hand growth check', '--author', 'Grace Example',
      '--new-event', 'growthconf-2031', '--name', 'GrowthConf 2031', '--short-name', 'GrowthConf 2031', '--series', series,
      '--city', 'Testville', '--country', 'Nowhere', '--start', '2031-01-10', '--end', '2031-01-11',
    ]);
    assert.equal(status, 0, output);
    firstHand = 'content/reports/first-hand-growth-check.mdx';
    const path = join(copy, firstHand);
    assert.ok(existsSync(path), `${firstHand} was written:\n${output}`);
    // The teammate writes the report: the skeleton's placeholders give way to text.
    const text = readFileSync(path, 'utf8');
    const frontmatter = text.slice(0, text.indexOf('\n---\n') + 5);
    writeFileSync(path, `${frontmatter}\nWe went to see what others do.\n\n## What I heard\n\nWe tried ${tool.spelling} and liked it; ${word} again.\n\n## What I take home\n\nFewer queues.\n`);
    finish(firstHand, 'What I heard');
  });

  test('npm run check -- --fix writes the rest and leaves no problem', () => {
    const { status, output } = run(['scripts/check.ts', '--fix']);
    assert.equal(status, 0, output);
    for (const file of [captured, firstHand]) assert.match(readFileSync(join(copy, file), 'utf8'), new RegExp(`^tools: \\[.*\\b${tool.id}\\b.*\\]$`, 'm'));
  });

  test('the whole suite passes in the copy', () => {
    const { status, output } = run(['scripts/test.ts'], { HALLWAY_NESTED: '1' });
    const last = output.trim().split('\n').at(-1) ?? '';
    assert.equal(status, 0, output.slice(-4000));
    assert.match(last, /^\d+ passed, 0 failed$/);
  });

  test('the new reports are on their event, topic and tool pages', () => {
    const page = (path: string) => readFileSync(join(copy, 'dist', path, 'index.html'), 'utf8');
    const [a, b] = ['growth-notes-from-the-hallway', 'first-hand-growth-check'];
    assert.match(page(`events/${event}`), new RegExp(`href="/reports/${a}/"`));
    assert.match(page('events/growthconf-2031'), new RegExp(`href="/reports/${b}/"`));
    for (const id of [a, b]) {
      // Its permanent place is the topic's year page; the topic page itself shows the newest passages.
      const dir = join(copy, 'dist', 'topics', topic);
      const year = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /^\d{4}[\\/]/.test(f) && f.endsWith('index.html')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
      assert.match(year, new RegExp(`href="/reports/${id}/#`), `a ${topic} year page has a passage of ${id}`);
      assert.match(page(`tools/${tool.id}`), new RegExp(`href="/reports/${id}/`), `the ${tool.id} tool page lists ${id}`);
    }
  });

  test('search finds both', async () => {
    const server = await serve(join(copy, 'dist'), '/');
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/?q=${word.toLowerCase()}`);
      await page.waitForFunction(() => /result/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 15_000 });
      const hrefs = await page.locator('#search-results .result h3 a').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
      assert.deepEqual([...hrefs].sort(), ['/reports/first-hand-growth-check/', '/reports/growth-notes-from-the-hallway/']);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
