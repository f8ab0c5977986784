/**
 * The files one authoring command writes, as one change that is read back before it counts. New
 * files are created only where nothing is (never overwriting a file a person wrote); registries
 * are appended to, every byte already there kept. Once everything is written, the check reads it
 * back; if what was written does not read back as meant, every file is put back as it was (new
 * ones removed) and the problems are printed, so a command never leaves an invalid file behind.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { checkContent, readRegistries } from '../check/index.ts';
import { normalized } from '../lib/line-endings.ts';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { parseYaml } from '../lib/yaml.ts';
import { splitReport } from '../lib/source-text.ts';
import { contentPaths } from '../paths.ts';
import { appendEntry } from './draft.ts';

/** A YAML file (or a report's frontmatter) and the values it must read back, by top-level key. */
interface Expected {
  file: string;
  values: Record<string, unknown>;
}

/** Report fields a command writes from what it was given; a problem in one of them is the command's. */
const written = /^(\(.*\)|title|event|year|city|author|source(\..*)?|draft)$/;

export class Change {
  /** Each file touched, with its bytes before (undefined: it did not exist). */
  readonly #before = new Map<string, Buffer | undefined>();
  readonly #expected: Expected[] = [];

  /** Creates `path`; fails rather than overwrite a file that appeared meanwhile. */
  create(path: string, content: string | Buffer) {
    writeFileSync(path, content, { flag: 'wx' });
    this.#before.set(path, undefined);
  }

  /** Appends `entry` (YAML text) to the registry `path`, which must then hold `values` under their keys. */
  append(path: string, entry: string, values: Record<string, unknown>) {
    const before = readFileSync(path);
    if (!this.#before.has(path)) this.#before.set(path, before);
    writeFileSync(path, appendEntry(before.toString('utf8'), entry));
    this.#expected.push({ file: path, values });
  }

  /**
   * Writes `text` over the registry `path`, which must still hold `before` (the bytes the change
   * was worked out from) and must then hold `values` under their keys (import-schedule's edits).
   */
  replace(path: string, before: string, text: string, values: Record<string, unknown>) {
    const now = readFileSync(path);
    if (now.toString('utf8') !== before) throw new Error(`${path}: (file): expected the file as it was read, found it changed meanwhile; run the command again`);
    if (!this.#before.has(path)) this.#before.set(path, now);
    writeFileSync(path, text);
    this.#expected.push({ file: path, values });
  }

  /** Requires the frontmatter of the report `file` to read back `values`. */
  expect(file: string, values: Record<string, unknown>) {
    this.#expected.push({ file, values });
  }

  /** Puts every file back as it was. */
  undo() {
    for (const [path, bytes] of this.#before) {
      if (bytes) writeFileSync(path, bytes);
      else if (existsSync(path)) rmSync(path);
    }
  }

  /**
   * Reads back what was written, with the check: the registries must have no problem at all (they
   * had none before), a written report none in the fields the command wrote, and every expected
   * value must read back equal. On any problem, undoes everything, prints the problems and exits 1.
   * Returns the report's other problems (what is left for its author to do).
   */
  readBack(report?: string): Problem[] {
    const problems: Problem[] = [...readRegistries().problems];
    let left: Problem[] = [];
    if (report) {
      const result = checkContent({ only: [report] });
      left = result.problems.filter((p) => p.file === report && !written.test(p.field));
      const ours = (p: Problem) => (p.file === report ? written.test(p.field) : p.file.startsWith(contentPaths.sources) && this.#before.has(p.file));
      problems.push(...result.problems.filter(ours));
    }
    for (const { file, values } of this.#expected) {
      const text = normalized(readFileSync(file, 'utf8'));
      const yaml = file.endsWith('.mdx') ? splitReport(text, file).parts?.frontmatter : text;
      const data = yaml === undefined ? undefined : (parseYaml(yaml, file).data as Record<string, unknown> | undefined);
      for (const [key, value] of Object.entries(values)) {
        if (!isDeepStrictEqual(data?.[key], value)) {
          problems.push({ file, field: key, message: `expected to read back ${JSON.stringify(value)}, found ${JSON.stringify(data?.[key])}` });
        }
      }
    }
    if (!problems.length) return left;
    this.undo();
    console.error(`${formatProblems(problems)}\n\nWhat this command wrote did not read back as meant, so every file is back as it was (nothing new is left). Add the entry by hand instead, and tell the maintainers, with the values you gave.`);
    process.exit(1);
  }
}
