/**
 * The ids the page frame around a report body uses (src/layouts/Base.astro, the report page
 * src/pages/reports/[slug].astro, the header search's panel in src/scripts/search/header.ts, and
 * the editor's notes list rendered with the body). A heading id is made from its text, so a
 * heading named "Credit" or "Main" would otherwise give a second `id="credit"` on the page and the
 * frame's `aria-labelledby="credit"` or skip link would point at the body's heading: the heading-id
 * step (src/markdown/rehype/heading-ids.ts) never gives a heading one of these. Adding an id to the
 * frame means adding it here; tests/site/links.test.ts fails on any duplicate id in a built page.
 * The heading-id step reads it, so the render cache hashes it as pipeline code (src/markdown/cache.ts): a change re-renders every body.
 */
export const FRAME_IDS: readonly string[] = [
  // Base.astro: the skip link's target and the header search field (and its results panel).
  'main',
  'site-search',
  'site-search-panel',
  // The report page: credit, its note on unconfirmed details, the sections after the body, the contents.
  'credit',
  'about-unconfirmed',
  'mentioned',
  'topics',
  'talks',
  'related',
  'toc-title',
  // The editor's notes list (rehype/editor-notes.ts), its entries and their markers; the footnotes' heading (remark-rehype's).
  'ed-notes-title',
  'footnote-label',
];

/** Ids the body itself numbers: `ed-note-1`, `ed-ref-1`, … (editor's corrections), `user-content-fn-1`, `user-content-fnref-1` (footnotes). */
const numbered = /^(?:ed-(?:note|ref)|user-content-fn(?:ref)?)-\d+$/;

/**
 * True when a heading may not take `id`, because the frame (or the body's notes) uses it. Never
 * true of `id` with "-1" added, so the heading-id step, which adds -1, -2, … until this is false, ends.
 */
export const isFrameId = (id: string) => FRAME_IDS.includes(id) || numbered.test(id);

/** The frame's ids every report page has (others depend on the report), which a link may name: `/reports/x/#credit`. */
export const REPORT_PAGE_IDS: readonly string[] = ['main', 'credit', 'topics'];
