import { dirname } from 'node:path';
import { contentError } from '../lib/problems.ts';
import { readContent } from '../paths.ts';
import { parseYaml } from '../lib/yaml.ts';
import type { Matchable } from '../lib/mentions.ts';

/**
 * Reads tools.yaml for the Markdown pipeline, which runs before content collections exist.
 * Only ids and spellings are taken; the full entry is validated by the check and the `tools`
 * collection schema. Throws our problem format on unreadable YAML.
 */
export function readToolSpellings(path: string): Matchable[] {
  const { text, problems: unreadable } = readContent(path, dirname(path));
  if (text === undefined) throw contentError(unreadable);
  const { data, problems } = parseYaml(text, path);
  if (problems.length) throw contentError(problems);
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw contentError([{ file: path, field: '(top level)', message: `expected a map of tool id → tool, found ${Array.isArray(data) ? 'a list' : typeof data}` }]);
  }
  return Object.entries(data as Record<string, { match?: unknown }>)
    .filter(([, tool]) => Array.isArray(tool?.match))
    .map(([id, tool]) => ({ id, match: tool.match as Matchable['match'] }));
}
