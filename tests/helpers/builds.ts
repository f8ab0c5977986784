/**
 * The three builds `npm test` makes, and what each was built from:
 * - the made-up fixture corpus (tests/fixtures/corpus/) at / and under /kb/: behaviour tests use
 *   these and may rely on the fixture's ids and words;
 * - the real content (content/) at /: only generic checks, which loop over whatever content/ holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { KINDS, type Registry } from '../../src/site/kinds.ts';
import { checkContent } from '../../src/check/index.ts';

export interface Build {
  /** For test names, e.g. "fixture corpus under /kb/". */
  name: string;
  /** The content folder it was built from. */
  content: string;
  /** Output folder. */
  dir: string;
  /** Base path, "/" or "/kb/". */
  base: string;
}

export const FIXTURE_CONTENT = join('tests', 'fixtures', 'corpus');

export const fixture: Build = { name: 'fixture corpus at /', content: FIXTURE_CONTENT, dir: 'dist-fixture', base: '/' };
export const fixtureKb: Build = { name: 'fixture corpus under /kb/', content: FIXTURE_CONTENT, dir: 'dist-fixture-kb', base: '/kb/' };
export const real: Build = { name: 'real content at /', content: 'content', dir: 'dist', base: '/' };

/** Every build, for the generic checks. */
export const allBuilds = [real, fixture, fixtureKb];

/** Ids of a registry with pages (src/site/kinds.ts: events, tools, topics, people, talks…) of a content folder. */
export function registryIds(content: string, registry: Registry): string[] {
  return Object.keys((yaml.load(readFileSync(join(content, KINDS[registry].path), 'utf8')) as object | null) ?? {});
}

/** Ids of the published reports of a content folder (drafts have no page), as the check reads them. */
export function reportIds(content: string): string[] {
  return checkContent({ dir: content })
    .reports.filter((r) => r.data && !r.data.draft)
    .map((r) => r.id)
    .sort();
}
