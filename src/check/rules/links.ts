/** Links into the site: pages and headings that exist, and are published (src/lib/site-paths.ts). */
import type { Rule } from './rule.ts';

const sitePaths = 'src/lib/site-paths.ts';

export const linkToPage: Rule<{ url: string; guess: string }> = {
  id: 'link-to-page',
  checks: 'a link into the site names a page that exists',
  message: ({ url, guess }) => `expected a page of this site, found "${url}"; did you mean "${guess}"?`,
  example: { change: { body: '[x](/reports/first-vist/)' }, field: 'link', finding: { url: '/reports/first-vist/', guess: '/reports/first-visit/' } },
  help: { shown: '`link: expected a page of this site, found "/reports/kubecon-eu-2018-takeway/"; did you mean "/reports/kubecon-eu-2018-takeaways/"?`', fix: 'fix the link (the report\'s file name is its id), or remove it' },
  enforcedBy: sitePaths,
};

export const linkToHeading: Rule<{ page: string; fragment: string; guess: string }> = {
  id: 'link-to-heading',
  checks: 'a link\'s #fragment names a heading of the report it links to',
  message: ({ page, fragment, guess }) => `expected a heading id of "${page}", found "#${fragment}"; did you mean "#${guess}"?`,
  example: { change: { body: '[x](/reports/first-visit/#halway)' }, field: 'link', finding: { page: '/reports/first-visit/', fragment: 'halway', guess: 'hallway' } },
  help: { shown: '`link: expected a heading id of "/reports/x/", found "#operater"; did you mean "#operators"?`', fix: 'use the heading\'s id (the check lists them)' },
  enforcedBy: sitePaths,
};

export const linkToDraft: Rule<{ url: string }> = {
  id: 'link-to-draft',
  checks: 'a link into the site does not lead to a draft',
  message: ({ url }) => `expected a published page of this site, found "${url}", a draft; publish it first, or remove the link`,
  example: {
    change: {
      body: '[x](/reports/second/)',
      'reports/second.mdx': '---\ntitle: Second\ndraft: true\nevent: devconf-2031\nyear: 2031\ncity: Atlantis\nauthor: ada-example\nsummary: A draft.\n---\n\nText.\n',
    },
    field: 'link',
    finding: { url: '/reports/second/' },
  },
  help: { shown: '`link: expected a published page of this site, found "/reports/x/", a draft`', fix: 'publish that report first, or remove the link' },
  enforcedBy: sitePaths,
};
