/**
 * `npm run build`: checks all content (src/check/, the same check as `npm run check`), so bad
 * content stops the build with our messages and nothing else; builds into `<out>.partial` and only
 * once it is complete swaps it for `<out>` (default `dist`, or $OUT_DIR) by renames, so no failure
 * leaves a half-written or emptied site behind; one build of an `<out>` at a time
 * (src/lib/publish.ts). `--force` and `--silent` go on to `astro build`.
 *
 * When many report bodies are new or changed (a cold build), a child process first renders them
 * into the renderer's cache on every core. Then Astro starts, reading bodies from the cache, while
 * the check runs beside it in another child. Astro's output is held back until the check has
 * passed; if it fails, Astro is stopped and only the check's problems are printed. The search index
 * is written once Astro has exited, so Pagefind's memory never adds to Astro's (the peak matters at
 * thousands of reports, see bench/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../src/lib/problems.ts';

/**
 * Astro's heap limit, in MB. Left alone, Node lets the heap grow far past what is alive (5,000
 * synthetic reports, 38 MB of text: 1.42 GB resident, yet the build completes within an 800 MB
 * heap, i.e. 0.16 MB a report or 21 × the text), so a limit makes it collect sooner. The limit
 * grows with the corpus with half as much again to spare on both counts (0.25 MB a report,
 * 32 × the text, at least 1 GB), so a larger site never runs out.
 */
function astroHeapMb(reports: string[]): number {
  const bytes = reports.reduce((sum, file) => sum + statSync(file).size, 0);
  return Math.max(1024, Math.ceil(reports.length / 4), Math.ceil((32 * bytes) / 2 ** 20));
}

// Each process imports only what it runs: the build's own process stays small while Astro runs.
if (process.env.HALLWAY_BUILD_STEP === 'render') {
  await (await import('../src/check/index.ts')).warmReports();
} else if (process.env.HALLWAY_BUILD_STEP === 'check') {
  process.stdout.write(JSON.stringify((await import('../src/check/index.ts')).checkContent().problems));
} else {
  await build();
}

async function build() {
  const { commandLine } = await import('../src/lib/command-line.ts');
  const { astroLog } = await import('../src/lib/astro-log.ts');
  const { values } = commandLine({
    command: 'npm run build',
    options: { force: { type: 'boolean' }, silent: { type: 'boolean' }, routes: { type: 'boolean' } },
    usage: `Usage: npm run build [-- --force] [--silent] [--routes]

Checks all content (as npm run check does), then builds the site and its search index into
dist/ (OUT_DIR=<dir> for another folder), staged: a failed build leaves the previous one as it was.

  --force    render every page again (ignore Astro's incremental-build cache)
  --silent   leave out Astro's and the search index's progress (problems and errors still show)
  --routes   list every file Astro writes, one a line, "(cached)" when copied from the last build

CONTENT_DIR=<dir> builds another content folder; SITE_BASE=/kb/ and SITE_URL=https://… build for a
sub-path and a public origin (README, "Deploying under a sub-path").`,
  });
  const { formatProblems } = await import('../src/lib/problems.ts');
  const out = process.env.OUT_DIR ?? 'dist';
  const silent = values.silent === true;
  const { cleanLeftovers, lockBuild, publish, stagedDir } = await import('../src/lib/publish.ts');
  const partial = stagedDir(out);
  try {
    lockBuild(out);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  for (const line of cleanLeftovers(out)) console.log(line);
  const kept = () => (existsSync(out) ? `the previous ${out}/ is left as it was` : `no ${out}/ was written`);

  const started = performance.now();
  const took: string[] = [];
  let mark = started;
  /** Records how long the step that just ended took, for the last line. */
  const step = (name: string) => {
    const now = performance.now();
    took.push(`${name} ${((now - mark) / 1000).toFixed(1)} s`);
    mark = now;
  };

  const child = (name: string) => spawn(process.execPath, [import.meta.filename], {
    env: { ...process.env, HALLWAY_BUILD_STEP: name },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ended = (child: ChildProcess) => new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  // Many new or changed bodies (a cold build) are rendered first, on every core, by a process of
  // its own that ends (and gives back its workers' memory) before Astro starts, so no body is
  // rendered twice. A few (an edit) are rendered by the check and by Astro as they come to them.
  const { uncachedBodies, workerThreshold } = await import('../src/markdown/cache.ts');
  const { contentPaths, reportFilesUnder } = await import('../src/paths.ts');
  const reports = reportFilesUnder(contentPaths.reports);
  const uncached = uncachedBodies(reports);
  if (uncached === undefined || uncached >= workerThreshold) {
    const rendered = await ended(child('render'));
    if (rendered !== 0) process.exit(rendered);
  }
  const check = child('check');
  let checkOutput = '';
  check.stdout!.setEncoding('utf8').on('data', (text: string) => (checkOutput += text));
  const checked = ended(check);

  rmSync(partial, { recursive: true, force: true });
  const astroFlags = [...(values.force ? ['--force'] : []), ...(silent ? ['--silent'] : [])];
  const astro = spawn(process.execPath, [`--max-old-space-size=${astroHeapMb(reports)}`, join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...astroFlags], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The search index is written below, once Astro has exited and given its memory back. The
    // check runs beside Astro (above), so Astro does not run it again (src/integrations/content-check.ts).
    env: { ...process.env, OUT_DIR: partial, HALLWAY_SEARCH_INDEX: 'after-astro', HALLWAY_CHECK: 'elsewhere' },
  });
  const built = ended(astro);
  // Astro's output waits for the check's verdict: a failed check prints its problems alone.
  const held: [NodeJS.WriteStream, string][] = [];
  let holding = true;
  // Astro's list of every page it writes runs together (src/lib/astro-log.ts): one line instead.
  const log = astroLog({ routes: values.routes });
  for (const [from, to] of [[astro.stdout!, process.stdout], [astro.stderr!, process.stderr]] as const) {
    from.setEncoding('utf8').on('data', (chunk: string) => {
      const text = to === process.stdout ? log.push(chunk) : chunk;
      if (holding) held.push([to, text]);
      else to.write(text);
    });
  }

  const checkStatus = await checked;
  const problems = checkStatus === 0 ? (JSON.parse(checkOutput) as Problem[]) : [];
  if (checkStatus !== 0 || problems.length) {
    astro.kill();
    await built;
    rmSync(partial, { recursive: true, force: true });
    if (problems.length) console.error(`${formatProblems(problems)}\n\nBuild stopped before anything was built: ${kept()}. \`npm run check\` lists the heading ids; \`npm run check -- --fix\` writes tools, year, city and section ids.`);
    process.exit(checkStatus || 1);
  }
  step('check');
  holding = false;
  for (const [to, chunk] of held.splice(0)) to.write(chunk);
  const status = await built;
  process.stdout.write(log.end());
  step('Astro');
  const { indexSite } = await import('../src/integrations/search-index.ts');
  const indexed = status === 0 && (await indexSite(partial, silent ? () => {} : console.log).then(() => true, (error: Error) => {
    console.error(error.message);
    return false;
  }));
  if (!indexed) {
    rmSync(partial, { recursive: true, force: true });
    console.error(`\nBuild failed: ${kept()}.`);
    process.exit(status || 1);
  }
  step('search index');
  try {
    const warning = publish(partial, out);
    if (warning) console.warn(warning);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    console.error((error as Error).message);
    process.exit(1);
  }
  console.log(`Site written to ${out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${took.join(', ')}).`);
}
