/**
 * The lower layers of README's "How it is built" never import the ones above them: the schemas
 * import nothing of ours, the table of kinds only schemas, the pure helpers (src/lib/) only those and
 * helpers, the settings (src/config.ts) only helpers, images (src/media/) and the report pipeline
 * (src/markdown/) only what is below them and src/paths.ts, never the checker, the query layer or the pages.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';

/** What each lower layer may import (top-level folders or files of src/); packages and node: are not ours. */
const allowed: Record<string, string[]> = {
  schemas: ['schemas'],
  'site/kinds.ts': ['schemas'],
  lib: ['schemas', 'site/kinds.ts', 'lib'],
  'config.ts': ['lib'],
  media: ['media', 'lib', 'paths.ts', 'config.ts'],
  markdown: ['schemas', 'site/kinds.ts', 'lib', 'config.ts', 'paths.ts', 'media', 'markdown'],
};

/**
 * The layer of a file of ours: its first folder under src/ (or its name, for src/paths.ts and
 * src/config.ts); src/site/kinds.ts is a layer of its own, below the helpers.
 */
const layerOf = (file: string) => {
  const parts = relative('src', file).split(sep);
  return parts[0] === 'site' ? `site/${parts[1]}` : parts[0]!;
};

/** Every relative import of `file` (static, type-only, re-export or dynamic), resolved. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => resolve(dirname(file), m[1]!));
}

test('no import runs back up the layers (schemas → kinds → lib → settings → media → markdown)', () => {
  const wrong: string[] = [];
  for (const [layer, may] of Object.entries(allowed)) {
    const files = layer.endsWith('.ts') ? [join('src', layer)] : readdirSync(join('src', layer), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|mjs)$/.test(f)).map((f) => join('src', layer, f));
    for (const file of files) {
      for (const target of importsOf(file)) {
        const to = layerOf(relative('.', target));
        if (!may.includes(to)) wrong.push(`${file} imports ${relative('.', target)}`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});
