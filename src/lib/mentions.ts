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

interface CompiledSpelling {
  tool: string;
  pattern: RegExp;
  codeOnly: boolean;
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
 * spellings count. Overlapping hits keep the longest ("AWS CDK" over "CDK").
 * It does not parse Markdown: the report pipeline (src/markdown/rehype-report.ts) calls it on text
 * nodes and says which are code.
 */
export function createMentionFinder(tools: Matchable[]) {
  const compiled: CompiledSpelling[] = tools.flatMap((tool) =>
    tool.match.map((spelling) => {
      const { text, sensitive, codeOnly } = spellingRule(spelling);
      const flags = sensitive ? 'gu' : 'giu';
      return {
        tool: tool.id,
        pattern: new RegExp(`(?<!${wordChar})${escapeRegExp(text)}(?!${wordChar})`, flags),
        codeOnly,
      };
    }),
  );

  return function findMentions(text: string, inCode = false): Mention[] {
    const hits: Mention[] = [];
    for (const { tool, pattern, codeOnly } of compiled) {
      if (codeOnly && !inCode) continue;
      for (const match of text.matchAll(pattern)) {
        hits.push({ tool, index: match.index, length: match[0].length });
      }
    }
    hits.sort((a, b) => a.index - b.index || b.length - a.length);
    const kept: Mention[] = [];
    let end = -1;
    for (const hit of hits) {
      if (hit.index < end) continue;
      kept.push(hit);
      end = hit.index + hit.length;
    }
    return kept;
  };
}
