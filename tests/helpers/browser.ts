/**
 * Headless Chromium (found by scripts/lib/machine.ts: $CHROMIUM, Debian's, or on PATH) through
 * playwright-core, for the browser tests.
 * `watch(page, origin)` records what should never happen on our pages: console errors, uncaught
 * exceptions, failed requests, HTTP errors and requests to any other origin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/machine.ts';
import { serve, type Served } from './serve.ts';

export const CHROMIUM = chromiumPath() ?? 'chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs,
  });
}

export interface Watched {
  page: Page;
  /** Everything that went wrong, one line each, e.g. "console error: …", "404 http://…". */
  problems: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

/** Starts recording problems and requests of `page`; `origin` is the only origin allowed. */
export function watch(page: Page, origin: string): Watched {
  const watched: Watched = { page, problems: [], requests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => watched.problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    watched.requests.push(request.url());
    if (!request.url().startsWith(`${origin}/`) && !request.url().startsWith('data:')) {
      watched.problems.push(`third-party request: ${request.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    // A request the browser cancels because the page moved on (e.g. the favicon when a test follows
    // a link at once) is no fault of the site; a load that fails is.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    watched.problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) watched.problems.push(`${response.status()} ${response.url()}`);
  });
  return watched;
}

/** A new page in its own context (light scheme, 1280 × 800 unless told otherwise), watched. */
export async function open(browser: Browser, origin: string, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  return watch(page, origin);
}

/**
 * For a test file: serves `dir` under `base` and launches Chromium before its tests, closes both
 * after. Read `.site` and `.browser` inside tests (they are set once `before` has run).
 */
export function servedInChromium(dir: string, base: string): { site: Served; browser: Browser } {
  const fixture = {} as { site: Served; browser: Browser };
  before(async () => {
    fixture.site = await serve(dir, base);
    fixture.browser = await launch();
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.site?.close();
  });
  return fixture;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What axe-core finds on `page` as it is now against WCAG 2.0/2.1 A and AA: "rule: up to 3 targets" each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}
