/**
 * Search in headless Chromium: ms from the last keystroke to the first result shown, and the bytes
 * the browser received, counted as a compressing server would send them. The same measure drives
 * our /search/ page and Starlight's search dialog, each described by a `SearchUi`.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serve } from '../lib/serve.ts';
import { chromiumArgs } from '../lib/machine.ts';
import { median } from './numbers.ts';

/** Where a site's search is and how a reader reaches it. */
export interface SearchUi {
  /** The page, relative to the site's root, e.g. "search/". */
  path: string;
  /** What a reader does before typing (focusing our field loads the index; Starlight opens a dialog). */
  open: string;
  /** The field typed into, and one shown result. */
  input: string;
  result: string;
}

export const oursUi: SearchUi = { path: 'search/', open: '#search-q', input: '#search-q', result: '#search-results > li' };
/** Starlight 0.42's stock search: a button opens a dialog holding Pagefind's UI. */
export const starlightUi: SearchUi = { path: '', open: 'button[data-open-modal]', input: '.pagefind-ui__search-input', result: '.pagefind-ui__result' };

export interface SearchTiming {
  ms: number;
  all: number[];
  loadBytes: number;
  searchBytes: number;
  results: number;
  /** With `again`: the second search, in the same page once the first has loaded the index, from its Enter to its first result. */
  again?: { ms: number; all: number[] };
}

/**
 * Counts the bytes of every response of `context` (a worker's too): text gzipped, Pagefind's own
 * (already gzipped) files and images as they are; and whether the network is quiet.
 */
function traffic(context: BrowserContext) {
  const state = { bytes: 0, inFlight: 0, lastDone: performance.now() };
  context.on('request', () => (state.inFlight += 1));
  context.on('requestfailed', () => {
    state.inFlight -= 1;
    state.lastDone = performance.now();
  });
  context.on('requestfinished', (request) => {
    state.inFlight -= 1;
    state.lastDone = performance.now();
    void request.response().then(async (response) => {
      const body = await response?.body().catch(() => undefined);
      if (!body) return;
      const type = response!.headers()['content-type'] ?? '';
      state.bytes += /text|javascript|json|xml|svg/.test(type) ? gzipSync(body).length : body.length;
    });
  });
  return state;
}

/**
 * One cold search: a new context, the page loaded, the search opened, `word` typed once the network is
 * quiet. `submit` presses Enter after the word, as a reader who does not wait does (our page then
 * fetches results at once instead of after its settle delay); the time runs from that last key.
 */
async function searchOnce(page: Page, url: string, ui: SearchUi, word: string, state: ReturnType<typeof traffic>, submit = false, again?: string): Promise<{ ms: number; results: number; loadBytes: number; searchBytes: number; again?: number }> {
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(200);
  const loadBytes = state.bytes;
  // The budget is for results "once loaded": typing starts when the network has been quiet for 0.5 s.
  await page.click(ui.open);
  await quiet(page, state);
  await page.evaluate(({ input, result }) => {
    const w = window as unknown as { __key: number; __done: number };
    document.querySelector(input)!.addEventListener('keydown', () => ((w.__key = performance.now()), (w.__done = 0)));
    new MutationObserver(() => {
      if (!w.__done && document.querySelector(result)) w.__done = performance.now();
    }).observe(document.body, { childList: true, subtree: true });
  }, ui);
  const shown = await typeAndTime(page, ui, word, submit);
  const searchBytes = state.bytes - loadBytes;
  if (!again) return { ...shown, loadBytes, searchBytes };
  // The same reader's next search: the field emptied (the list with it), the network quiet, a new word and Enter.
  await page.fill(ui.input, '');
  await page.waitForFunction((result) => !document.querySelector(result), ui.result, { timeout: 20000 });
  await quiet(page, state);
  const second = await typeAndTime(page, ui, again, true);
  return { ...shown, loadBytes, searchBytes, again: second.ms };
}

/** Waits until no request is in flight and none has finished for 0.5 s. */
async function quiet(page: Page, state: ReturnType<typeof traffic>) {
  while (state.inFlight > 0 || performance.now() - state.lastDone < 500) await page.waitForTimeout(50);
}

/** Types `word` (then Enter when `submit`), waits for the first result, and says how long it took from the last key. */
async function typeAndTime(page: Page, ui: SearchUi, word: string, submit: boolean) {
  await page.keyboard.type(word, { delay: 60 });
  if (submit) await page.keyboard.press('Enter');
  await page.waitForFunction(() => {
    const w = window as unknown as { __key: number; __done: number };
    return w.__done > w.__key;
  }, undefined, { timeout: 20000, polling: 'raf' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return page.evaluate(({ result }) => {
    const w = window as unknown as { __key: number; __done: number };
    return { ms: w.__done - w.__key, results: document.querySelectorAll(result).length };
  }, ui);
}

/** Searches `word` on the site in `dist` `reps` times, each in a cold context; medians. */
export async function measureSearch(dist: string, word: string, ui: SearchUi, chromiumPath: string, reps = 3): Promise<SearchTiming> {
  const served = await serve(dist);
  try {
    return await measureSearchAt(served.url, word, ui, chromiumPath, { reps });
  } finally {
    await served.close();
  }
}

/** The same measure on a site already served at `url` (a hub whose other sites are served beside it). */
export async function measureSearchAt(url: string, word: string, ui: SearchUi, chromiumPath: string, { reps = 3, submit = false, again }: { reps?: number; submit?: boolean; again?: string } = {}): Promise<SearchTiming> {
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const runs: Awaited<ReturnType<typeof searchOnce>>[] = [];
  try {
    for (let i = 0; i < reps; i++) {
      const context = await browser.newContext();
      const state = traffic(context);
      runs.push(await searchOnce(await context.newPage(), url + ui.path, ui, word, state, submit, again));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return {
    ms: median(runs.map((r) => r.ms)),
    all: runs.map((r) => Math.round(r.ms)),
    loadBytes: median(runs.map((r) => r.loadBytes)),
    searchBytes: median(runs.map((r) => r.searchBytes)),
    results: runs[0]?.results ?? 0,
    ...(again && { again: { ms: median(runs.map((r) => r.again!)), all: runs.map((r) => Math.round(r.again!)) } }),
  };
}
