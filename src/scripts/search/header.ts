/**
 * The header search, loaded on demand by the layout's inline script at the first keystroke in the
 * header field (`form[data-search]`). Shows the best matches in a panel under the field:
 * ↓/↑ move through the links (Tab works too), Escape closes the panel and returns to the field,
 * a second Escape leaves the field. Enter still submits the form to the search page.
 * Styles come with the module (as a constructed stylesheet, which needs no CSP allowance).
 */
import css from '../../styles/search.css?inline';
import { loadPagefind } from './pagefind.ts';
import { h, resultHit } from './render.ts';

const MAX_HITS = 6;

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const field = form?.elements.namedItem('q');
if (form && field instanceof HTMLInputElement) wire(form, field);

function wire(form: HTMLFormElement, input: HTMLInputElement) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const announce = h('p', { class: 'visually-hidden', role: 'status' });
  const summary = h('p', { class: 'popover-summary' });
  const hits = h('ul', { class: 'hits' });
  const action = form.getAttribute('action') ?? '';
  const all = h('a', { class: 'popover-all', href: action });
  const panel = h('div', { id: 'site-search-panel', class: 'search-popover', role: 'region', 'aria-label': 'Search results' }, summary, hits, all);
  panel.hidden = true;
  form.append(announce, panel);
  input.setAttribute('aria-controls', panel.id);
  input.setAttribute('aria-expanded', 'false');

  let returnTo: HTMLElement | null = null;
  let generation = 0;

  const open = () => {
    if (!hits.childElementCount && !summary.textContent) return;
    panel.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const close = () => {
    panel.hidden = true;
    input.setAttribute('aria-expanded', 'false');
  };
  const links = () => [...panel.querySelectorAll<HTMLAnchorElement>('a[href]')];

  async function search() {
    const mine = ++generation;
    const q = input.value.trim();
    if (!q) {
      close();
      hits.replaceChildren();
      summary.textContent = announce.textContent = '';
      return;
    }
    const { pagefind } = await loadPagefind();
    const response = await pagefind.debouncedSearch(q, {}, 120);
    if (!response || mine !== generation) return;
    const data = await Promise.all(response.results.slice(0, MAX_HITS).map((r) => r.data()));
    if (mine !== generation) return;
    const n = response.results.length;
    // A reader already in the results keeps their place when they refresh: the same link, else the field.
    const active = document.activeElement;
    const place = active instanceof HTMLAnchorElement && hits.contains(active) ? active.getAttribute('href') : null;
    hits.replaceChildren(...data.map(resultHit));
    if (place !== null) (links().find((a) => hits.contains(a) && a.getAttribute('href') === place) ?? input).focus();
    summary.textContent = n ? '' : `No results for “${q}”.`;
    summary.hidden = n > 0;
    all.textContent = n > MAX_HITS ? `All ${n} results for “${q}” →` : `Search page for “${q}”, with filters →`;
    all.setAttribute('href', `${action}?${new URLSearchParams({ q })}`);
    announce.textContent = n === 1 ? '1 result' : `${n} results`;
    if (document.activeElement === input || form.contains(document.activeElement)) open();
  }

  input.addEventListener('input', () => void search());
  input.addEventListener('focus', (event) => {
    const from = event.relatedTarget;
    if (from instanceof Node && form.contains(from)) return; // back from the panel (e.g. Escape)
    returnTo = from instanceof HTMLElement ? from : null;
    if (input.value.trim()) open();
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !panel.hidden) {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (!panel.hidden) return close();
      input.blur();
      returnTo?.focus();
    }
  });
  panel.addEventListener('keydown', (event) => {
    const list = links();
    const at = list.indexOf(document.activeElement as HTMLAnchorElement);
    const move: Record<string, number | undefined> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: list.length - 1 };
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
      input.focus();
    } else if (move[event.key] !== undefined) {
      event.preventDefault();
      const target = move[event.key]!;
      if (target < 0) input.focus();
      else list[Math.min(target, list.length - 1)]?.focus();
    }
  });
  form.addEventListener('focusout', (event) => {
    const to = event.relatedTarget;
    if (to instanceof Node && !form.contains(to)) close();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!form.contains(event.target as Node)) close();
  });

  void search();
}
