/**
 * Builds the Pagefind search index as part of `astro build`, so no separate step can be forgotten.
 *
 * - `astro:config:setup` adds a small Vite plugin that emits the header search module
 *   (`src/scripts/search/header.ts`) under a stable, unhashed name (`search/header.js` by default),
 *   because the tiny inline loader in the layout must know its address without a build manifest.
 *   Its own imports are ordinary hashed chunks in `_astro/`.
 * - `astro:build:done` indexes every HTML file of the build output with Pagefind's Node API and
 *   writes the bundle to `<outDir>/pagefind/`. Every `errors` array Pagefind returns is checked;
 *   any error fails the build. Nothing is written into the source tree.
 *
 * Does not decide what is indexed: pages say that with `data-pagefind-*` attributes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

export interface PagefindOptions {
  /** Client module loaded on demand by the header search, relative to the project root. */
  headerModule?: string;
  /** Where that module is written, relative to the output directory (and so to `base`). */
  headerModuleFile?: string;
}

/**
 * The CSP hash of the layout's inline search-shortcut script, which the layout renders from the
 * same file (trimmed) with `?raw`. Astro hashes its own scripts but not `is:inline` ones, so the
 * config adds this one to `security.csp.scriptDirective.hashes`.
 */
export function shortcutScriptHash(): `sha256-${string}` {
  const text = readFileSync(new URL('../scripts/search/shortcut.inline.js', import.meta.url), 'utf8').trim();
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n  ${errors.join('\n  ')}`);
}

export default function pagefindIntegration({
  headerModule = 'src/scripts/search/header.ts',
  headerModuleFile = 'search/header.js',
}: PagefindOptions = {}): AstroIntegration {
  return {
    name: 'hallway-track:pagefind',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const entry = fileURLToPath(new URL(headerModule, config.root));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'hallway-track:header-search-entry',
                apply: 'build',
                applyToEnvironment: (environment) => environment.name === 'client',
                buildStart() {
                  this.emitFile({ type: 'chunk', id: entry, fileName: headerModuleFile });
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        try {
          // The "#" link after each heading (src/markdown/rehype-report.ts) carries
          // data-pagefind-ignore, but Pagefind still reads its text into the heading's title for
          // sub-results ("Section #Link to “Section”"); ignoring its children keeps titles clean.
          const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['.anchor *'] });
          check('createIndex', errors);
          if (!index) throw new Error('Pagefind createIndex returned no index.');
          const added = await index.addDirectory({ path: site });
          check(`indexing ${site}`, added.errors);
          if (added.page_count === 0) throw new Error(`Pagefind found no pages to index in ${site}.`);
          const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
          check('writing the index', written.errors);
          logger.info(`Indexed ${added.page_count} pages into ${written.outputPath}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
