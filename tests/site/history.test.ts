/**
 * "Last updated" and "Edit this page" in a built site, on a copy of the fixture corpus made into a
 * git repository of its own with fixed commit dates (never this project's history): a report shows
 * the date of its file's last commit exactly when it has one; every report and registry page links
 * to its source file (a registry entry at its id's line); and a rebuild follows a commit that
 * changes only a date, and a change of the edit setting, although no file's text changed (both
 * are in the pages' cache keys).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURE_CONTENT, registryIds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';
import { KINDS, REGISTRIES } from '../../src/site/kinds.ts';

const dir = mkdtempSync(join(tmpdir(), 'hallway-corpus-history-'));
const content = join(dir, 'content');
const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

after(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of readdirSync('node_modules/.astro', { withFileTypes: true })) {
    if (name.name.includes('hallway-corpus-history')) rmSync(join('node_modules/.astro', name.name), { recursive: true, force: true });
  }
});

const EDIT_URL = 'https://git.example/kb/-/edit/main/{path}#L{line}';

function build(out: string, env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--silent', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: join(dir, out), REPO_URL: '', EDIT_URL: '', REPO_BRANCH: '', ...env },
  });
  assert.equal(result.status, 0, clean(`${result.stdout}\n${result.stderr}`));
  return openSite(join(dir, out), '/');
}

/** A commit of everything in `content`, made at `date` by a fixed person, whatever the machine's git settings. */
function commit(date: string, message: string, ...args: string[]) {
  for (const step of [['add', '-A'], ['commit', '-q', '-m', message, ...args]]) {
    const result = spawnSync('git', step, {
      cwd: content,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
  }
}

const reports = readdirSync(join(FIXTURE_CONTENT, 'reports')).filter((f) => f.endsWith('.mdx')).sort();
const [first, second, third] = reports.map((f) => f.replace(/\.mdx$/, ''));
const reportFile = (id: string) => join(content, 'reports', `${id}.mdx`);
const footer = (site: ReturnType<typeof openSite>, path: string) => site.page(path).querySelector('footer .page-source');

describe('last updated and edit links, from a repository made here', { timeout: 600_000 }, () => {
  let site: ReturnType<typeof openSite>;

  before(() => {
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: content });
    commit('2026-01-05T10:00:00+00:00', 'the corpus');
    // Committed on 3 February where it was made, 2 February in UTC: the page shows the committer's day.
    writeFileSync(reportFile(second!), `${readFileSync(reportFile(second!), 'utf8')}\nOne more line.\n`);
    commit('2026-02-03T01:30:00+02:00', 'an edit');
    // In the folder but no longer in the repository (and ignored by git): not committed, so no date.
    writeFileSync(join(content, '.git', 'info', 'exclude'), `/reports/${third}.mdx\n`);
    spawnSync('git', ['rm', '-q', '--cached', `reports/${third}.mdx`], { cwd: content });
    commit('2026-02-10T10:00:00+00:00', 'untrack one report');
    site = build('site', { EDIT_URL });
  });

  test('a report shows the date of its last commit, in a <time datetime>, exactly when it has one', () => {
    const shown = (id: string) => {
      const time = footer(site, `/reports/${id}/`)?.querySelector('time');
      return time ? [time.getAttribute('datetime'), time.textContent] : undefined;
    };
    assert.deepEqual(shown(first!), ['2026-01-05T10:00:00+00:00', '5 January 2026']);
    assert.deepEqual(shown(second!), ['2026-02-03T01:30:00+02:00', '3 February 2026']);
    assert.equal(shown(third!), undefined, 'an uncommitted report shows no date');
    assert.doesNotMatch(footer(site, `/reports/${third}/`)!.textContent, /Last updated/);
    assert.match(footer(site, `/reports/${first}/`)!.textContent, /^Last updated 5 January 2026 · Edit this page$/);
  });

  test('every report links to its file, every registry entry to its file at the line of its id', () => {
    for (const id of reports.map((f) => f.replace(/\.mdx$/, ''))) {
      const link = footer(site, `/reports/${id}/`)?.querySelector('a');
      assert.equal(link?.textContent, 'Edit this page');
      assert.equal(link?.getAttribute('href'), `https://git.example/kb/-/edit/main/reports/${id}.mdx#L1`);
    }
    for (const kind of REGISTRIES) {
      const { path, pages } = KINDS[kind];
      const lines = readFileSync(join(content, path), 'utf8').split('\n');
      for (const id of registryIds(content, kind)) {
        const line = lines.findIndex((l) => l.startsWith(`${id}:`)) + 1;
        assert.ok(line > 0);
        const link = footer(site, `/${pages.route}/${id}/`)?.querySelector('a');
        assert.equal(link?.getAttribute('href'), `https://git.example/kb/-/edit/main/${path}#L${line}`, `/${pages.route}/${id}/`);
        assert.equal(footer(site, `/${pages.route}/${id}/`)?.querySelector('time'), null, 'registry pages show no date');
      }
    }
  });

  test('the feed dates each report as its page does', () => {
    const feed = JSON.parse(readFileSync(join(dir, 'site', 'feed.json'), 'utf8')) as { items: { url: string; date_modified?: string }[] };
    const modified = new Map(feed.items.map((i) => [new URL(i.url).pathname, i.date_modified]));
    assert.equal(modified.get(`/reports/${first}/`), '2026-01-05T10:00:00+00:00');
    assert.equal(modified.get(`/reports/${second}/`), '2026-02-03T01:30:00+02:00');
    assert.equal(modified.get(`/reports/${third}/`), undefined);
  });

  test('a rebuild shows a new commit’s date though the text is the same, and a new edit setting', () => {
    const text = readFileSync(reportFile(first!), 'utf8');
    writeFileSync(reportFile(first!), `${text}\nA line taken out again.\n`);
    commit('2026-03-01T10:00:00+00:00', 'an edit');
    writeFileSync(reportFile(first!), text);
    commit('2026-03-02T10:00:00+00:00', 'undo the edit');
    site = build('site', { EDIT_URL });
    assert.equal(footer(site, `/reports/${first}/`)?.querySelector('time')?.getAttribute('datetime'), '2026-03-02T10:00:00+00:00');

    site = build('site', { REPO_URL: 'https://github.com/org/kb', REPO_BRANCH: 'live' });
    assert.equal(footer(site, `/reports/${first}/`)?.querySelector('a')?.getAttribute('href'), `https://github.com/org/kb/edit/live/reports/${first}.mdx`);
    const person = registryIds(content, 'people')[0]!;
    assert.match(footer(site, `/people/${person}/`)?.querySelector('a')?.getAttribute('href') ?? '', /^https:\/\/github\.com\/org\/kb\/edit\/live\/people\.yaml#L\d+$/);

    site = build('site', {});
    assert.equal(footer(site, `/people/${person}/`), null, 'no setting: no link (nor the line it would be in)');
    assert.equal(footer(site, `/reports/${third}/`), null, 'no setting and no date: no line at all');
  });
});
