/**
 * `npm run check [-- --fix] [files…]`: validates all content in one pass without building the site
 * and prints every problem as `file:line: field: expected …, found …`. With `--fix` it first writes
 * what can be derived (src/check/fix.ts) and says what it changed. Exit code 1 when problems remain.
 */
import { performance } from 'node:perf_hooks';
import { checkContent, warmReports } from '../src/check/index.ts';
import { fixReports } from '../src/check/fix.ts';
import { errorTable, listRules } from '../src/check/rules/index.ts';
import { commandLine } from '../src/lib/command-line.ts';
import { formatProblem, sortProblems } from '../src/lib/problems.ts';

const { values, positionals: only } = commandLine({
  command: 'npm run check',
  positionals: Infinity,
  options: { fix: { type: 'boolean' }, list: { type: 'boolean' }, table: { type: 'boolean' } },
  usage: `Usage: npm run check [-- --fix] [report files…]
       npm run check -- --list [--table]

Checks every registry (content/*.yaml) and report (content/reports/*.mdx) without building the
site, and prints every problem as  file:line: field: expected …, found …

  --fix    first write what can be derived, then check: a report's year and city (from its
           event), tools (from the text), topic and talk sections named by heading text (rewritten
           to heading ids), and talks of the report's event a section names by title (added
           to talks:; a section naming only a speaker is listed as a hint). Nothing else is
           changed; every change is printed.
  files    check (and fix) only these reports; registries are always checked.
  --list   print the rules checked (id and what each checks) and check nothing; with --table,
           content/README.md's error table (written from the same list).

CONTENT_DIR=<dir> checks another content folder (default: content).`,
});
if (values.list || values.table) {
  console.log(values.table ? errorTable() : listRules());
  process.exit(0);
}
const fix = values.fix === true;
const started = performance.now();

if (!only.length) await warmReports();
let result = checkContent({ only: only.length ? only : undefined });
if (fix) {
  const hints: string[] = [];
  const changes = fixReports(result, hints);
  for (const change of changes) console.log(`fixed ${change}`);
  for (const hint of hints) console.log(`hint ${hint}`);
  if (changes.length) result = checkContent({ only: only.length ? only : undefined });
  else console.log('--fix: nothing to change');
}

const { problems, reports } = result;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (problems.length === 0) {
  console.log(`✓ ${reports.length} reports, ${result.events.length} events, ${result.tools.length} tools, ${result.topics.length} topics, ${result.people.length} people, ${result.talks.length} talks: no problems (${seconds} s)`);
  process.exit(0);
}
for (const problem of sortProblems(problems)) console.error(formatProblem(problem));
const withProblems = new Set(problems.map((p) => p.file));
for (const report of reports) {
  if (!withProblems.has(report.file) || !report.record?.headings.length) continue;
  console.error(`\n${report.file}: its heading ids (for topics[].sections and talks[].sections):\n${report.record.headings.map((h) => `  ${'#'.repeat(h.depth)} ${h.title}  →  ${h.id}`).join('\n')}`);
}
console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${withProblems.size} file${withProblems.size === 1 ? '' : 's'} (${seconds} s).${fix ? '' : ' `npm run check -- --fix` writes tools, year, city and section ids for you.'}`);
process.exit(1);
