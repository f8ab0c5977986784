// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';
import { rehypeReport } from './src/markdown/rehype-report.ts';
import { readToolSpellings } from './src/markdown/tool-spellings.ts';

// Deploying under a sub-path: SITE_BASE=/kb/ npm run build (see README).
const base = process.env.SITE_BASE ?? '/';
const site = process.env.SITE_URL ?? 'https://hallway-track.example';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: {
    syntaxHighlight: false,
    processor: unified({
      gfm: false,
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeReport, { tools: readToolSpellings('./content/tools.yaml'), base }]],
    }),
  },
  integrations: [mdx()],
});
