/**
 * Loads content the way the site does, without Astro: frontmatter through Astro's own parser,
 * registries through js-yaml, every entry through the real zod schemas, then `crossCheck`.
 * `overrides` replaces file texts (path relative to the repo) to test broken entries in memory.
 */
import { parseFrontmatter } from '@astrojs/markdown-remark';
import GithubSlugger from 'github-slugger';
import yaml from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { eventSchema, toolSchema, topicSchema } from '../../src/schemas/registries.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { crossCheck, schemaProblems, type Problem } from '../../src/lib/validate.ts';

const fakeReference = (collection: string) => z.string().transform((id) => ({ id, collection }));
export const schema = reportSchema(fakeReference);

export const reportFiles = () =>
  readdirSync('content/reports').filter((f) => f.endsWith('.mdx')).sort().map((f) => `content/reports/${f}`);

/** Heading ids as the report pipeline assigns them (github-slugger over the heading text). */
export function headingIds(body: string): string[] {
  const slugger = new GithubSlugger();
  return [...body.matchAll(/^#{1,6}\s+(.+?)\s*$/gm)].map((m) =>
    slugger.slug(m[1]!.replace(/<Ed[^>]*\/>/g, '').replace(/[`*_]/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')),
  );
}

export function check(overrides: Record<string, string> = {}): Problem[] {
  const read = (path: string) => overrides[path] ?? readFileSync(path, 'utf8');
  const problems: Problem[] = [];
  const registry = <T extends z.ZodType>(file: string, itemSchema: T) => {
    let raw: Record<string, unknown>;
    try {
      raw = yaml.load(read(file)) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
    return Object.entries(raw).flatMap(([id, value]) => {
      const parsed = itemSchema.safeParse(value);
      if (!parsed.success) {
        problems.push(...schemaProblems(file, parsed.error.issues, `${id}.`));
        return [];
      }
      return [{ id, ...(parsed.data as object) } as { id: string } & z.infer<T>];
    });
  };
  const events = registry('content/events.yaml', eventSchema);
  const topics = registry('content/topics.yaml', topicSchema);
  const tools = registry('content/tools.yaml', toolSchema);
  const files = [...new Set([...reportFiles(), ...Object.keys(overrides).filter((f) => f.startsWith('content/reports/'))])];
  const reports = files.flatMap((file) => {
    const { frontmatter, content } = parseFrontmatter(read(file));
    const parsed = schema.safeParse(frontmatter);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, parsed.error.issues));
      return [];
    }
    return [{ id: file.replace(/^.*\//, '').replace(/\.mdx$/, ''), file, data: parsed.data, body: content, headingIds: headingIds(content) }];
  });
  problems.push(
    ...crossCheck(reports, {
      eventsFile: 'content/events.yaml',
      topicsFile: 'content/topics.yaml',
      events,
      topics,
      tools: tools.map((t) => ({ id: t.id, match: t.match })),
    }),
  );
  return problems;
}
