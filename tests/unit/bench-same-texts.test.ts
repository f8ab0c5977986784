import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { writeCorpus } from '../../scripts/bench/corpus.ts';
import { pageParts, readPages } from '../../scripts/bench/same-texts.ts';

const root = mkdtempSync(join(tmpdir(), 'bench-same-texts-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** A made-up page in the shape gen-corpus.mjs --format starlight writes, MDX escapes included. */
const page = (i: number) => `---
title: "Made-up Conf ${2020 + i}: Lessons from the platform team"
description: "Page ${i} opens with a paragraph."
date: 2022-0${i}-11
---

Page ${i} opens with a paragraph about clusters that grew from three nodes to three hundred, and the \\{braces\\} a template left behind.

## What the platform team learned ${i}

Operators replaced a wiki of runbooks; latency stayed \\<5 ms for reads across the region during the demo.

## Storage, again

Stateful workloads were the question of every hallway conversation, from backups to volume snapshots and restores.
`;

describe('the side-by-side corpus from the same page texts', () => {
  const pages = join(root, 'pages'), content = join(root, 'content');
  mkdirSync(pages);
  for (let i = 1; i <= 4; i++) writeFileSync(join(pages, `report-000${i}.mdx`), page(i));
  writeFileSync(join(pages, 'index.mdx'), '---\ntitle: Home\n---\n\nNot a report.\n');
  const given = readPages(pages);
  writeCorpus({ n: 0, seed: 3, out: content, pages: given });
  const reports = readdirSync(join(content, 'reports')).sort().map((f) => readFileSync(join(content, 'reports', f), 'utf8'));

  test('each report carries its Starlight page\'s body byte for byte, and its title and description', () => {
    assert.equal(reports.length, 4);
    reports.forEach((report, i) => {
      const original = page(i + 1);
      const body = (text: string) => text.slice(text.indexOf('\n---\n', 4) + 5);
      assert.equal(body(report), body(original));
      assert.match(report, new RegExp(`^title: "Made-up Conf ${2021 + i}: Lessons from the platform team"$`, 'm'));
      assert.match(report, new RegExp(`^summary: "Page ${i + 1} opens with a paragraph."$`, 'm'));
    });
  });
  test('the reports pass the check, with topics and talks tied to the pages\' own headings', () => {
    const { problems, reports: checked } = checkContent({ dir: content });
    assert.deepEqual(problems, []);
    const sections = checked.flatMap((r) => [...(r.data?.topics ?? []), ...(r.data?.talks ?? [])].flatMap((t) => t.sections));
    assert.ok(sections.length > 0);
    assert.ok(sections.every((s) => /^what-the-platform-team-learned-\d$|^storage-again$/.test(s)), sections.join(', '));
  });
  test('a page without frontmatter is refused in our format', () => {
    assert.throws(() => pageParts('## Only a heading\n', 'x/report-0001.mdx'), { message: 'x/report-0001.mdx:1: (frontmatter): expected a "---" block with title and description, found none' });
  });
});
