import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

test('TypeScript (strict) finds no errors in src, scripts and tests', () => {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.'], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
});

test('astro check finds no errors in .astro pages, layouts and components', () => {
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check', '--minimumSeverity', 'warning'], { encoding: 'utf8' });
  const output = clean(`${result.stdout}${result.stderr}`);
  assert.equal(result.status, 0, output);
  assert.match(output, /- 0 errors\n- 0 warnings/, output);
});
