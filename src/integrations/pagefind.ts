/**
 * Builds the Pagefind search index as part of `astro build`, so no separate step can be forgotten.
 *
 * - `astro:config:setup` adds a small Vite plugin that emits the header search module
 *   (`src/scripts/search/header.ts`) under a stable, unhashed name (`search/header.js` by default),
 *   because the tiny inline loader in the layout must know its address without a build manifest.
 *   Its own imports are ordinary hashed chunks in `_astro/`.
 * - `astro:build:done` indexes the build output (src/integrations/search-index.ts) into
 *   `<outDir>/pagefind/`, unless `npm run build` said it will do that itself once Astro has exited
 *   (HALLWAY_SEARCH_INDEX=after-astro). Nothing is written into the source tree.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { indexSite } from './search-index.ts';
import { config } from '../config.ts';

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
        // `npm run build` indexes after Astro has exited, so their memory never adds up.
        if (config.searchIndexAfterAstro) return;
        await indexSite(fileURLToPath(dir), (message) => logger.info(message));
      },
    },
  };
}
