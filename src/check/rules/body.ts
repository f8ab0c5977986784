/**
 * Rules of a report's body, enforced by the report pipeline as it reads it (src/markdown/): the
 * guard (content is data, never code), the parser (MDX syntax, nesting) and the heading ids.
 */
import type { Rule } from './rule.ts';

export const nestingDepth: Rule<{ depth: number }> = {
  id: 'nesting-depth',
  checks: 'a body nests at most 32 levels deep',
  message: ({ depth }) => `expected at most 32 levels of nesting, found ${depth} (quotes, lists, emphasis, links or tags inside one another); flatten it: a quote or list rarely needs more than three levels`,
  example: { change: { body: `${'>'.repeat(40)} deep` }, field: 'body', finding: { depth: 40 } },
  help: { shown: '`body: expected at most 32 levels of nesting, found 2000 …`', fix: 'flatten the quote or list' },
  enforcedBy: 'src/markdown/parse.ts',
};

export const tagsClosed: Rule<{ column: number; reason: string }> = {
  id: 'tags-closed',
  checks: 'every <Ed> tag is closed in the paragraph it opens',
  message: ({ column, reason }) => `expected MDX text, found a tag left open or closed by another at column ${column} (${reason}); close each tag where it ends, in the same paragraph (<Ed note="…">…</Ed>), or write \\< or &lt; for a literal "<"`,
  example: { change: { body: '<Ed note="x">open\n\nclosed</Ed>' }, field: 'body', finding: { column: 1, reason: 'Expected a closing tag for `<Ed>` before the end of `paragraph`' } },
  help: { shown: '`body: expected MDX text, found a tag left open or closed by another …`', fix: 'close the tag in the same paragraph, or write `\\<`' },
  enforcedBy: 'src/markdown/body-problems.ts',
};

export const noCode: Rule<{ expression: string }> = {
  id: 'no-code',
  checks: 'a body holds no import, export or {…} expression (content is data, never code)',
  message: ({ expression }) => `expected text, found the expression "${expression}"; reports cannot run code (write \\{ for a literal "{")`,
  example: { change: { body: 'id is {1 + 1}.' }, field: 'body', finding: { expression: '{1 + 1}' } },
  help: { shown: '`body: expected text, found the expression "{…}"` / `the import statement …`', fix: 'write `\\{`, or rephrase; reports cannot run code' },
  enforcedBy: 'src/markdown/guard.ts',
};

export const literalLessThan: Rule<{ column: number; reason: string }> = {
  id: 'literal-less-than',
  checks: 'a "<" that is not a tag is written \\< or &lt;',
  message: ({ column, reason }) => `expected MDX text, found a "<" that MDX reads as the start of a tag at column ${column} (${reason}); write \\< or &lt; for a literal "<"`,
  example: { change: { body: 'It took <5 ms.' }, field: 'body', finding: { column: 10, reason: 'Unexpected character `5` (U+0035) before name, expected a character that can start a name, such as a letter, `$`, or `_`' } },
  help: { shown: '`body: expected MDX text, found a "<" that MDX reads as the start of a tag at column 15`', fix: 'write `\\<` or `&lt;`' },
  enforcedBy: 'src/markdown/body-problems.ts',
};

export const linkSchemes: Rule<{ url: string }> = {
  id: 'link-schemes',
  checks: 'links and images point at http:, https:, mailto: or a page of this site',
  message: ({ url }) => `expected a link to http:, https:, mailto: or a page of this site, found "${url}"`,
  example: { change: { body: '[x](javascript:alert(1))' }, field: 'body', finding: { url: 'javascript:alert(1)' } },
  help: { shown: '`body: expected a link to http:, https:, mailto: or a page of this site, found "javascript:…"`', fix: 'link to the web page instead' },
  enforcedBy: 'src/markdown/guard.ts',
};

export const schemeForOtherSites: Rule<{ url: string; host: string }> = {
  id: 'scheme-for-other-sites',
  checks: 'a link to another site says its scheme (https://host/, never //host/)',
  message: ({ url, host }) => `${linkSchemes.message({ url })}; write "https:${host}" for another site`,
  example: { change: { body: '[x](//example.com/x)' }, field: 'body', finding: { url: '//example.com/x', host: '//example.com/x' } },
  help: { shown: '`body: … found "//example.com/x"; write "https://example.com/x" for another site`', fix: 'write the scheme' },
  enforcedBy: 'src/markdown/guard.ts',
};

export const onlyEd: Rule<{ name: string }> = {
  id: 'only-ed',
  checks: 'the only component in a body is the <Ed> editor\'s note',
  message: ({ name }) => `expected text or an <Ed> editor's note, found <${name}>; only <Ed> is available in reports (write \\< or &lt; for a literal "<")`,
  example: { change: { body: '<Slides />' }, field: 'body', finding: { name: 'Slides' } },
  help: { shown: '`body: expected text or an <Ed> editor\'s note, found <Slides>`', fix: 'only `<Ed>` exists; write `\\<` for a literal `<`' },
  enforcedBy: 'src/markdown/guard.ts',
};

export const headingStructure: Rule<{ title: string }> = {
  id: 'heading-structure',
  checks: 'headings start at ##, each once, each with text under it',
  message: ({ title }) => `expected headings from ## down (the page shows the title as its only # heading), found "# ${title}"; write ## ${title}`,
  example: { change: { body: '# Top' }, field: 'body', finding: { title: 'Top' } },
  help: { shown: '`body: expected headings from ## down …` / `… each heading once …` / `… text under the heading …`', fix: 'fix the heading structure' },
  enforcedBy: 'src/markdown/rehype/heading-ids.ts',
};
