/**
 * The content check: reads every registry and report once, without Astro, and returns every
 * problem in one pass, each with file, line (where known), field, what was expected and what was
 * found. `npm run check` prints them, `npm run build` runs it before Astro starts, `--fix` uses
 * the same reading to write what can be derived.
 *
 * Reports go through the real report pipeline (src/markdown/pipeline.ts), so the heading ids and
 * tool mentions checked here are the ones the site will use.
 */
import { existsSync } from 'node:fs';
import { basename, relative } from 'node:path';
import type { z } from 'astro/zod';
import { reportRenderer } from '../markdown/renderer.ts';
import type { ReportRecord } from '../schemas/record.ts';
import { fieldName, fieldPath, quoted, type Problem } from '../lib/problems.ts';
import { splitReport, type ReportParts } from '../lib/source-text.ts';
import { checkLinks, sitePaths } from '../lib/site-paths.ts';
import { checkRegistries, checkReports } from '../lib/validate.ts';
import { parseYaml, type ParsedYaml } from '../lib/yaml.ts';
import { idPattern } from '../schemas/common.ts';
import { siteSchema, sourceNotesSchema, taxonomySchema, type SiteData, type TaxonomyData } from '../schemas/registries.ts';
import { configProblems } from '../config.ts';
import { KINDS, REGISTRIES, type Entries, type Entry, type Registry } from '../site/kinds.ts';
import { idReference, reportSchema, type ReportData } from '../schemas/report.ts';
import { contentDir, contentPathsFor, filesUnder, readContent, repoSettings, reportFilesUnder, siteBase } from '../paths.ts';
import { editUrlFor } from '../lib/edit-url.ts';
import { isImageFile } from '../media/images.ts';
import { reportProblems } from './rules/index.ts';
import { fieldNames, issueMessages } from './issues.ts';

const schema = reportSchema(idReference);

export interface CheckedReport {
  id: string;
  file: string;
  /** The whole file as read (this and the next two: see `heldSource`). */
  readonly text: string;
  readonly parts: ReportParts;
  readonly yaml: ParsedYaml;
  /** Valid frontmatter, or undefined when the schema refused it. */
  data?: ReportData;
  /** The pipeline's record, or undefined when the body could not be parsed. */
  record?: ReportRecord;
}

export interface CheckResult extends Entries {
  problems: Problem[];
  reports: CheckedReport[];
  taxonomy?: TaxonomyData;
}

/** A file of the content folder `root` (links leading out of it are refused); its problems go to `problems`. */
function read(file: string, root: string, problems: Problem[]): string | undefined {
  const { text, problems: found } = readContent(file, root);
  problems.push(...found);
  return text;
}

/** Reads and parses a YAML file of `root`; its problems go to `problems`. Undefined when there is nothing usable. */
function readYaml(file: string, root: string, problems: Problem[]): ParsedYaml | undefined {
  const text = read(file, root, problems);
  if (text === undefined) return undefined;
  const yaml = parseYaml(text, file);
  problems.push(...yaml.problems);
  return yaml.data === undefined ? undefined : yaml;
}

/** A report's text, split and its frontmatter parsed. */
interface Source {
  text: string;
  parts: ReportParts;
  yaml: ParsedYaml;
}

/**
 * A checked report whose source is held until `release()`, then read again if asked (a problem's
 * line in the cross-checks, `--fix`). Held for every report, the sources (text, a copy of the body,
 * a YAML document with its syntax tree) took more memory than everything else the check keeps: at
 * 5,000 reports, 343 MB live after the check.
 */
function heldSource(id: string, file: string, root: string, source: Source): { report: CheckedReport; release(): void } {
  let held: Source | undefined = source;
  const get = (): Source => {
    if (held) return held;
    const text = readContent(file, root).text ?? '';
    const parts = splitReport(text, file).parts;
    if (!parts) throw new Error(`${file}: (file): expected the report as it was checked, found it changed; run the check again`);
    return (held = { text, parts, yaml: parseYaml(parts.frontmatter, file, 2) });
  };
  return {
    report: { id, file, get text() { return get().text; }, get parts() { return get().parts; }, get yaml() { return get().yaml; } },
    release: () => (held = undefined),
  };
}

/**
 * `value` through `schema`; every issue becomes a problem in `file`, located through `yaml` under
 * `at` (the path of `value` in the file). `where` names the documentation of the fields.
 */
function validate<T extends z.ZodType>(schema: T, value: unknown, file: string, yaml: ParsedYaml, problems: Problem[], where: string, at: (string | number)[] = []): z.infer<T> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const { path, message } of parsed.error.issues.flatMap((issue) => issueMessages(issue, fieldNames(schema), where, value))) {
    problems.push({ file, line: yaml.lineOf([...at, ...path]) ?? 1, field: fieldName(path, at.length ? `${at.join('.')}.` : ''), message });
  }
  return undefined;
}

const documented = (file: string) => `the comment at the top of ${basename(file)}`;

/** A registry (a YAML map of id → entry): every entry through its schema; only valid entries are returned. */
function loadRegistry<T extends z.ZodType>(file: string, root: string, itemSchema: T, problems: Problem[]): { entries: (z.infer<T> & { id: string })[]; yaml?: ParsedYaml } {
  const yaml = readYaml(file, root, problems);
  if (!yaml) return { entries: [] };
  if (!yaml.data || typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    problems.push({ file, line: 1, field: '(top level)', message: `expected a map of id → entry, found ${Array.isArray(yaml.data) ? 'a list' : String(yaml.data)}` });
    return { entries: [], yaml };
  }
  const entries = Object.entries(yaml.data as Record<string, unknown>).flatMap(([id, value]) => {
    if (!idPattern.test(id)) {
      // An empty, multi-line or complex key is named in the message, not as the field.
      problems.push({ file, line: yaml.lineOf([id]), field: /^[^\s:]{1,60}$/.test(id) ? id : '(id)', message: `expected an id of lower-case words joined by hyphens, found ${JSON.stringify(id)}` });
      return [];
    }
    const entry = validate(itemSchema, value, file, yaml, problems, documented(file), [id]);
    return entry ? [{ ...(entry as object), id } as z.infer<T> & { id: string }] : [];
  });
  return { entries, yaml };
}

function loadTaxonomy(file: string, root: string, problems: Problem[]): TaxonomyData | undefined {
  const yaml = readYaml(file, root, problems);
  return yaml && validate(taxonomySchema, yaml.data, file, yaml, problems, documented(file));
}

/** Kept captures: each `<id>.txt` (or `.html`, `.md`: issue 20) belongs to a report, and its `<id>.yaml` notes are well formed. */
function checkSources(folder: string, root: string, reportIds: Set<string>): Problem[] {
  const problems: Problem[] = [];
  const files = filesUnder(folder, problems, root);
  const names = files.map((file) => relative(folder, file));
  for (const [i, name] of names.entries()) {
    const file = files[i]!;
    const id = name.replace(/\.(txt|html|md|yaml)$/, '');
    if (!/\.(txt|html|md|yaml)$/.test(name)) {
      problems.push({ file, field: '(file name)', message: `expected <report id>.txt, .html or .md (a capture) or <report id>.yaml (its notes), found ${quoted(name)}` });
    } else if (!reportIds.has(id)) {
      problems.push({ file, field: '(file name)', message: `expected a capture of a report, found no report "${id}" in the reports folder; rename it after its report` });
    } else if (name.endsWith('.yaml')) {
      if (!['txt', 'html', 'md'].some((ext) => names.includes(`${id}.${ext}`))) problems.push({ file, field: '(file name)', message: `expected notes on the capture ${id}.txt, found no such capture` });
      const yaml = readYaml(file, root, problems);
      if (yaml) validate(sourceNotesSchema, yaml.data ?? {}, file, yaml, problems, 'content/README.md');
    }
  }
  return problems;
}

/** The id the search page gives this site's own pages in its "Site" filter; no listed site may take it. */
export const OWN_SITE_ID = 'here';

/**
 * `content/sites.yaml` of `dir`: the other sites the search page merges (none when the file is
 * absent), with its problems. The build reads it for the search page and the CSP's connect-src.
 */
export function readSites(dir = contentDir): { sites: (SiteData & { id: string })[]; problems: Problem[] } {
  const file = contentPathsFor(dir).sites;
  const problems: Problem[] = [];
  if (!existsSync(file)) return { sites: [], problems };
  const { entries, yaml } = loadRegistry(file, dir, siteSchema, problems);
  const sites = entries.filter(({ id }) => {
    if (id !== OWN_SITE_ID) return true;
    problems.push({ file, line: yaml?.lineOf([id]), field: id, message: `expected another id, found "${id}", which names this site in search addresses; rename it after the team` });
    return false;
  });
  return { sites, problems };
}

export type Registries = Pick<CheckResult, 'problems' | Registry | 'taxonomy'>;

/** The registries of `dir` (default: CONTENT_DIR), checked on their own: for commands that need them without the reports. */
export function readRegistries(dir = contentDir): Registries {
  const contentPaths = contentPathsFor(dir);
  const problems: Problem[] = [];
  const taxonomy = loadTaxonomy(contentPaths.taxonomy, dir, problems);
  const loaded = Object.fromEntries(REGISTRIES.map((kind) => [kind, loadRegistry(contentPaths[kind], dir, KINDS[kind].schema, problems)])) as { [K in Registry]: { entries: Entry<K>[]; yaml?: ParsedYaml } };
  const entries = Object.fromEntries(REGISTRIES.map((kind) => [kind, loaded[kind].entries])) as Entries;
  const yamlOf = new Map(REGISTRIES.map((kind) => [contentPaths[kind], loaded[kind].yaml]));
  if (taxonomy) {
    const registryProblems = checkRegistries({
      ...entries,
      files: contentPaths,
      unsound: [...new Set(problems.map((p) => p.file))],
      taxonomy: { file: basename(contentPaths.taxonomy), series: Object.keys(taxonomy.series), toolCategories: taxonomy.toolCategories },
    });
    for (const problem of registryProblems) problem.line ??= yamlOf.get(problem.file)?.lineOf(fieldPath(problem.field));
    problems.push(...registryProblems);
  }
  problems.push(...readSites(dir).problems);
  return { problems, ...entries, taxonomy };
}

/**
 * Renders every report body of `dir` that the cache does not hold yet, on every core, so that
 * `checkContent` (which is synchronous and renders one at a time) and then the site build find
 * them cached. Optional: without it the same work happens, on one core. Never throws on bad content.
 */
export async function warmReports(options: { dir?: string } = {}): Promise<void> {
  const dir = options.dir ?? contentDir;
  const { problems, tools } = readRegistries(dir);
  if (problems.some((p) => p.file === contentPathsFor(dir).tools)) return;
  const inputs = reportFilesUnder(contentPathsFor(dir).reports).flatMap((file) => {
    const text = readContent(file, dir).text;
    const parts = text === undefined ? undefined : splitReport(text, file).parts;
    return parts ? [{ file, body: parts.body }] : [];
  });
  await reportRenderer({ tools, base: siteBase }).warm(inputs);
}

/**
 * Checks all content of `dir` (default: CONTENT_DIR, or `content/`). `only` limits the reports
 * checked (registries are always checked). Never throws on bad content; never writes.
 */
export function checkContent(options: { dir?: string; only?: string[] } = {}): CheckResult {
  const dir = options.dir ?? contentDir;
  const contentPaths = contentPathsFor(dir);
  const registries = readRegistries(dir);
  const { problems, tools } = registries;
  // Reports are cross-checked against sound registries only: a broken registry would make every
  // reference to it look wrong.
  const registriesSound = problems.length === 0;

  // The same renderer as the site's (src/markdown/renderer.ts), so the build reuses it from the cache.
  const renderer = reportRenderer({ tools, base: siteBase });
  const wanted = options.only?.map((f) => relative('.', f));
  const files = filesUnder(contentPaths.reports, problems, dir).filter((file) => !wanted || wanted.includes(relative('.', file)));
  const reports: CheckedReport[] = [];
  for (const file of files) {
    // A report's photos sit beside it; the report that names them checks them (src/media/image-rules.ts).
    if (isImageFile(file)) continue;
    if (!file.endsWith('.mdx')) {
      problems.push({ file, field: '(file name)', message: `expected a report ending in .mdx, found ${quoted(basename(file))}; rename it, or move it out of the reports folder` });
      continue;
    }
    const text = read(file, dir, problems);
    if (text === undefined) continue;
    const split = splitReport(text, file);
    problems.push(...split.problems);
    if (!split.parts) continue;
    const yaml = parseYaml(split.parts.frontmatter, file, 2);
    problems.push(...yaml.problems);
    const id = relative(contentPaths.reports, file).replace(/\.mdx$/, '');
    const { report, release } = heldSource(id, file, dir, { text, parts: split.parts, yaml });
    if (yaml.data !== undefined) report.data = validate(schema, yaml.data ?? {}, file, yaml, problems, 'content/README.md');
    const body = renderer.body({ file, body: split.parts.body });
    problems.push(...body.problems.map((p) => ({ file, ...p })));
    if (body.record) report.record = body.record;
    problems.push(...reportProblems({ file, body: split.parts.body, data: report.data, record: report.record, lineOf: yaml.lineOf }));
    reports.push(report);
    release();
  }

  problems.push(...checkSources(contentPaths.sources, dir, new Set(reports.map((r) => r.id))));

  const complete = reports.filter((r): r is CheckedReport & Required<Pick<CheckedReport, 'data' | 'record'>> => Boolean(r.data && r.record));
  if (registriesSound) {
    const inputs = complete.map((r) => ({ id: r.id, file: r.file, data: r.data, record: r.record }));
    const crossProblems = checkReports(inputs, registries);
    // Links into the site: reports not read (or unreadable) are pages too, whose headings are not known.
    const read = new Set(complete.map((r) => r.id));
    const otherReports = reportFilesUnder(contentPaths.reports).map((f) => relative(contentPaths.reports, f).replace(/\.mdx$/, '')).filter((id) => !read.has(id));
    const pages = sitePaths({ ...registries, reports: inputs });
    crossProblems.push(...checkLinks(inputs, pages, { otherReports, partial: Boolean(wanted) }));
    const byFile = new Map(reports.map((r) => [r.file, r]));
    for (const problem of crossProblems) {
      if (!problem.field.startsWith('(')) problem.line ??= byFile.get(problem.file)?.yaml.lineOf(fieldPath(problem.field));
    }
    problems.push(...crossProblems);
  }
  // The build's settings for edit links (README, "Edit links"): checked here so a build stops before Astro starts.
  problems.push(...configProblems, ...editUrlFor(repoSettings).problems);
  return { ...registries, problems, reports };
}
