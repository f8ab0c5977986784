/**
 * Zod's issues in our words. Most messages are ours already (the schemas set them); a field zod
 * does not know ("Unrecognized key") becomes one problem per field, on its own line, with the
 * nearest real field name suggested.
 */
import type { z } from 'astro/zod';
import { nearest } from '../lib/suggest.ts';
import { describe } from '../schemas/common.ts';

type Path = (string | number)[];

/** Every field name that appears anywhere in `schema` (objects inside lists, defaults and transforms included). */
export function fieldNames(schema: z.ZodType): string[] {
  const names = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    const def = (node as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def || depth > 8) return;
    if (def.shape) {
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) {
        names.add(key);
        walk(value, depth + 1);
      }
    }
    for (const inner of [def.innerType, def.element, def.in, def.out]) walk(inner, depth + 1);
    for (const option of (def.options as unknown[] | undefined) ?? []) walk(option, depth + 1);
  };
  walk(schema, 0);
  return [...names];
}

/** The value at `path` in `input`, for saying what was found where zod does not. */
const valueAt = (input: unknown, path: Path) => path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), input);

/** One zod issue as problems: `path` locates it, `message` says expected/found. `input` is the value validated. */
export function issueMessages(issue: z.core.$ZodIssue, known: string[], where: string, input?: unknown): { path: Path; message: string }[] {
  const path = issue.path as Path;
  if (issue.code === 'invalid_key') {
    // A record's key (taxonomy.yaml's series) refused by its own schema, whose message says what is expected.
    return [{ path, message: `${ourWords(issue.issues[0]?.message ?? 'expected a valid key')}, found ${JSON.stringify(path.at(-1))}` }];
  }
  if (issue.code === 'invalid_value' && !issue.message.includes(', found ')) return [{ path, message: `${ourWords(issue.message)}, found ${describe(valueAt(input, path))}` }];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const guess = nearest(key, known);
      return { path: [...path, key], message: `expected only the fields described in ${where}, found "${key}"${guess ? `; did you mean "${guess}"?` : ''}` };
    });
  }
  return [{ path, message: ourWords(issue.message) }];
}

const typeNames: Record<string, string> = { array: 'a list', string: 'text', number: 'a number', object: 'a map of fields', boolean: 'true or false', undefined: 'nothing', null: 'null', date: 'a date', tuple: 'a [captured, corrected] pair' };
const typeName = (name: string) => typeNames[name] ?? name;

/** Zod's own wording ("Invalid input: expected array, received number") in ours ("expected a list, found a number"). */
function ourWords(message: string): string {
  const invalid = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (invalid) return `expected ${typeName(invalid[1]!)}, found ${typeName(invalid[2]!)}`;
  const option = /^Invalid option: expected one of (.+)$/.exec(message);
  if (option) return `expected one of ${option[1]!.split('|').join(', ')}`;
  return message.replace(/^Invalid input: /, 'expected a valid value, found: ');
}
