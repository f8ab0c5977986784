import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { Matchable } from '../lib/mentions.ts';

/**
 * Reads tools.yaml for the Markdown pipeline, which runs before content collections exist.
 * Only ids and spellings are taken; the full entry is validated by the `tools` collection schema.
 */
export function readToolSpellings(path: string): Matchable[] {
  const data = yaml.load(readFileSync(path, 'utf8'));
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${path}: expected a map of tool id → tool, found ${Array.isArray(data) ? 'a list' : typeof data}`);
  }
  return Object.entries(data as Record<string, { match?: unknown }>).map(([id, tool]) => {
    if (!Array.isArray(tool?.match)) throw new Error(`${path}: ${id}.match: expected a list of spellings, found ${typeof tool?.match}`);
    return { id, match: tool.match as Matchable['match'] };
  });
}
