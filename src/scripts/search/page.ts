/**
 * The search page (`/search/`). The address holds the state (see state.ts): opening a link shows
 * its results, typing and ticking facets update the address, Back and Forward restore earlier states.
 * Facet ids are shown with the display names the page embeds as JSON (from the catalog).
 */
import { loadPagefind, type FilterCounts, type Pagefind, type SearchResponse } from './pagefind.ts';
import { resultArticle, h } from './render.ts';
import { FACETS, type Facet, type SearchState, type Sort, hasFilters, isEmpty, readState, searchOptions, writeState } from './state.ts';

const PAGE_SIZE = 20;
/** Facets with more values than this show the most used ones and a "Show all" button. */
const SHORT_LIST = 8;
const LABELS: Record<Facet, string> = { year: 'Year', event: 'Event', topic: 'Topic', tool: 'Tool', talk: 'Talk', speaker: 'Speaker', author: 'Author', city: 'City' };

const $ = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`search page: #${id} is missing`);
  return el as T;
};

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
const names = JSON.parse($('search-facet-names').textContent ?? '{}') as Record<Facet, Record<string, string>>;
const siteTitle = document.title;

const nameOf = (facet: Facet, id: string) => names[facet]?.[id] ?? id;

let pagefind: Pagefind | undefined;
let totals: FilterCounts = {};
let state: SearchState = readState(new URLSearchParams(location.search));
/** While someone types, the first change adds a history entry and the next ones replace it. */
let typing = false;
let generation = 0;
let shown: { response: SearchResponse; count: number; withPassages: boolean } | undefined;

// ——— Facet controls: built once from the whole index, counts refreshed after every search ———

const boxes = new Map<string, HTMLInputElement>();
const counts = new Map<string, HTMLElement>();
const key = (facet: Facet, value: string) => `${facet}\u0000${value}`;

function buildFacets() {
  facetsList.replaceChildren();
  for (const facet of FACETS) {
    const values = Object.keys({ ...totals[facet] });
    for (const v of state.filters[facet]) if (!values.includes(v)) values.push(v);
    if (!values.length) continue;
    values.sort((a, b) =>
      facet === 'year'
        ? b.localeCompare(a)
        : (totals[facet]?.[b] ?? 0) - (totals[facet]?.[a] ?? 0) || nameOf(facet, a).localeCompare(nameOf(facet, b)),
    );
    const items = values.map((value, i) => {
      const box = h('input', { type: 'checkbox', name: facet, value });
      const count = h('span', { class: 'count' });
      boxes.set(key(facet, value), box);
      counts.set(key(facet, value), count);
      return h('li', i >= SHORT_LIST ? { 'data-extra': '' } : {}, h('label', {}, box, ' ', nameOf(facet, value), ' ', count));
    });
    const group = h('fieldset', { class: 'facet', 'data-facet': facet }, h('legend', {}, LABELS[facet]), h('ul', {}, ...items));
    if (values.length > SHORT_LIST) {
      const toggle = h('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, `Show all ${values.length}`);
      toggle.addEventListener('click', () => {
        const open = toggle.getAttribute('aria-expanded') !== 'true';
        toggle.setAttribute('aria-expanded', String(open));
        toggle.textContent = open ? 'Show fewer' : `Show all ${values.length}`;
        group.classList.toggle('show-all', open);
      });
      group.append(toggle);
    }
    facetsList.append(group);
  }
}

function showCounts(byFacet: Partial<Record<Facet, Record<string, number>>>) {
  for (const [k, box] of boxes) {
    const facet = box.name as Facet;
    const n = byFacet[facet]?.[box.value] ?? 0;
    box.checked = state.filters[facet].includes(box.value);
    counts.get(k)!.textContent = `(${n})`;
    // Values that would give no results are hidden, unless ticked.
    box.closest('li')!.hidden = n === 0 && !box.checked;
  }
  for (const group of facetsList.querySelectorAll<HTMLElement>('fieldset')) {
    group.hidden = !group.querySelector('li:not([hidden])');
  }
  clearButton.hidden = !hasFilters(state);
}

// ——— Searching ———

function describe(count: number): string {
  const parts = FACETS.flatMap((f) => state.filters[f].map((v) => nameOf(f, v)));
  const what = count === 1 ? '1 result' : `${count} results`;
  const q = state.q ? ` for “${state.q}”` : '';
  return `${what}${q}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

async function run() {
  if (!pagefind) return; // start() runs the search once the index is loaded
  const mine = ++generation;
  const current = state;
  if (isEmpty(current)) {
    showCounts(totals);
    list.replaceChildren();
    moreButton.hidden = true;
    status.textContent = 'Type a word, or pick a filter to list the reports that match it.';
    shown = undefined;
    return;
  }
  const term = current.q || null;
  const pf = pagefind;
  const response = await pf.search(term, searchOptions(current));
  // Each ticked facet counts values as if it were not ticked, so its other values stay visible.
  const byFacet: Partial<Record<Facet, Record<string, number>>> = { ...response.filters };
  await Promise.all(
    FACETS.filter((f) => current.filters[f].length).map(async (f) => {
      byFacet[f] = !term && !hasFilters(current, f) ? totals[f] : (await pf.search(term, searchOptions(current, f))).filters[f];
    }),
  );
  if (mine !== generation) return;
  showCounts(byFacet);
  shown = { response, count: 0, withPassages: Boolean(term) };
  list.replaceChildren();
  await showMore(mine);
  if (mine !== generation) return;
  status.textContent = describe(response.results.length);
}

async function showMore(mine = generation) {
  if (!shown) return;
  const { response, count, withPassages } = shown;
  const next = response.results.slice(count, count + PAGE_SIZE);
  const data = await Promise.all(next.map((r) => r.data()));
  if (mine !== generation) return;
  list.append(...data.map((d) => h('li', {}, resultArticle(d, { withPassages }))));
  shown.count = count + next.length;
  moreButton.hidden = shown.count >= response.results.length;
}

// ——— State ⇄ controls ⇄ address ———

function showState() {
  if (input.value.trim() !== state.q) input.value = state.q;
  sortSelect.value = state.sort;
  document.title = state.q ? `“${state.q}” · ${siteTitle}` : siteTitle;
}

/** Changes the state, records it in the address (a new entry or replacing the current) and searches. */
function update(next: SearchState, history: 'push' | 'replace') {
  const search = writeState(next);
  state = next;
  if (search !== location.search) {
    const url = `${location.pathname}${search}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }
  showState();
  void run();
}

const withFacet = (facet: Facet, value: string, on: boolean): SearchState => {
  const values = state.filters[facet].filter((v) => v !== value);
  return { ...state, filters: { ...state.filters, [facet]: on ? [...values, value] : values } };
};

let debounce: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(debounce);
  debounce = setTimeout(() => {
    const q = input.value.trim();
    if (q === state.q) return;
    update({ ...state, q }, typing ? 'replace' : 'push');
    typing = true;
  }, 250);
});
input.addEventListener('blur', () => (typing = false));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(debounce);
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
  update({ ...state, filters: readState(new URLSearchParams()).filters }, 'push');
  input.focus();
});
moreButton.addEventListener('click', () => {
  const first = shown?.count ?? 0;
  void showMore().then(() => list.children[first]?.querySelector('a')?.focus());
});
window.addEventListener('popstate', () => {
  clearTimeout(debounce);
  typing = false;
  state = readState(new URLSearchParams(location.search));
  showState();
  void run();
});

// ——— Start ———

async function start() {
  app.querySelector<HTMLElement>('[data-search-ui]')!.hidden = false;
  facetsBox.open = matchMedia('(min-width: 56rem)').matches || hasFilters(state);
  showState();
  status.textContent = 'Loading the search index…';
  try {
    const pf = await loadPagefind();
    totals = await pf.filters();
    pagefind = pf;
  } catch (error) {
    status.textContent = 'The search index could not be loaded. Try reloading the page, or browse the reports instead.';
    throw error;
  }
  buildFacets();
  await run();
  app.dataset.ready = '';
}

void start();
