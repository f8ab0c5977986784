/**
 * The lower layers of README's "How it is built" never import the ones above them: the schemas
 * import nothing of ours, the pure helpers (src/lib/) only schemas and helpers, the report pipeline
 * (src/markdown/) only those and src/paths.ts, never the checker, the query layer or the pages.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

/** What each lower layer may import (top-level folders or files of src/); packages and node: are not ours. */
const allowed: Record<string, string[]> = {
  schemas: ['schemas'],
  lib: ['schemas', 'lib'],
  markdown: ['schemas', 'lib', 'markdown', 'paths.ts'],
};

/** The layer of a file of ours: its first folder under src/ (or its name, for src/paths.ts). */
const layerOf = (file: string) => relative('src', file).split(sep)[0]!;

/** Every relative import of `file` (static, type-only, re-export or dynamic), resolved. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => resolve(dirname(file), m[1]!));
}

test('no import runs back up the layers (schemas → lib → markdown)', () => {
  const wrong: string[] = [];
  for (const [layer, may] of Object.entries(allowed)) {
    for (const name of readdirSync(join('src', layer), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|mjs)$/.test(f))) {
      const file = join('src', layer, name);
      for (const target of importsOf(file)) {
        const to = layerOf(relative('.', target));
        if (!may.includes(to)) wrong.push(`${file} imports ${relative('.', target)}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});
