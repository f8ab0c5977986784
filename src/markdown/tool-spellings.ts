import { readFileSync } from 'node:fs';
import { formatProblems } from '../lib/problems.ts';
import { parseYaml } from '../lib/yaml.ts';
import type { Matchable } from '../lib/mentions.ts';

/**
 * Reads tools.yaml for the Markdown pipeline, which runs before content collections exist.
 * Only ids and spellings are taken; the full entry is validated by the check and the `tools`
 * collection schema. Throws our problem format on unreadable YAML.
 */
export function readToolSpellings(path: string): Matchable[] {
  const { data, problems } = parseYaml(readFileSync(path, 'utf8'), path);
  if (problems.length) throw new Error(formatProblems(problems));
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(formatProblems([{ file: path, field: '(top level)', message: `expected a map of tool id → tool, found ${Array.isArray(data) ? 'a list' : typeof data}` }]));
  }
  return Object.entries(data as Record<string, { match?: unknown }>)
    .filter(([, tool]) => Array.isArray(tool?.match))
    .map(([id, tool]) => ({ id, match: tool.match as Matchable['match'] }));
}
