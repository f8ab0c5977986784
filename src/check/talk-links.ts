/**
 * `check --fix` links a report's sections to the talks they are about: for each `##`/`###`
 * section not yet tied to a talk, it asks `proposeTalks` which talks of the report's events (its
 * `event` and `alsoCovers`) the heading and text name. A talk named by its whole title is written
 * into the frontmatter's `talks:` (a new item, every other byte kept); a weaker match (a speaker's
 * name) is only listed as a hint for the author to judge, since a report may mention a speaker
 * without being about that talk. A talk the report already lists is never added again: an author
 * who tied it to other sections chose them.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { isMap, isPair, isScalar, isSeq, type Pair, type YAMLSeq } from 'yaml';
import type { Edit } from '../lib/line-endings.ts';
import { proposeTalks } from '../lib/talk-match.ts';
import type { CheckedReport, CheckResult } from './index.ts';

export interface TalkLinks {
  edits: Edit[];
  changes: string[];
  /** `file:line: talks: …` lines for proposals a person should judge; nothing is written for them. */
  hints: string[];
}

/** Heading, then the section's text (HTML to text through hast, as a reader sees it). */
const textOf = (section: { title: string; html: string }) => `${section.title}\n${toText(fromHtml(section.html, { fragment: true }))}`;

/** Edits adding the talks a report's sections name by title, and hints for the rest. */
export function talkLinkEdits(report: CheckedReport, result: CheckResult): TalkLinks {
  const links: TalkLinks = { edits: [], changes: [], hints: [] };
  const raw = report.yaml.data as { event?: unknown; alsoCovers?: unknown } | undefined;
  const root = report.yaml.doc.contents;
  if (!report.record || !raw || !isMap(root)) return links;
  const events = new Set([raw.event, ...(Array.isArray(raw.alsoCovers) ? raw.alsoCovers : [])].map(String));
  const candidates = result.talks.filter((t) => events.has(t.event));
  if (!candidates.length) return links;

  const pair = root.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === 'talks');
  const listed = isSeq(pair?.value) ? (pair.value as YAMLSeq).items.filter(isMap) : [];
  const listedTalks = new Set(listed.map((m) => String(m.get('talk'))));
  const tied = new Set(listed.flatMap((m) => {
    const sections: unknown = m.get('sections', true);
    return isSeq(sections) ? sections.items.map((n) => String(isScalar(n) ? n.value : n)) : [];
  }));
  const people = Object.fromEntries(result.people.map((p) => [p.id, p]));
  const sections = report.record.sections.filter((s) => !tied.has(s.id) && !(s.parent && tied.has(s.parent)));
  const lineOf = (id: string) => report.record!.headings.find((h) => h.id === id)?.line ?? 1;

  // Per talk, the sections that name it; a `##` section is left out when one of its `###` sections names the same talk.
  const found = new Map<string, { sure: boolean; why: string; sections: string[] }>();
  const proposals = new Map(sections.map((s) => [s.id, proposeTalks(textOf(s), candidates, people)]));
  for (const s of sections) {
    for (const p of proposals.get(s.id)!) {
      if (listedTalks.has(p.id)) continue;
      if (s.depth === 2 && sections.some((c) => c.parent === s.id && proposals.get(c.id)!.some((q) => q.id === p.id))) continue;
      const entry = found.get(p.id) ?? { sure: p.sure, why: p.why, sections: [] };
      entry.sure &&= p.sure;
      entry.sections.push(s.id);
      found.set(p.id, entry);
    }
  }

  const fm = report.parts.frontmatter;
  const sure = [...found].filter(([, e]) => e.sure);
  // Where new items go: after the last item of a block list, or a new `talks:` at the end.
  let at: number | undefined;
  let dash = '  - ';
  if (!pair) at = fm.length;
  else if (isSeq(pair.value) && !pair.value.flow && pair.value.items.length && pair.value.range) {
    const first = (pair.value.items[0] as { range?: [number, number, number] }).range![0];
    dash = fm.slice(fm.lastIndexOf('\n', first - 1) + 1, first);
    at = pair.value.range[1];
    if (fm[at - 1] !== '\n') at = fm.indexOf('\n', at) < 0 ? fm.length : fm.indexOf('\n', at) + 1;
  }
  const writable = at !== undefined && /^ *- +$/.test(dash);
  for (const [id, entry] of found) {
    const list = `[${entry.sections.join(', ')}]`;
    const where = `${report.file}:${lineOf(entry.sections[0]!)}`;
    if (entry.sure && writable) continue;
    links.hints.push(`${where}: talks: section${entry.sections.length > 1 ? 's' : ''} ${list} may be about the talk ${id} (${entry.why}); if so, add \`- talk: ${id}\` with \`sections: ${list}\` to talks:`);
  }
  if (!writable || !sure.length) return links;
  const pad = ' '.repeat(dash.length);
  const items = sure.map(([id, e]) => `${dash}talk: ${id}\n${pad}sections: [${e.sections.join(', ')}]\n`).join('');
  const lead = at! === fm.length && fm.length > 0 && !fm.endsWith('\n') ? '\n' : '';
  links.edits.push({ start: at!, end: at!, text: `${lead}${pair ? '' : 'talks:\n'}${items}`.replace(/\n$/, at! === fm.length ? '' : '\n') });
  for (const [id, e] of sure) links.changes.push(`${report.file}:${lineOf(e.sections[0]!)}: talks: added ${id} for [${e.sections.join(', ')}] (the section ${e.why})`);
  return links;
}
