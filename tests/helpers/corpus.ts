/**
 * A tiny made-up content folder for tests of the check, `--fix` and failing builds: one series,
 * two events, three tools, two topics, two people, two talks and one report. `corpus({ 'reports/x.mdx': text })` writes it
 * into a fresh temporary folder with some files replaced or added (a function edits the default
 * text and must change it). Nothing here depends on the real content.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const files: Record<string, string> = {
  'taxonomy.yaml': `series:
  devconf: DevConf Imaginary
toolCategories:
  - Packaging
  - Developer tools
`,
  'events.yaml': `devconf-2031:
  name: DevConf Imaginary 2031
  shortName: DevConf 2031
  series: devconf
  year: 2031
  city: Atlantis
  country: Nowhere
  start: "2031-03-04"
  end: "2031-03-05"
  summary: A made-up conference for tests.

devconf-2032:
  name: DevConf Imaginary 2032
  shortName: DevConf 2032
  series: devconf
  year: 2032
  city: Lemuria
  country: Nowhere
  start: "2032-03-02"
  end: "2032-03-03"
  summary: Another made-up conference for tests.
`,
  'tools.yaml': `quiver:
  name: Quiver
  homepage: https://quiver.example
  category: Packaging
  description: A made-up package manager.
  match:
    - {text: Quiver, case: sensitive}

bat:
  name: bat
  homepage: https://bat.example
  category: Developer tools
  description: A made-up pager.
  match:
    - {text: bat, case: sensitive, code: true}

loomctl:
  name: loomctl
  homepage: https://loom.example
  category: Developer tools
  description: A made-up CLI.
  match:
    - loomctl
`,
  'topics.yaml': `packaging:
  title: Packaging
  summary: How software is packaged.

tooling:
  title: Tooling
  summary: Tools for developers.
  related: [packaging]
`,
  'people.yaml': `ada-example:
  name: Ada Example

bo-speaker:
  name: Bo Speaker
  organisation: Example Org
`,
  'talks.yaml': `quiver-keynote:
  title: Quiver at scale
  event: devconf-2031
  speakers: [bo-speaker]
  kind: keynote

loom-talk:
  title: Untitled talk on loomctl
  event: devconf-2032
  speakers: []
  kind: talk
  note: Made up for tests.
`,
  'reports/first-visit.mdx': `---
title: First visit
event: devconf-2031
year: 2031
city: Atlantis
author: ada-example
published: "2031-03-10"
source: {url: https://blog.example/first-visit/,
  site: blog.example}
scheduled: A made-up report of a made-up event, dated in the future so it is never taken for a real one.
summary: A made-up report for tests.
tools: [bat, quiver]
topics:
  - topic: packaging
    sections: [packaging-talks]
  - topic: tooling
    sections: [hallway]
---

We went to the conference.

## Packaging talks

Quiver was everywhere. A bat flew through the hall.

## Hallway

Someone showed \`bat\` in a terminal.
`,
};

export const report = 'reports/first-visit.mdx';

/** Writes the corpus with `changes` applied into a new temporary folder and returns its path. */
export function corpus(changes: Record<string, string | Uint8Array | ((text: string) => string)> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'hallway-corpus-'));
  const all: Record<string, string | Uint8Array> = { ...files };
  for (const [path, change] of Object.entries(changes)) {
    if (typeof change === 'function') {
      const before = files[path] ?? '';
      const after = change(before);
      assert.notEqual(after, before, `the edit to ${path} must change it, or the test proves nothing`);
      all[path] = after;
    } else all[path] = change;
  }
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The report's text with `body` appended after its frontmatter's closing fence. */
export const withBody = (body: string) => (text: string) => text.replace(/\n---\n/, `\n---\n\n${body}\n`);
