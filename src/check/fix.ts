/**
 * `npm run check -- --fix`: writes into a report's frontmatter what the build can derive, and
 * nothing else — `year` and `city` from its event, `tools` from the pipeline's record of the text,
 * topic and talk `sections` written as heading text rewritten to heading ids, and talks a section names
 * by title (src/check/talk-links.ts). The text is edited in
 * place (comments, order and every other line stay as the person wrote them), and only when a
 * value differs, so running it twice changes nothing the second time. The file keeps its own line
 * endings and BOM (src/lib/line-endings.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { slug } from 'github-slugger';
import { isMap, isPair, isScalar, isSeq, type Pair } from 'yaml';
import { edit, normalized, type Edit } from '../lib/line-endings.ts';
import { formatProblem } from '../lib/problems.ts';
import { parseYaml, toYaml } from '../lib/yaml.ts';
import { toolsOf } from '../schemas/record.ts';
import type { CheckedReport, CheckResult } from './index.ts';
import { talkLinkEdits } from './talk-links.ts';

const flowList = (ids: string[]) => `[${ids.join(', ')}]`;

/** Edits for one report's frontmatter, with a description of each; none when it is already right. */
function editsFor(report: CheckedReport, result: CheckResult, hints: string[]): { edits: Edit[]; changes: string[] } {
  const edits: Edit[] = [];
  const changes: string[] = [];
  const { doc } = report.yaml;
  const fm = report.parts.frontmatter;
  const root = doc.contents;
  if (!isMap(root) || report.yaml.data === undefined) return { edits, changes };
  const raw = report.yaml.data as Record<string, unknown>;
  const pairOf = (key: string) => root.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
  /** The start of the line after the value ending at `offset`: a block scalar (`>-`) ends past its own newline already. */
  const lineEnd = (offset: number) => {
    if (offset > 0 && fm[offset - 1] === '\n') return offset;
    const nl = fm.indexOf('\n', offset);
    return nl < 0 ? fm.length : nl + 1;
  };
  const say = (key: string, before: string, after: string) => {
    changes.push(`${report.file}:${report.yaml.lineOf([key]) ?? 1}: ${key}: ${before} → ${after}`);
  };
  /** Sets a top-level scalar or list: replaces the value, or adds a line after `after`. */
  const set = (key: string, text: string, shown: string, after?: string) => {
    const pair = pairOf(key);
    const value = pair?.value as { range?: [number, number, number] } | null | undefined;
    const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    if (pair && keyRange) {
      const end = value?.range ? value.range[1] : keyRange[1] + 1;
      edits.push({ start: keyRange[1], end, text: `: ${text}` });
      say(key, value?.range ? fm.slice(value.range[0], value.range[1]).replace(/\s+/g, ' ') : '(empty)', shown);
      return;
    }
    const anchor = after ? pairOf(after) : undefined;
    const anchorEnd = (anchor?.value as { range?: [number, number, number] } | undefined)?.range?.[1];
    const at = anchorEnd !== undefined ? lineEnd(anchorEnd) : fm.length;
    const prefix = at === fm.length && fm.length > 0 && !fm.endsWith('\n') ? '\n' : '';
    edits.push({ start: at, end: at, text: `${prefix}${key}: ${text}${at === fm.length ? '' : '\n'}` });
    changes.push(`${report.file}: ${key}: added ${shown}`);
  };

  const event = result.events.find((e) => e.id === raw.event);
  if (event) {
    if (raw.year !== event.year) set('year', toYaml(event.year), String(event.year), 'event');
    if (event.city !== undefined && raw.city !== event.city) set('city', toYaml(event.city), JSON.stringify(event.city), raw.year === undefined ? 'event' : 'year');
  }

  if (report.record) {
    const known = new Set(result.tools.map((t) => t.id));
    const mentioned = toolsOf(report.record).filter((id) => known.has(id)).sort();
    const listed = Array.isArray(raw.tools) ? raw.tools.map(String) : undefined;
    if (!listed || [...listed].sort().join() !== mentioned.join()) set('tools', flowList(mentioned), flowList(mentioned), 'summary');

    // Topic and talk sections written as heading text ("Fireside chat with Kelsey") become ids.
    const ids = new Set(report.record.sections.map((s) => s.id));
    const byTitle = new Map(report.record.sections.flatMap((s) => [[s.title.toLowerCase(), s.id], [slug(s.title), s.id]] as const));
    for (const key of ['topics', 'talks'] as const) {
      const list = pairOf(key)?.value;
      if (!isSeq(list)) continue;
      list.items.forEach((item, i) => {
        const sections = isMap(item) ? item.get('sections', true) : undefined;
        if (!isSeq(sections)) return;
        sections.items.forEach((node, j) => {
          if (!isScalar(node) || !node.range) return;
          const written = String(node.value);
          const id = ids.has(written) ? undefined : (byTitle.get(written.trim().toLowerCase()) ?? byTitle.get(slug(written)));
          if (!id) return;
          edits.push({ start: node.range[0], end: node.range[1], text: id });
          changes.push(`${report.file}:${report.yaml.lineOf([key, i, 'sections', j]) ?? 1}: ${key}[${i}].sections[${j}]: "${written}" → ${id}`);
        });
      });
    }

    const talks = talkLinkEdits(report, result);
    edits.push(...talks.edits);
    changes.push(...talks.changes);
    hints.push(...talks.hints);
  }
  return { edits, changes };
}

/**
 * Applies `--fix` to every report of `result` that needs it; returns what changed, one line each.
 * Talks a section may be about but that are not sure enough to write go to `hints`, one line each.
 */
export function fixReports(result: CheckResult, hints: string[] = []): string[] {
  const all: string[] = [];
  for (const report of result.reports) {
    const { edits, changes } = editsFor(report, result, hints);
    if (!edits.length) continue;
    let fm = report.parts.frontmatter;
    for (const e of [...edits].sort((a, b) => b.start - a.start)) fm = fm.slice(0, e.start) + e.text + fm.slice(e.end);
    // Read back before writing: an edit that would leave frontmatter the check cannot read is not written.
    const broken = parseYaml(fm, report.file, 2).problems;
    if (broken.length) {
      all.push(...broken.map((p) => `nothing in ${report.file}: it would not read back (${formatProblem(p)}); please tell the maintainers`));
      continue;
    }
    // The edits are made in the file as saved, so its line endings and BOM stay as they were.
    const raw = readFileSync(report.file, 'utf8');
    if (normalized(raw) !== report.text) throw new Error(`${report.file}: (file): expected the report as it was checked, found it changed; run the check again`);
    const start = report.text.indexOf('\n') + 1;
    writeFileSync(report.file, edit(raw, edits.map((e) => ({ ...e, start: start + e.start, end: start + e.end }))));
    all.push(...changes);
  }
  return all;
}
