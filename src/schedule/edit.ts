/**
 * A registry plan as edits of the registry's text, made in place like `check --fix` makes them in
 * frontmatter: a set field replaces only its value, a new field is a new line at the end of its
 * entry, a confirmed field leaves `unconfirmed` (the line goes when the list empties), new entries
 * are appended. Every other byte (comments, order, quoting, line endings, BOM) stays as it was.
 */
import { isMap, isPair, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';
import { appendEntry } from '../authoring/draft.ts';
import { edit, normalized, type Edit } from '../lib/line-endings.ts';
import { toYaml } from '../lib/yaml.ts';
import type { Entry, RegistryPlan } from './plan.ts';

type Range = [number, number, number];
const rangeOf = (node: unknown) => (node as { range?: Range } | null | undefined)?.range;

/** YAML for a value in an entry: id lists in flow style (`[a, b]`), clock times quoted, everything else as our commands write it. */
const valueText = (value: unknown) =>
  Array.isArray(value) && value.every((v) => /^[a-z0-9-]+$/.test(String(v))) ? `[${value.join(', ')}]`
  : typeof value === 'string' && /^\d+:\d+$/.test(value) ? JSON.stringify(value) // YAML 1.1 reads 10:30 as a number
  : toYaml(value);

/** A new entry's text: `id:` and its fields indented by two, in the plan's order. */
export const entryText = (id: string, entry: Entry) => `${id}:\n${Object.entries(entry).map(([k, v]) => `  ${k}: ${valueText(v)}\n`).join('')}`;

/**
 * A registry's normalized text parsed once for both the plan and the edits, with source ranges.
 * The check has already read it (no errors, aliases or duplicate keys), so the quadratic
 * duplicate-key search of `parseYaml` is not paid again at thousands of entries.
 */
export const registryDocument = (text: string) => parseDocument(text, { customTags: ['timestamp'], uniqueKeys: false });

/** The edits (in offsets of `text`, normalized) that apply `plan`'s changes to the existing entries of `doc`. */
function editsFor(text: string, doc: Document, plan: RegistryPlan, file: string): Edit[] {
  const root = doc.contents;
  if (!isMap(root)) return [];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = (offset: number) => {
    const nl = text.indexOf('\n', offset);
    return nl < 0 ? text.length : nl + 1;
  };
  const pairIn = (map: YAMLMap, key: string) => map.items.find((p): p is Pair => isPair(p) && isScalar(p.key) && p.key.value === key);
  const edits: Edit[] = [];
  for (const [id, { set, confirm }] of plan.changed) {
    const entry = pairIn(root as YAMLMap, id)?.value;
    if (!isMap(entry) || !entry.items.length) throw new Error(`${file}: ${id}: expected an entry of fields, found another shape; please tell the maintainers`);
    const first = rangeOf(entry.items[0]!.key)!;
    const indent = text.slice(lineStart(first[0]), first[0]);
    const last = entry.items.at(-1)!;
    const end = lineEnd(Math.max(rangeOf(last.value)?.[1] ?? 0, rangeOf(last.key)![1]) - 1);
    const added: string[] = [];
    for (const [key, value] of Object.entries(set)) {
      const pair = pairIn(entry, key);
      const keyEnd = rangeOf(pair?.key)?.[1];
      if (pair && keyEnd !== undefined) edits.push({ start: keyEnd, end: rangeOf(pair.value)?.[1] ?? keyEnd, text: `: ${valueText(value)}` });
      else added.push(`${indent}${key}: ${valueText(value)}\n`);
    }
    const unconfirmed = pairIn(entry, 'unconfirmed');
    if (confirm.length && unconfirmed) {
      const left = (unconfirmed.value as { toJSON(): unknown }).toJSON() as string[];
      const kept = left.filter((f) => !confirm.includes(f));
      const [keyStart, keyEnd] = rangeOf(unconfirmed.key)!;
      const valueEnd = rangeOf(unconfirmed.value)?.[1] ?? keyEnd;
      if (kept.length) edits.push({ start: keyEnd, end: valueEnd, text: `: ${valueText(kept)}` });
      else edits.push({ start: lineStart(keyStart), end: lineEnd(valueEnd - 1), text: '' });
    }
    if (added.length) edits.push({ start: end, end, text: `${end === text.length && !text.endsWith('\n') ? '\n' : ''}${added.join('')}` });
  }
  return edits;
}

/** The registry's bytes (`raw`, as read) with `plan` applied; `raw` itself when the plan changes nothing. */
export function applyToRegistry(raw: string, doc: Document, plan: RegistryPlan, file: string): string {
  let out = edit(raw, editsFor(normalized(raw), doc, plan, file));
  if (plan.added.size) out = appendEntry(out, [...plan.added].map(([id, entry]) => entryText(id, entry)).join('\n'));
  return out;
}

/**
 * The change from `before` to `after` as unified-diff-like hunks of whole lines, each headed by
 * its line in `before`: what `--dry-run` prints and a terminal shows before asking.
 */
export function lineDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const [a, b] = [normalized(before).split('\n'), normalized(after).split('\n')];
  const hunks: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    // The shortest way back into step: the next line of `a` found again in `b`, or of `b` in `a`.
    const at = i + 1;
    let found: [number, number] | undefined;
    for (let k = 0; !found && (i + k < a.length || j + k < b.length); k++) {
      // Only pairs inside both texts: a long run of added lines at the end costs one pass, not its square.
      for (let x = Math.max(0, k - (b.length - 1 - j)); x <= Math.min(k, a.length - 1 - i) && !found; x++) {
        const [p, q] = [i + x, j + k - x];
        if (p < a.length && q < b.length && a[p] === b[q] && (p + 1 >= a.length || q + 1 >= b.length || a[p + 1] === b[q + 1])) found = [p, q];
      }
    }
    const [p, q] = found ?? [a.length, b.length];
    hunks.push(`@@ ${file}:${at} @@\n${[...a.slice(i, p).map((l) => `-${l}`), ...b.slice(j, q).map((l) => `+${l}`)].join('\n')}`);
    [i, j] = [p, q];
  }
  return `--- ${file}\n+++ ${file}\n${hunks.join('\n')}`;
}
