import type { Spelling } from '../schemas/registries.ts';

/** A tool as far as mention detection cares: its id and spellings. */
export interface Matchable {
  id: string;
  match: Spelling[];
}

/** One place a tool is mentioned: `index`/`length` are offsets into the searched text. */
export interface Mention {
  tool: string;
  index: number;
  length: number;
}

const wordChar = String.raw`[\p{L}\p{N}_-]`;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a spelling means, with the registry's defaults applied (a bare string, or a map whose `case`
 * or `code` is left out, means case-insensitive and anywhere). Also what the renderer's cache key
 * hashes, so tools.yaml read with or without its schema's defaults gives one key.
 */
export function spellingRule(spelling: Spelling): { text: string; sensitive: boolean; codeOnly: boolean } {
  return typeof spelling === 'string'
    ? { text: spelling, sensitive: false, codeOnly: false }
    : { text: spelling.text, sensitive: spelling.case === 'sensitive', codeOnly: spelling.code === true };
}

/**
 * Compiles the registry's spellings once. The returned function finds whole-word mentions in a
 * piece of text; pass `inCode` when the text is inside code, which is the only place `code: true`
 * spellings count. Overlapping hits keep the longest ("AWS CDK" over "CDK"), then the first.
 * It does not parse Markdown: the report pipeline (src/markdown/rehype/tool-mentions.ts) calls it on text
 * nodes and says which are code.
 *
 * All spellings go into one pattern, longest first, so the text is read once, not once a spelling
 * (3 × faster on the bench corpus, same mentions); case-insensitive ones are `(?i:…)` groups.
 */
export function createMentionFinder(tools: Matchable[]) {
  const spellings = tools
    .flatMap((tool) => tool.match.map((spelling) => ({ tool: tool.id, ...spellingRule(spelling) })))
    .sort((a, b) => b.text.length - a.text.length); // stable: equal lengths keep the registry's order
  const compile = (list: typeof spellings) => {
    // One capture group a spelling: the group that matched says which tool it is.
    const groups = list.map((s) => (s.sensitive ? `(${escapeRegExp(s.text)})` : `((?i:${escapeRegExp(s.text)}))`));
    const pattern = list.length ? new RegExp(`(?<!${wordChar})(?:${groups.join('|')})(?!${wordChar})`, 'gu') : undefined;
    return { pattern, tools: list.map((s) => s.tool) };
  };
  const inCode = compile(spellings);
  const inText = compile(spellings.filter((s) => !s.codeOnly));

  return function findMentions(text: string, code = false): Mention[] {
    const { pattern, tools } = code ? inCode : inText;
    if (!pattern) return [];
    const hits: Mention[] = [];
    for (const match of text.matchAll(pattern)) {
      let group = 1;
      while (match[group] === undefined) group++;
      hits.push({ tool: tools[group - 1]!, index: match.index, length: match[0].length });
    }
    return hits;
  };
}
