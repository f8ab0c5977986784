/**
 * The `reports` collection's loader. Each `content/reports/**\/*.mdx` file becomes an entry whose
 * data is its frontmatter (read with our YAML reader, validated by the collection's schema). Its body
 * is rendered here too, through the render contract (src/markdown/renderer.ts: on every core, into
 * the on-disk cache the check shares), so a bad body stops even a bare `astro build`; but the HTML
 * is not kept in Astro's data store: the query layer reads it from that cache (src/data/index.ts). Astro serialises its store,
 * and bundles it into the build, so 5,000 reports' HTML there cost gigabytes and minutes.
 * A body is never compiled to a JavaScript module. An unchanged report costs a digest comparison.
 *
 * Bad content throws one error in our format (`file:line: field: …`) naming every problem.
 */
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentError, type Problem } from '../lib/problems.ts';
import { splitReport } from '../lib/source-text.ts';
import { parseYaml } from '../lib/yaml.ts';
import { isLitter, readContent, reportFilesUnder } from '../paths.ts';
import type { ReportRenderer } from '../markdown/renderer.ts';
import { localImagesKey } from '../media/images.ts';

const isReport = (file: string) => file.endsWith('.mdx');

/** `renderer` is asked for at each load, so `astro dev` renders with the tools.yaml of the moment. */
export function reportsLoader({ dir, renderer }: { dir: string; renderer: () => ReportRenderer }): Loader {
  return {
    name: 'hallway-reports',
    load: async ({ store, parseData, generateDigest, watcher, logger, config }) => {
      const root = fileURLToPath(config.root);
      const idOf = (file: string) => relative(dir, file).replace(/\.mdx$/, '');

      /**
       * Loads `files` (all of them, or the ones that changed); `all` also forgets deleted reports.
       * `problems` holds what was found walking the folder (links leading out of content/, loops).
       */
      async function sync(files: string[], all: boolean, problems: Problem[] = []) {
        const { key, load } = renderer();
        const untouched = new Set(all ? store.keys() : []);
        const changed: { file: string; id: string; digest: string; frontmatter: string; body: string }[] = [];
        for (const file of files) {
          const id = idOf(file);
          untouched.delete(id);
          const { text, problems: unreadable } = readContent(file, dirname(dir));
          problems.push(...unreadable);
          if (text === undefined) continue;
          const digest = generateDigest(`${key}\0${text}\0${localImagesKey(file, text)}`);
          if (store.get(id)?.digest === digest) continue;
          const split = splitReport(text, file);
          problems.push(...split.problems);
          if (split.parts) changed.push({ file, id, digest, ...split.parts });
        }
        const bodyProblems = await load(changed);
        for (const [i, { file, id, digest, frontmatter }] of changed.entries()) {
          const yaml = parseYaml(frontmatter, file, 2);
          problems.push(...yaml.problems, ...bodyProblems[i]!.map((p) => ({ file, ...p })));
          if (yaml.problems.length || bodyProblems[i]!.length) continue;
          const data = await parseData({ id, data: (yaml.data ?? {}) as Record<string, unknown>, filePath: resolve(file) });
          store.set({ id, data, filePath: relative(root, resolve(file)).split(sep).join('/'), digest });
        }
        for (const id of untouched) store.delete(id);
        if (problems.length) throw contentError(problems);
        if (changed.length) logger.info(`${changed.length} new or changed report${changed.length === 1 ? '' : 's'} loaded, ${files.length - changed.length} unchanged`);
      }

      const walked: Problem[] = [];
      await sync(reportFilesUnder(dir, walked), true, walked);

      // `astro dev`: re-load a report when it is saved, forget it when it is deleted.
      if (watcher) {
        const inDir = (path: string) => isReport(path) && !isLitter(basename(path)) && !relative(resolve(dir), path).startsWith('..');
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
