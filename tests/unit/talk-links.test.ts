/**
 * `check --fix` links sections to talks of the report's event: a section naming a talk's title is
 * written into `talks:` (every other byte kept, a second run changes nothing); a section naming
 * only a speaker is a hint; talks of other events and sections already tied are left alone.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { fixReports } from '../../src/check/fix.ts';
import { corpus, files, report } from '../helpers/corpus.ts';

/** The corpus report with `body` appended at its end and the frontmatter edited by `front`. */
const reportWith = (body: string, front = (fm: string) => fm) => (text: string) => {
  const end = text.indexOf('\n---\n') + 1;
  return `${front(text.slice(0, end))}${text.slice(end)}\n${body}\n`;
};

/** Runs --fix on a corpus with the report changed; the changes and hints, folder names left out. */
function fix(change: (text: string) => string) {
  const dir = corpus({ [report]: change });
  const hints: string[] = [];
  const changes = fixReports(checkContent({ dir }), hints).map((c) => c.replace(`${dir}/`, ''));
  return { dir, path: join(dir, report), changes, hints: hints.map((h) => h.replace(`${dir}/`, '')) };
}

describe('check --fix links sections to talks', () => {
  test('a section naming a talk’s title is added to talks:, keeping every other byte; a second run changes nothing', () => {
    const { dir, path, changes, hints } = fix(reportWith('## The keynote\n\nThe keynote, Quiver at Scale, filled the hall.'));
    try {
      assert.deepEqual(changes, ['reports/first-visit.mdx:30: talks: added quiver-keynote for [the-keynote] (the section names the title "Quiver at scale")']);
      assert.deepEqual(hints, []);
      const before = reportWith('## The keynote\n\nThe keynote, Quiver at Scale, filled the hall.')(files[report]!);
      assert.equal(readFileSync(path, 'utf8'), before.replace('    sections: [hallway]\n---', '    sections: [hallway]\ntalks:\n  - talk: quiver-keynote\n    sections: [the-keynote]\n---'));
      assert.deepEqual(checkContent({ dir }).problems, []);
      assert.deepEqual(fixReports(checkContent({ dir })), [], 'idempotent');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a new item follows the items already in talks:, with their indentation', () => {
    const front = (fm: string) => fm.replace('    sections: [hallway]\n', '    sections: [hallway]\ntalks:\n    -   talk: quiver-keynote\n        sections: [packaging-talks]\n');
    const talks = files['talks.yaml']!.replace('loom-talk:', 'wharf-talk:\n  title: Wharves and Quivers\n  event: devconf-2031\n  speakers: []\n  kind: talk\n\nloom-talk:');
    const dir = corpus({ 'talks.yaml': talks, [report]: reportWith('## Wharves\n\nThen came Wharves and Quivers.', front) });
    try {
      const changes = fixReports(checkContent({ dir })).map((c) => c.replace(`${dir}/`, ''));
      assert.deepEqual(changes, ['reports/first-visit.mdx:33: talks: added wharf-talk for [wharves] (the section names the title "Wharves and Quivers")']);
      assert.match(readFileSync(join(dir, report), 'utf8'), /\ntalks:\n {4}- {3}talk: quiver-keynote\n {8}sections: \[packaging-talks\]\n {4}- {3}talk: wharf-talk\n {8}sections: \[wharves\]\n---\n/);
      assert.deepEqual(checkContent({ dir }).problems, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a section naming only a speaker is a hint, and nothing is written', () => {
    const { dir, path, changes, hints } = fix(reportWith('## Hallway chat\n\nI met Bo Speaker by the coffee.'));
    try {
      assert.deepEqual(changes, []);
      assert.deepEqual(hints, ['reports/first-visit.mdx:30: talks: section [hallway-chat] may be about the talk quiver-keynote (names its speaker Bo Speaker); if so, add `- talk: quiver-keynote` with `sections: [hallway-chat]` to talks:']);
      assert.equal(readFileSync(path, 'utf8'), reportWith('## Hallway chat\n\nI met Bo Speaker by the coffee.')(files[report]!));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a talk of another event, or a section already tied to a talk, is not proposed', () => {
    const other = fix(reportWith('## Loom\n\nThe untitled talk on looms was good.\n\n## Quiver\n\nQuiver at scale, again.', (fm) => fm.replace('    sections: [hallway]\n', '    sections: [hallway]\ntalks:\n  - talk: quiver-keynote\n    sections: [hallway]\n')));
    try {
      assert.deepEqual([other.changes, other.hints], [[], []]);
    } finally {
      rmSync(other.dir, { recursive: true, force: true });
    }
  });
});

test('a missing tools: goes after a folded summary (>-), not inside the next field', () => {
  const folded = (text: string) => text.replace('summary: A made-up report for tests.\ntools: [bat, quiver]\n', 'summary: >-\n  A made-up report\n  for tests.\n');
  const { dir, path, changes } = fix(folded);
  try {
    assert.deepEqual(changes, ['reports/first-visit.mdx: tools: added [bat, quiver]']);
    assert.equal(readFileSync(path, 'utf8'), files[report]!.replace('summary: A made-up report for tests.\n', 'summary: >-\n  A made-up report\n  for tests.\n'));
    assert.deepEqual(checkContent({ dir }).problems, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
