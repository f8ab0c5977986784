// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import contentCheck from './src/integrations/content-check.ts';
import images from './src/integrations/images.ts';
import pageCache from './src/integrations/page-cache.ts';
import pagefind, { shortcutScriptHash } from './src/integrations/pagefind.ts';
import { rehypePlugins, remarkPlugins } from './src/markdown/pipeline.ts';
import { siteRenderOptions } from './src/markdown/cache.ts';
import { astroCacheDir, contentDir, siteBase } from './src/paths.ts';
import { federatedSites, siteOrigins } from './src/data/sites.ts';
import { config } from './src/config.ts';

// Deploying under a sub-path: SITE_BASE=/kb/ npm run build (see README).
const base = siteBase;
const site = config.siteUrl;

const pipeline = { ...siteRenderOptions(), strict: true };

export default defineConfig({
  site,
  base,
  outDir: config.outDir,
  // One cache per corpus and base (CI can cache node_modules/.astro/).
  cacheDir: `./${astroCacheDir(contentDir, base)}`,
  trailingSlash: 'always',
  // Two reports resolving to one URL (e.g. the same `slug`) must fail the build, not overwrite.
  prerenderConflictBehavior: 'error',
  // concurrency: pages copied from the incremental cache mostly wait on the disk; several at once
  // overlap that (a rebuild of 1,000 reports: Astro 5.5-6.0 s one at a time, 4.9-5.2 s eight).
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 8 },
  markdown: {
    syntaxHighlight: false,
    // Reports are rendered by their content loader (src/loaders/reports.ts), not here. This gives
    // any Markdown or MDX page Astro renders itself the same pipeline (src/markdown/pipeline.ts),
    // strict. gfm and smartypants are in our list, after the guard.
    processor: unified({
      gfm: false,
      smartypants: false,
      remarkPlugins: [...remarkPlugins(pipeline)],
      rehypePlugins: [...rehypePlugins(pipeline)],
    }),
  },
  // Pages whose getStaticPaths gives a cacheKey (src/data/index.ts, pageKey) are copied from the
  // previous build when neither their data nor their code changed; the cache lives in cacheDir.
  // `astro build --force` (or `npm run build -- --force`) renders every page again.
  experimental: { incrementalBuild: true },
  // contentCheck: a bare `astro build` refuses what `npm run check` refuses. pageCache: Astro's
  // cache is used only when it is as the last build left it.
  // images: the reports' photos, encoded and published once the pages are written.
  integrations: [contentCheck(), pageCache(), mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), pagefind(), images()],
  // Every page gets a CSP <meta>: only our own files load; Astro hashes its styles and scripts.
  // Search adds what Pagefind needs (WebAssembly, fetching index files; it runs without its
  // worker) and the hash of the header's inline shortcut script. No 'unsafe-inline' for scripts.
  // connect-src adds the origins of the sites search merges (content/sites.yaml), no others.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        `connect-src 'self'${siteOrigins(federatedSites(contentDir)).map((origin) => ` ${origin}`).join('')}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [shortcutScriptHash()],
      },
    },
  },
});
