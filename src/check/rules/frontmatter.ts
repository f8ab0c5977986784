/**
 * Field rules of a report's frontmatter and the registries' entries. They are enforced by the zod
 * schemas (src/schemas/), which the check, the loaders and the build share; listed here by id, with
 * their message and a failing example.
 */
import type { Rule } from './rule.ts';

const schemas = 'src/schemas/ (zod)';

export const fieldType: Rule<{ expected: string; found: string }> = {
  id: 'field-type',
  checks: 'every field has a value of its kind (text, a number, a list, a date…), and required fields are there',
  message: ({ expected, found }) => `expected ${expected}, found ${found}`,
  example: { change: { report: (text) => text.replace('tools: [bat, quiver]', 'tools: 5') }, field: 'tools', finding: { expected: 'a list', found: 'a number' } },
  help: { shown: '`tools: expected a list, found a number` (also `title: expected text, found nothing`)', fix: 'write the value the field takes (content/README.md, "The frontmatter")' },
  enforcedBy: schemas,
};

export const knownField: Rule<{ field: string; guess: string }> = {
  id: 'known-field',
  checks: 'frontmatter and registry entries have only the documented fields',
  message: ({ field, guess }) => `expected only the fields described in content/README.md, found "${field}"; did you mean "${guess}"?`,
  example: { change: { report: (text) => text.replace('summary:', 'sumary: x\nsummary:') }, field: 'sumary', finding: { field: 'sumary', guess: 'summary' } },
  help: { shown: '`sumary: expected only the fields described in content/README.md, found "sumary"; did you mean "summary"?`', fix: 'fix the field name' },
  enforcedBy: schemas,
};

export const quotedDate: Rule<{ date: string }> = {
  id: 'quoted-date',
  checks: 'dates are quoted, so YAML cannot turn an impossible date into a real one',
  message: ({ date }) => `expected a quoted date such as "2022-06-28", found an unquoted YAML date (${date}); quote it, because YAML silently turns impossible dates like 2022-13-45 into real ones`,
  example: { change: { report: (text) => text.replace('published: "2031-03-10"', 'published: 2031-03-10') }, field: 'published', finding: { date: '2031-03-10' } },
  help: { shown: '`published: expected a quoted date …, found an unquoted YAML date`', fix: 'quote it: `"2022-06-28"`' },
  enforcedBy: schemas,
};

export const noControlCharacters: Rule<{ code: string; after: string }> = {
  id: 'no-control-characters',
  checks: 'text fields and bodies hold no control characters',
  message: ({ code, after }) => `expected text without control characters, found ${code} after "${after}"; delete it (an invisible character, often pasted from a PDF or a terminal)`,
  example: { change: { report: (text) => text.replace('title: First visit', 'title: First\u0000 visit') }, field: 'title', finding: { code: 'U+0000', after: 'First' } },
  help: { shown: '`title: expected text without control characters, found U+0000 after "First"` (any text field; in the body with its column)', fix: 'delete the invisible character' },
  enforcedBy: `${schemas} and src/markdown/guard.ts`,
};
