/**
 * Everything the bench is told, read once at start-up: its flags (through the project's
 * command-line helper) and where Chromium and the anchors are (environment, else found; see
 * scripts/lib/machine.ts).
 */
import { commandLine } from '../../src/lib/command-line.ts';
import { anchorsDir, chromiumPath } from '../lib/machine.ts';

export interface BenchConfig {
  /** The arguments as given, for the results' first line. */
  argv: string[];
  sizes: number[];
  seed: number;
  starlight: boolean;
  /** Also build three sites of each size and search them from one hub. */
  federated: boolean;
  /** Our own size section too (false with `--only starlight|federated`). */
  size: boolean;
  outFile: string;
  /** Chromium for the search measure; undefined when none was found (the search rows say so). */
  chromium: string | undefined;
  /** The anchors folder (its starlight/ site), for --starlight. */
  anchors: string;
}

const usage = `Usage: npm run bench [-- --sizes 100,1000] [--starlight] [--federated] [--only starlight|federated] [--out bench/results.md] [--seed 1]

Builds synthetic corpora of each size, cold and rebuilt, and measures build time, memory, page
weights, the search index and search in a browser; writes the numbers to --out (Markdown).

  --sizes <n,n…>   corpus sizes (default 100,1000; 5000 only when asked)
  --starlight      also build the stock Starlight anchor side by side at each size, A B A B, both
                   from the same page texts, and search both for the same word
  --federated      also build three sites of each size, serve two with CORS, and search all three
                   from the third (a hub merging their indexes) against one site alone
  --only <part>    run only that part (starlight or federated), not our own size section
  --out <file>     where the results go (default bench/results.md)
  --seed <n>       corpus seed (default 1)

Environment: CHROMIUM (the browser; default Debian's chromium, else chromium on PATH), ANCHORS_DIR
(the anchors; default ../shared/anchors beside this repository).`;

export function readConfig(argv = process.argv.slice(2), env = process.env): BenchConfig {
  const { values, usageError } = commandLine({
    command: 'npm run bench',
    options: { sizes: { type: 'string' }, starlight: { type: 'boolean' }, federated: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } },
    usage,
  }, argv);
  const sizes = (values.sizes ?? '100,1000').split(',').map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0)) usageError('--sizes', `expected whole numbers above 0 separated by commas, found "${values.sizes}"`);
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(seed)) usageError('--seed', `expected a whole number, found "${values.seed}"`);
  const only = values.only;
  if (only !== undefined && only !== 'starlight' && only !== 'federated') usageError('--only', `expected starlight or federated, found "${only}"`);
  return {
    argv,
    sizes,
    seed,
    starlight: values.starlight === true || only === 'starlight',
    federated: values.federated === true || only === 'federated',
    size: only === undefined,
    outFile: values.out ?? 'bench/results.md',
    chromium: chromiumPath(env),
    anchors: anchorsDir(env),
  };
}
