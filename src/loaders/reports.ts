/**
 * The `reports` collection's loader. Each `content/reports/**\/*.mdx` file becomes an entry whose
 * data is its frontmatter (read with our YAML reader, validated by the collection's schema) and
 * whose rendered HTML and record come from src/markdown/render.ts — the same rendering, and the
 * same on-disk cache, as `npm run check`. A body is never compiled to a JavaScript module, so the
 * build does not bundle one module per report, and an unchanged report costs a digest comparison
 * (Astro keeps the entries between builds in its data store).
 *
 * Bad content throws one error in our format (`file:line: field: …`) naming every problem.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { splitReport } from '../lib/source-text.ts';
import { parseYaml } from '../lib/yaml.ts';
import { pipelineKey, renderBodies, type RenderOptions } from '../markdown/render.ts';

const isReport = (file: string) => file.endsWith('.mdx');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : isReport(path) ? [path] : [];
  });
}

export function reportsLoader({ dir, render }: { dir: string; render: () => RenderOptions }): Loader {
  return {
    name: 'hallway-reports',
    load: async ({ store, parseData, generateDigest, watcher, logger, config }) => {
      const root = fileURLToPath(config.root);
      const idOf = (file: string) => relative(dir, file).replace(/\.mdx$/, '');

      /** Loads `files` (all of them, or the ones that changed); `all` also forgets deleted reports. */
      async function sync(files: string[], all: boolean) {
        const options = render();
        const key = pipelineKey(options);
        const untouched = new Set(all ? store.keys() : []);
        const problems: Problem[] = [];
        const changed: { file: string; id: string; digest: string; frontmatter: string; body: string }[] = [];
        for (const file of files) {
          const id = idOf(file);
          untouched.delete(id);
          const text = readFileSync(file, 'utf8');
          const digest = generateDigest(`${key}\0${text}`);
          if (store.get(id)?.digest === digest) continue;
          const split = splitReport(text, file);
          problems.push(...split.problems);
          if (split.parts) changed.push({ file, id, digest, ...split.parts });
        }
        const rendered = await renderBodies(changed, options);
        for (const [i, { file, id, digest, frontmatter }] of changed.entries()) {
          const yaml = parseYaml(frontmatter, file, 2);
          const { html, record, problems: bodyProblems } = rendered[i]!;
          problems.push(...yaml.problems, ...bodyProblems.map((p) => ({ file, ...p })));
          if (yaml.problems.length || html === undefined || !record) continue;
          const data = await parseData({ id, data: (yaml.data ?? {}) as Record<string, unknown>, filePath: resolve(file) });
          store.set({ id, data, filePath: relative(root, resolve(file)).split(sep).join('/'), digest, rendered: { html, metadata: { frontmatter: { record } } } });
        }
        for (const id of untouched) store.delete(id);
        if (problems.length) throw new Error(formatProblems(problems));
        if (changed.length) logger.info(`${changed.length} report${changed.length === 1 ? '' : 's'} rendered, ${files.length - changed.length} unchanged`);
      }

      await sync(walk(dir), true);

      // `astro dev`: re-load a report when it is saved, forget it when it is deleted.
      if (watcher) {
        const inDir = (path: string) => isReport(path) && !relative(resolve(dir), path).startsWith('..');
        const onChange = (path: string) => {
          if (inDir(path)) sync([relative('.', path)], false).catch((error: Error) => logger.error(error.message));
        };
        watcher.add(resolve(dir));
        watcher.on('change', onChange);
        watcher.on('add', onChange);
        watcher.on('unlink', (path) => {
          if (inDir(path)) store.delete(idOf(relative('.', path)));
        });
      }
    },
  };
}
