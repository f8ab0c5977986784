/**
 * A new event series written into taxonomy.yaml's `series` map as one new line after its last
 * entry, indented like them: every other byte (comments, order, line endings, BOM) stays as it was,
 * as `check --fix` and import-schedule edit files. Pure: text in, text out.
 */
import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import { edit, normalized } from '../lib/line-endings.ts';
import { toYaml } from '../lib/yaml.ts';

type Range = [number, number, number];
const rangeOf = (node: unknown) => (node as { range?: Range } | null | undefined)?.range;

/**
 * `raw` (taxonomy.yaml as on disk) with `id: name` added to `series`, or a problem in our words
 * when the map is not one we can add a line to without rewriting it (flow style, empty, missing).
 */
export function addSeries(raw: string, id: string, name: string): { text: string } | { problem: string } {
  const text = normalized(raw);
  const doc = parseDocument(text);
  const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'series') : undefined;
  const map = pair?.value;
  if (!isMap(map) || map.flow || !map.items.length) {
    return { problem: `expected a block map of series (one "id: name" line each), found ${!pair ? 'no series' : isMap(map) && map.flow ? 'a flow map ({…})' : 'no entries'}; add "${id}: ${name}" under series: by hand` };
  }
  const first = rangeOf(map.items[0]!.key)![0];
  const indent = first - (text.lastIndexOf('\n', first - 1) + 1);
  const last = map.items.at(-1)!;
  const valueEnd = rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1];
  const nl = text.indexOf('\n', valueEnd);
  const at = nl < 0 ? text.length : nl;
  return { text: edit(raw, [{ start: at, end: at, text: `\n${' '.repeat(indent)}${toYaml({ [id]: name })}` }]) };
}
