/** Rules of files as read (src/paths.ts, src/lib/source-text.ts, src/lib/yaml.ts), before any parser sees them. */
import type { Rule } from './rule.ts';

export const reportFileName: Rule<{ name: string }> = {
  id: 'report-file-name',
  checks: 'every file in reports/ is a report ending in .mdx or a photo one names (editor and OS litter is ignored)',
  message: ({ name }) => `expected a report ending in .mdx, found "${name}"; rename it, or move it out of the reports folder`,
  example: { change: { 'reports/notes.txt': 'Notes.' }, field: '(file name)', finding: { name: 'notes.txt' } },
  help: { shown: '`(file name): expected a report ending in .mdx, found "notes.txt"`', fix: 'rename it, or move it out of `reports/`' },
  enforcedBy: 'src/check/index.ts',
};

export const captureOfAReport: Rule<{ id: string }> = {
  id: 'capture-of-a-report',
  checks: 'every kept capture in sources/ is named after a report (<report id>.txt, .html or .md, its notes <report id>.yaml)',
  message: ({ id }) => `expected a capture of a report, found no report "${id}" in the reports folder; rename it after its report`,
  example: { change: { 'sources/nobody.txt': 'A capture.' }, field: '(file name)', finding: { id: 'nobody' } },
  help: { shown: '`(file name): expected a capture of a report, found no report "nobody" …`', fix: 'name the capture after its report' },
  enforcedBy: 'src/check/index.ts',
};

export const utf8: Rule<{ byte: string; column: number }> = {
  id: 'utf-8',
  checks: 'every file is UTF-8 text',
  message: ({ byte, column }) => `expected UTF-8 text, found the byte ${byte} at column ${column}, which is not UTF-8 (the file is probably Latin-1 or Windows-1252); save it as UTF-8`,
  example: { change: { report: (text) => text.replace('title: First visit', 'title: caf\u00e9') }, encoding: 'latin1', field: '(encoding)', finding: { byte: '0xE9', column: 11 } },
  help: { shown: '`(encoding): expected UTF-8 text, found the byte 0xE9 at column 8`', fix: 'save the file as UTF-8' },
  enforcedBy: 'src/lib/source-text.ts',
};

export const frontmatterClosed: Rule<Record<string, never>> = {
  id: 'frontmatter-closed',
  checks: 'a report\'s frontmatter ends with a "---" line',
  message: () => 'expected a closing "---" line after the frontmatter, found the end of the file',
  example: { change: { report: () => '---\ntitle: x\n' }, field: '(frontmatter)', finding: {} },
  help: { shown: '`(frontmatter): expected a closing "---" line …`', fix: 'close the frontmatter block' },
  enforcedBy: 'src/lib/source-text.ts',
};

export const insideContent: Rule<{ folder: string }> = {
  id: 'inside-content',
  checks: 'no file is a link (symlink) leading out of the content folder',
  message: ({ folder }) => `expected a file inside ${folder}, found a link to a file outside it; copy the file in instead`,
  example: { change: {}, links: { 'reports/linked.mdx': '/etc/hostname' }, field: '(file)', finding: { folder: '<dir>/' } },
  help: { shown: '`(file): expected a file inside content/, found a link to a file outside it`', fix: 'copy the file in instead of linking to it' },
  enforcedBy: 'src/paths.ts',
};

export const linkToNothing: Rule<Record<string, never>> = {
  id: 'link-to-nothing',
  checks: 'no file is a link to nothing, or a loop of links',
  message: () => 'expected a file, found a link to nothing (its target does not exist); remove the link, or copy the file in',
  example: { change: {}, links: { 'reports/linked.mdx': 'nothing-here.mdx' }, field: '(file)', finding: {} },
  help: { shown: '`(file): expected a file, found a link to nothing …` (also `… a loop of links`)', fix: 'remove the link, or copy the file in' },
  enforcedBy: 'src/paths.ts',
};

export const noYamlAliases: Rule<{ alias: string }> = {
  id: 'no-yaml-aliases',
  checks: 'YAML has no aliases (nothing to expand)',
  message: ({ alias }) => `expected plain values, found the alias "${alias}"; write the value out (aliases are not allowed, so none is expanded)`,
  example: { change: { 'people.yaml': (text) => text.replace('ada-example:\n  name: Ada Example', 'ada-example: &a\n  name: Ada Example\nx-y: *a') }, field: '(yaml)', finding: { alias: '*a' } },
  help: { shown: '`(yaml): expected plain values, found the alias "*a"`', fix: 'write the value out' },
  enforcedBy: 'src/lib/yaml.ts',
};
