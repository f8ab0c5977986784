/**
 * YAML for registries and frontmatter, parsed so that every problem has a line and nothing can
 * blow up: aliases (`*x`) are refused before any value is built, so an alias bomb costs nothing;
 * duplicate keys are errors. Unquoted dates still parse as dates (as YAML 1.1 and Astro's parser
 * read them), so the schemas can refuse them with the reason.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, stringify, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { shown, type Problem } from './problems.ts';

export interface ParsedYaml {
  /** The parsed document, with source ranges (for `--fix`, which edits the text in place). */
  doc: Document;
  /** The plain value, or undefined when the text has errors. */
  data: unknown;
  problems: Problem[];
  /** The line of a key or item (e.g. ["kcp", "match", 0]), or of its nearest existing parent. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Parses `text` from `file`; `firstLine` is the file line of the text's first line (frontmatter starts on 2). */
export function parseYaml(text: string, file: string, firstLine = 1): ParsedYaml {
  const lines = new LineCounter();
  // Duplicate keys are found below with a set per map: the parser's own search (`uniqueKeys`)
  // compares each key with every earlier one, minutes for a registry of 5,000 imported talks.
  const doc = parseDocument(text, { lineCounter: lines, customTags: ['timestamp'], prettyErrors: false, uniqueKeys: false });
  const lineAt = (offset: number) => lines.linePos(offset).line + firstLine - 1;
  const problems: Problem[] = doc.errors.map((error) => ({
    file,
    line: lineAt(error.pos[0]),
    field: '(yaml)',
    message: `expected valid YAML, found an error: ${shown(error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''))}`,
  }));
  const aliases = new Set<string>();
  visit(doc, {
    Map(_, map) {
      const keys = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!keys.has(key)) keys.add(key);
        else problems.push({ file, line: isScalar(pair.key) && pair.key.range ? lineAt(pair.key.range[0]) : undefined, field: '(yaml)', message: 'expected valid YAML, found an error: Map keys must be unique' });
      }
    },
    Alias(_, alias) {
      if (aliases.has(alias.source)) return;
      aliases.add(alias.source);
      problems.push({
        file,
        line: alias.range ? lineAt(alias.range[0]) : undefined,
        field: '(yaml)',
        message: `expected plain values, found the alias "*${alias.source}"; write the value out (aliases are not allowed, so none is expanded)`,
      });
    },
  });

  // Each map's pairs by key, made when first asked: asking for every entry of a registry of
  // thousands (its edit links, src/data/) would otherwise search the map once per entry.
  const pairs = new WeakMap<YAMLMap, Map<string, Pair>>();
  const pairIn = (map: YAMLMap, key: string | number) => {
    let index = pairs.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
      pairs.set(map, index);
    }
    return index.get(String(key));
  };
  const lineOf = (path: readonly (string | number)[]) => {
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = pairIn(node, key);
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
        node = node.items[key];
        if ((node as Node).range) line = lineAt((node as Node).range![0]);
      } else break;
    }
    return line;
  };
  return { doc, data: problems.length ? undefined : doc.toJS({ maxAliasCount: 0 }), problems, lineOf };
}

/**
 * YAML text for `value` as our commands write it: never folded (a long value stays on its line,
 * where a folded one would need an indentation that a hand-built entry does not give it), and
 * quoted whenever YAML would read the plain text as something else (a date, a number, `null`,
 * `a: b`). `parseYaml` reads back exactly `value`.
 */
export const toYaml = (value: unknown) => stringify(value, { lineWidth: 0, customTags: ['timestamp'] }).trimEnd();
