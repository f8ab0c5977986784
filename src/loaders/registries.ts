/**
 * A registry collection's loader (events.yaml, tools.yaml, …): each id of the YAML map becomes an
 * entry. The file is read as every content file is (src/paths.ts `readContent`: a link leading out
 * of the content folder is refused, line endings and BOM are normalized) and parsed with our YAML
 * reader (no aliases, errors with lines), as `npm run check` reads it. Astro's own `file()` loader
 * would log a read or parse error as "Error reading data from …" and go on with an empty
 * collection; here any problem stops even a bare `astro build`, in our format.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { contentError } from '../lib/problems.ts';
import { parseYaml } from '../lib/yaml.ts';
import { readContent } from '../paths.ts';

export function registryLoader(path: string): Loader {
  return {
    name: 'hallway-registry',
    load: async ({ store, parseData, watcher, logger, config }) => {
      const filePath = relative(fileURLToPath(config.root), resolve(path)).split(sep).join('/');
      async function sync() {
        const { text, problems } = readContent(path, dirname(path));
        if (text === undefined) throw contentError(problems);
        const { data, problems: bad } = parseYaml(text, path);
        if (bad.length) throw contentError(bad);
        if (!data || typeof data !== 'object' || Array.isArray(data)) {
          throw contentError([{ file: path, line: 1, field: '(top level)', message: `expected a map of id → entry, found ${Array.isArray(data) ? 'a list' : String(data)}` }]);
        }
        const entries = [];
        for (const [id, value] of Object.entries(data as Record<string, Record<string, unknown>>)) {
          entries.push({ id, data: await parseData({ id, data: value, filePath: resolve(path) }), filePath });
        }
        store.clear();
        for (const entry of entries) store.set(entry);
      }
      await sync();

      // `astro dev`: read the registry again when it is saved.
      if (watcher) {
        watcher.add(resolve(path));
        watcher.on('change', (changed) => {
          if (changed === resolve(path)) sync().catch((error: Error) => logger.error(error.message));
        });
      }
    },
  };
}
