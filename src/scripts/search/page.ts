/**
 * The search page (`/search/`). The address holds the state (see state.ts): opening a link shows
 * its results, typing and ticking facets update the address, Back and Forward restore earlier states.
 * Facet ids are shown with the display names the page embeds as JSON (from the catalog). The facets,
 * their labels and the names of the kinds of page come embedded too (`#search-vocabulary`, from
 * src/site/kinds.ts), so this script keeps no list of its own.
 */
import { listedSites, loadPagefind, type Pagefind, type SearchResponse } from './pagefind.ts';
import { nearest, type Place } from './nearest.ts';
import { resultArticle, h } from './render.ts';
import type { SearchVocabulary } from '../../site/kinds.ts';
import { type Facet, type SearchState, type Sort, hasFilters, isEmpty, readState, searchOptions, writeState } from './state.ts';

/**
 * Results rendered at first (about a screenful), then per "Show more" or when its button scrolls
 * into view. Each result costs a fragment request (~4 KB), so the first search fetches only what shows.
 */
const FIRST_PAGE = 5;
const PAGE_SIZE = 10;
/**
 * While someone types, results (a fragment request each) load once the field has been still this
 * long, or at Enter: the facet counts follow every keystroke, the fragments only the query the
 * reader settles on (typing "operators" otherwise fetched fragments for "op", "ope", "oper"…).
 */
const SETTLE_MS = 300;
/** Queries shorter than this match most of the index: the page waits for one more letter. */
const MIN_QUERY = 2;
/** Facets with more values than this show the most used ones and a "Show all" button. */
const SHORT_LIST = 8;
/** The facets in order with their labels, and each page type's name (src/site/kinds.ts, `searchVocabulary`). */
const vocabulary = JSON.parse(document.getElementById('search-vocabulary')?.textContent ?? '{}') as SearchVocabulary;
const FACETS = vocabulary.facets.map((f) => f.id);
const LABELS = Object.fromEntries(vocabulary.facets.map((f) => [f.id, f.label]));
/**
 * Facets open and counted with the first search; the others load their counts (one Pagefind chunk
 * each) when opened. An empty search page loads no index at all (see start()).
 */
const OPEN_FACETS = vocabulary.facets.filter((f) => f.open).map((f) => f.id);
/** Other sites whose indexes are merged (content/sites.yaml); without any, there is no "Site" filter. */
const federation = listedSites();
const SHOWN_FACETS = FACETS.filter((f) => f !== 'site' || federation.sites.length > 0);

const $ = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`search page: #${id} is missing`);
  return el as T;
};

const base = import.meta.env.BASE_URL;
const app = $('search-app');
const form = $<HTMLFormElement>('search-form');
const input = $<HTMLInputElement>('search-q');
const sortSelect = $<HTMLSelectElement>('search-sort');
const facetsBox = $<HTMLDetailsElement>('search-facets');
const facetsList = $('search-facet-groups');
const clearButton = $<HTMLButtonElement>('search-clear');
const status = $('search-status');
const list = $<HTMLOListElement>('search-results');
const moreButton = $<HTMLButtonElement>('search-more');
const help = $('search-help');
const nearBox = $('search-nearest');
const nearList = $('search-nearest-list');
const notices = $('search-notices');
const places = JSON.parse($('search-places').textContent ?? '[]') as Place[];
const siteTitle = document.title;

// ——— Facet names, fetched per facet when shown ———

const names: Partial<Record<Facet, Record<string, string>>> = {
  type: vocabulary.types,
  site: Object.fromEntries([[federation.own, 'This site'], ...federation.sites.map((s) => [s.id, s.name])]),
};
const namesLoading = new Map<Facet, Promise<void>>();
function loadNames(facet: Facet): Promise<void> {
  if (names[facet]) return Promise.resolve();
  let p = namesLoading.get(facet);
  if (!p) {
    p = fetch(`${base}search/names/${facet}.json`)
      .then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : {}))
      .catch(() => ({}))
      .then((map) => void (names[facet] = map));
    namesLoading.set(facet, p);
  }
  return p;
}
const nameOf = (facet: Facet, id: string) => names[facet]?.[id] ?? id;

let pagefind: Pagefind | undefined;
let pagefindLoading: Promise<Pagefind | undefined> | undefined;
/** Loads Pagefind and its index once; says so in the status line if it cannot. */
function ensurePagefind(): Promise<Pagefind | undefined> {
  pagefindLoading ??= loadPagefind().then(
    (loaded) => {
      // Sites left out (down, refusing us, another Pagefind version): said once, the rest still answer.
      notices.replaceChildren(...loaded.notices.map((text) => h('p', {}, text)));
      notices.hidden = loaded.notices.length === 0;
      return (pagefind = loaded.pagefind);
    },
    (error: unknown) => {
      pagefindLoading = undefined;
      status.textContent = 'The search index could not be loaded. Try reloading the page, or browse the reports instead.';
      console.error(error);
      return undefined;
    },
  );
  return pagefindLoading;
}
let state: SearchState = readState(new URLSearchParams(location.search), FACETS);
/** While someone types, the first change adds a history entry and the next ones replace it. */
let typing = false;
let generation = 0;
let shown: { response: SearchResponse; count: number; withPassages: boolean } | undefined;

// ——— Facet controls: one disclosure per facet; values appear with their counts ———

/** Facets whose counts are shown (Pagefind loads a facet's chunk only when asked). */
const counted = new Set<Facet>();
const groups = new Map<Facet, { details: HTMLDetailsElement; ul: HTMLUListElement; items: Map<string, { li: HTMLLIElement; box: HTMLInputElement; count: HTMLElement; label: Text }>; toggle: HTMLButtonElement }>();

/** `openDefaults`: open the OPEN_FACETS groups (with a search to count for). */
function buildFacets(openDefaults: boolean) {
  facetsList.replaceChildren();
  for (const facet of SHOWN_FACETS) {
    const ul = h('ul', {});
    const toggle = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' });
    toggle.hidden = true;
    const fieldset = h('fieldset', { class: 'facet', 'data-facet': facet }, h('legend', { class: 'visually-hidden' }, LABELS[facet]), ul, toggle);
    const details = h('details', { class: 'facet-group', 'data-facet': facet }, h('summary', {}, LABELS[facet]), fieldset);
    details.open = (openDefaults && OPEN_FACETS.includes(facet)) || state.filters[facet]!.length > 0;
    if (details.open) counted.add(facet);
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      fieldset.classList.toggle('show-all', open);
      showToggle(facet);
    });
    details.addEventListener('toggle', () => {
      if (details.open && (!counted.has(facet) || !pagefind)) {
        counted.add(facet);
        ul.replaceChildren(h('li', { class: 'loading' }, 'Loading…'));
        // Before the index is in, a full search: it also counts, and a newer call supersedes older ones.
        void run({ countsOnly: Boolean(pagefind) });
      }
    });
    groups.set(facet, { details, ul, items: new Map(), toggle });
    facetsList.append(details);
  }
}

function showToggle(facet: Facet) {
  const g = groups.get(facet)!;
  const visible = [...g.items.values()].filter((i) => !i.li.hidden).length;
  g.toggle.hidden = visible <= SHORT_LIST;
  const open = g.toggle.getAttribute('aria-expanded') === 'true';
  g.toggle.textContent = open ? 'Show fewer' : `Show all ${visible}`;
}

function showCounts(byFacet: Partial<Record<Facet, Record<string, number>>>) {
  for (const facet of SHOWN_FACETS) {
    const g = groups.get(facet)!;
    const ticked = state.filters[facet]!;
    if (!counted.has(facet)) {
      g.details.hidden = false;
      continue;
    }
    const tally = byFacet[facet] ?? {};
    const fresh = [...new Set([...Object.keys(tally), ...ticked])].filter((v) => !g.items.has(v));
    fresh.sort((a, b) =>
      facet === 'year' ? b.localeCompare(a) : (tally[b] ?? 0) - (tally[a] ?? 0) || nameOf(facet, a).localeCompare(nameOf(facet, b)),
    );
    for (const stale of g.ul.querySelectorAll('.loading, .none')) stale.remove();
    for (const value of fresh) {
      const box = h('input', { type: 'checkbox', name: facet, value });
      const count = h('span', { class: 'count' });
      const label = document.createTextNode(nameOf(facet, value));
      const li = h('li', {}, h('label', {}, box, ' ', label, ' ', count));
      g.items.set(value, { li, box, count, label });
      g.ul.append(li);
    }
    let rank = 0;
    for (const [value, item] of g.items) {
      const n = tally[value] ?? 0;
      item.box.checked = ticked.includes(value);
      item.count.textContent = `(${n})`;
      item.label.textContent = nameOf(facet, value);
      // Values that would give no results are hidden, unless ticked.
      item.li.hidden = n === 0 && !item.box.checked;
      if (!item.li.hidden) item.li.toggleAttribute('data-extra', rank++ >= SHORT_LIST);
    }
    g.details.hidden = g.items.size > 0 && rank === 0;
    if (!g.items.size) g.ul.replaceChildren(h('li', { class: 'none' }, 'None here.'));
    showToggle(facet);
  }
  clearButton.hidden = !hasFilters(state);
}

// ——— Searching ———

function describe(count: number): string {
  const parts = FACETS.flatMap((f) => state.filters[f]!.map((v) => nameOf(f, v)));
  const what = count === 1 ? '1 result' : `${count} results`;
  const q = state.q ? ` for “${state.q}”` : '';
  return `${what}${q}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** When nothing matches: the topics and tools nearest to the query, and the browse pages. */
function showHelp(on: boolean) {
  help.hidden = !on;
  if (!on) return;
  const near = nearest(state.q, places);
  nearList.replaceChildren(
    ...near.map((p) => h('li', {}, h('a', { href: p.url }, p.name), ' ', h('span', { class: 'kind' }, p.kind === 'topic' ? 'topic' : 'tool'))),
  );
  nearBox.hidden = near.length === 0;
}

/**
 * Searches for the current state and shows the results, then the facet counts. Every keystroke
 * calls it; a newer call makes older ones stop at their next step. `countsOnly` refreshes the counts;
 * `settle` (typing) shows the counts first and waits SETTLE_MS before fetching the results' fragments.
 */
async function run({ countsOnly = false, settle = false } = {}) {
  const mine = ++generation;
  if (!countsOnly) list.removeAttribute('aria-busy');
  const pf = pagefind ?? (await ensurePagefind());
  if (!pf || mine !== generation) return; // a newer call searches once the index is in
  const current = state;
  for (const f of SHOWN_FACETS) {
    if (current.filters[f]!.length && !counted.has(f)) {
      counted.add(f);
      groups.get(f)!.details.open = true;
    }
  }
  const wanted = [...counted];
  const term = current.q || null;
  if (isEmpty(current)) {
    if (!countsOnly) {
      list.replaceChildren();
      moreButton.hidden = true;
      showHelp(false);
      status.textContent = 'Type a word, or pick a filter to list the pages that match it.';
      shown = undefined;
    }
    // Counts over the whole index, for the facets shown only.
    const all = await pf.search(null, searchOptions(current, undefined, wanted));
    await Promise.all(wanted.map(loadNames));
    if (mine === generation) showCounts(all.filters);
    return;
  }
  if (term && term.length < MIN_QUERY && !hasFilters(current)) {
    if (!countsOnly) {
      list.replaceChildren();
      moreButton.hidden = true;
      showHelp(false);
      shown = undefined;
      status.textContent = 'Keep typing…';
    }
    return;
  }
  const response = await pf.search(term, searchOptions(current, undefined, wanted));
  if (mine !== generation) return;
  // Each ticked facet counts values as if it were not ticked, so its other values stay visible.
  const counts = async () => {
    const byFacet: Partial<Record<Facet, Record<string, number>>> = { ...response.filters };
    await Promise.all([
      ...wanted.map(loadNames),
      ...wanted
        .filter((f) => current.filters[f]!.length)
        .map(async (f) => {
          byFacet[f] = (await pf.search(term, searchOptions(current, f, wanted))).filters[f];
        }),
    ]);
    if (mine === generation) showCounts(byFacet);
  };
  if (countsOnly) return counts();
  if (settle) {
    // Counts now; results (their fragments) once the reader has stopped typing.
    await counts();
    list.setAttribute('aria-busy', 'true');
    await new Promise((done) => setTimeout(done, SETTLE_MS));
    if (mine !== generation) return;
  }
  shown = { response, count: 0, withPassages: Boolean(term) };
  const n = response.results.length;
  if (!(await showMore(mine, true))) return;
  await Promise.all(FACETS.filter((f) => current.filters[f]!.length).map(loadNames));
  if (mine !== generation) return;
  list.removeAttribute('aria-busy');
  status.textContent = describe(n);
  showHelp(n === 0);
  if (!settle) await counts();
}

/** Shows the next page of results; `fresh` replaces the list. False when a newer search took over. */
async function showMore(mine = generation, fresh = false): Promise<boolean> {
  if (!shown) return true;
  const { response, count, withPassages } = shown;
  const next = response.results.slice(count, count + (fresh ? FIRST_PAGE : PAGE_SIZE));
  const data = await Promise.all(next.map((r) => r.data()));
  if (mine !== generation) return false;
  const items = data.map((d) => h('li', {}, resultArticle(d, { withPassages })));
  if (fresh) list.replaceChildren(...items);
  else list.append(...items);
  shown.count = count + next.length;
  moreButton.hidden = shown.count >= response.results.length;
  return true;
}

// ——— State ⇄ controls ⇄ address ———

function showState() {
  if (input.value.trim() !== state.q) input.value = state.q;
  sortSelect.value = state.sort;
  document.title = state.q ? `“${state.q}” · ${siteTitle}` : siteTitle;
}

/** Changes the state, records it in the address (a new entry or replacing the current) and searches. */
function update(next: SearchState, history: 'push' | 'replace', settle = false) {
  const search = writeState(next);
  state = next;
  if (search !== location.search) {
    const url = `${location.pathname}${search}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
  showState();
  void run({ settle });
}

const withFacet = (facet: Facet, value: string, on: boolean): SearchState => {
  const values = state.filters[facet]!.filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [facet]: on ? [...values, value] : values } };
};

// Counts follow each keystroke (Pagefind answers in a few milliseconds once its index chunks are in,
// and a newer search makes an older one stop, see run()); results wait for the reader to settle.
input.addEventListener('input', () => {
  const q = input.value.trim();
  if (q === state.q) return;
  update({ ...state, q }, typing ? 'replace' : 'push', true);
  typing = true;
});
input.addEventListener('blur', () => (typing = false));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  typing = false;
  update({ ...state, q: input.value.trim() }, 'push');
});
sortSelect.addEventListener('change', () => {
  typing = false;
  update({ ...state, sort: sortSelect.value as Sort }, 'push');
});
facetsList.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  if (box.type !== 'checkbox') return;
  typing = false;
  update(withFacet(box.name as Facet, box.value, box.checked), 'push');
});
clearButton.addEventListener('click', () => {
  typing = false;
  update({ ...state, filters: readState(new URLSearchParams(), FACETS).filters }, 'push');
  input.focus();
});
// More results load by themselves when the button comes into view (it stays for keyboard users).
let more: Promise<boolean> | undefined;
const loadMore = () => (more ??= showMore().finally(() => {
  more = undefined;
  // Observing again reports the button's place now: still in view loads the next page.
  io.unobserve(moreButton);
  io.observe(moreButton);
}));
const io = new IntersectionObserver((entries) => {
  if (entries.some((e) => e.isIntersecting) && !moreButton.hidden && shown) void loadMore();
}, { rootMargin: '0px 0px 200px 0px' });
io.observe(moreButton);
moreButton.addEventListener('click', () => {
  const first = shown?.count ?? 0;
  void loadMore().then(() => (list.children[first]?.querySelector('a') as HTMLElement | null)?.focus());
});
window.addEventListener('popstate', () => {
  typing = false;
  state = readState(new URLSearchParams(location.search), FACETS);
  showState();
  void run();
});

// ——— Start ———

async function start() {
  app.querySelector<HTMLElement>('[data-search-ui]')!.hidden = false;
  facetsBox.open = matchMedia('(min-width: 56rem)').matches || hasFilters(state);
  showState();
  if (isEmpty(state)) {
    // Nothing to search for yet: the index (about 100 KB, and a task of tens of ms on this thread)
    // loads when the reader heads for the field or a filter, and counts come with the first search.
    buildFacets(false);
    status.textContent = 'Type a word, or pick a filter to list the pages that match it.';
    input.addEventListener('focus', () => void ensurePagefind(), { once: true });
    app.dataset.ready = '';
    return;
  }
  buildFacets(true);
  status.textContent = 'Loading the search index…';
  await run();
  if (pagefind) app.dataset.ready = '';
}

void start();
