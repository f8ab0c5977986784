/**
 * Display names for one search facet's ids, `{ "kubecon-eu-2022": "KubeCon EU 2022", … }`, fetched by
 * the search page only when it shows that facet: the lists grow with the corpus (authors, talks), so
 * they are not embedded in the page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { catalog, pageKey } from '../../../data/index.ts';
import { reportFacets } from '../../../lib/catalog.ts';

export const getStaticPaths = (() => {
  const names: Record<string, Record<string, string>> = {};
  for (const { facet, id, name } of catalog.reports.flatMap(reportFacets)) (names[facet] ??= {})[id] = name;
  return Object.entries(names).map(([facet, map]) => ({ params: { facet }, props: { map }, cacheKey: pageKey([], map) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify((props as { map: Record<string, string> }).map), { headers: { 'content-type': 'application/json' } });
