/**
 * Word counts for reading time, computed once per body by the report pipeline
 * (src/markdown/rehype/record.ts) and kept in its record, so pages never count words again.
 */

/** The words of an HTML fragment: tags and entities dropped, whitespace-separated tokens with a letter or digit. */
export function countWords(html: string): number {
  const text = html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ');
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n += 1;
  return n;
}

/** The words of a report's `##` sections (each holds its `###` subsections): what its reading time counts. */
export const sectionWords = (sections: { depth: number; html: string }[]) =>
  sections.filter((s) => s.depth === 2).reduce((sum, s) => sum + countWords(s.html), 0);
