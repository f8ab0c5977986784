/**
 * "Last updated" from git: the parser of one `git log` on made-up output (renames, copies, merges,
 * deletions, names with spaces and accents, shallow clones), then the reading of a real repository
 * made here with fixed dates, never this project's own history.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { readHistory } from '../../src/data/history.ts';
import { lastChanges } from '../../src/lib/history.ts';

/** One commit as `git log -z --name-status --format=%x1e%H%x00%cI` prints it. */
const commit = (hash: string, date: string, ...changes: string[][]) =>
  `\x1e${hash}\0${date}\0${changes.map((c) => `\n${c.join('\0')}\0`).join('')}`;

describe('lastChanges (the parser)', () => {
  const log = [
    commit('c5', '2026-03-05T09:00:00+01:00', ['M', 'content/reports/a b.mdx']),
    commit('c4', '2026-03-04T09:00:00+00:00'), // a merge: git lists no changes
    commit('c3', '2026-03-03T09:00:00+00:00', ['R100', 'content/reports/old.mdx', 'content/reports/über.mdx'], ['D', 'content/reports/gone.mdx'], ['C75', 'content/reports/a b.mdx', 'content/reports/copy.mdx']),
    commit('c2', '2026-03-02T09:00:00+00:00', ['M', 'content/reports/old.mdx'], ['M', 'content/reports/gone.mdx'], ['A', 'content/people.yaml']),
    commit('c1', '2026-03-01T09:00:00+00:00', ['A', 'content/reports/a b.mdx'], ['A', 'content/reports/old.mdx'], ['A', 'content/reports/gone.mdx'], ['A', 'content/reports/back.mdx'], ['A', 'content/reports/cut.mdx']),
  ].join('');

  test('a file is dated by the newest commit that touches it; names with spaces and accents are kept', () => {
    const dates = lastChanges(log);
    assert.equal(dates.get('content/reports/a b.mdx'), '2026-03-05T09:00:00+01:00');
    assert.equal(dates.get('content/people.yaml'), '2026-03-02T09:00:00+00:00');
    assert.equal(dates.get('content/reports/back.mdx'), '2026-03-01T09:00:00+00:00');
  });

  test('a rename dates the new name; the old name and a deleted file have no date', () => {
    const dates = lastChanges(log);
    assert.equal(dates.get('content/reports/über.mdx'), '2026-03-03T09:00:00+00:00');
    assert.equal(dates.has('content/reports/old.mdx'), false);
    assert.equal(dates.has('content/reports/gone.mdx'), false);
  });

  test('a copy dates the copy and leaves its source alone', () => {
    const dates = lastChanges(log);
    assert.equal(dates.get('content/reports/copy.mdx'), '2026-03-03T09:00:00+00:00');
    assert.equal(dates.get('content/reports/a b.mdx'), '2026-03-05T09:00:00+01:00');
  });

  test('a file deleted, then added again, is dated by the new addition', () => {
    const again = commit('c6', '2026-03-06T09:00:00+00:00', ['A', 'content/reports/gone.mdx']) + log;
    assert.equal(lastChanges(again).get('content/reports/gone.mdx'), '2026-03-06T09:00:00+00:00');
  });

  test('in a shallow clone, files last touched at the cut-off commit have no date; later changes keep theirs', () => {
    const dates = lastChanges(log, new Set(['c1']));
    assert.equal(dates.has('content/reports/back.mdx'), false);
    assert.equal(dates.has('content/reports/cut.mdx'), false);
    assert.equal(dates.get('content/people.yaml'), '2026-03-02T09:00:00+00:00');
  });

  test('no history: nothing', () => {
    assert.equal(lastChanges('').size, 0);
  });
});

describe('readHistory (a real repository, made here)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-history-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const repo = join(dir, 'repo');
  const content = join(repo, 'site', 'content');
  const git = (cwd: string, date: string, ...args: string[]) => {
    const result = spawnSync('git', args, {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
    });
    assert.equal(result.status, 0, result.stderr);
  };
  const write = (file: string, text: string) => writeFileSync(join(content, file), text);
  mkdirSync(join(content, 'reports'), { recursive: true });
  git(repo, '2026-01-01T10:00:00+00:00', 'init', '-q', '-b', 'main');
  write('reports/first.mdx', 'one\n');
  write('reports/with space é.mdx', 'two\n');
  write('reports/to-rename.mdx', 'three\n');
  write('people.yaml', 'a: {}\n');
  git(repo, '2026-01-01T10:00:00+00:00', 'add', '.');
  git(repo, '2026-01-01T10:00:00+00:00', 'commit', '-q', '-m', 'first');
  write('reports/with space é.mdx', 'two, edited\n');
  renameSync(join(content, 'reports/to-rename.mdx'), join(content, 'reports/renamed.mdx'));
  git(repo, '2026-02-03T23:30:00+02:00', 'add', '-A');
  git(repo, '2026-02-03T23:30:00+02:00', 'commit', '-q', '-m', 'second');
  write('people.yaml', 'a: {}\nb: {}\n');
  git(repo, '2026-03-01T08:00:00+00:00', 'commit', '-q', '-a', '-m', 'third');
  write('reports/uncommitted.mdx', 'new\n');
  write('reports/first.mdx', 'one, edited but not committed\n');

  test('each file is dated by its last commit, renames included; an uncommitted file has no date', async () => {
    const history = await readHistory(content);
    const at = (file: string) => history.updated(join(content, file));
    assert.equal(history.shallow, false);
    assert.equal(at('reports/first.mdx'), '2026-01-01T10:00:00+00:00');
    assert.equal(at('reports/with space é.mdx'), '2026-02-03T23:30:00+02:00');
    assert.equal(at('reports/renamed.mdx'), '2026-02-03T23:30:00+02:00');
    assert.equal(at('people.yaml'), '2026-03-01T08:00:00+00:00');
    assert.equal(at('reports/uncommitted.mdx'), undefined);
    assert.equal(history.repoPath(join(content, 'reports/first.mdx')), 'site/content/reports/first.mdx');
  });

  test('a shallow clone dates only what changed within its history', async () => {
    const clone = join(dir, 'clone');
    git(dir, '2026-01-01T10:00:00+00:00', 'clone', '-q', '--depth', '2', `file://${repo}`, clone);
    const history = await readHistory(join(clone, 'site', 'content'));
    const at = (file: string) => history.updated(join(clone, 'site', 'content', file));
    assert.equal(history.shallow, true);
    assert.equal(at('people.yaml'), '2026-03-01T08:00:00+00:00', 'changed after the cut-off: dated');
    assert.equal(at('reports/renamed.mdx'), undefined, 'changed at the cut-off commit, which shows every file as added: no date');
    assert.equal(at('reports/first.mdx'), undefined, 'changed before the cut-off: no date');
  });

  test('outside a repository: no dates, paths from the working folder', async () => {
    const loose = join(dir, 'loose');
    mkdirSync(join(loose, 'reports'), { recursive: true });
    const history = await readHistory(loose);
    assert.equal(history.updated(join(loose, 'reports', 'x.mdx')), undefined);
    assert.equal(history.shallow, false);
  });
});
