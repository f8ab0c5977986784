/**
 * Where content lives. `CONTENT_DIR` (default `content`, read in src/config.ts) points a build,
 * a check or a test at another corpus, e.g. the fixture corpus under tests/. Paths are relative to
 * the project root, as people see them in error messages.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Problem } from './lib/problems.ts';
import { readText } from './lib/source-text.ts';
import { config } from './config.ts';
import { KINDS, type KindName } from './site/kinds.ts';

export const contentDir = config.contentDir;

/** The files and folders of a content folder, one per kind (src/site/kinds.ts). */
export const contentPathsFor = (dir: string) =>
  Object.fromEntries(Object.entries(KINDS).map(([kind, { path }]) => [kind, join(dir, path)])) as Record<KindName, string>;

export const contentPaths = contentPathsFor(contentDir);

/**
 * Editor and OS litter, never content: skipped wherever a content folder is walked (content/README.md
 * says so). Dot-files (.DS_Store, an editor's lock `.#x.mdx`, Vim's `.x.mdx.swp`), backups and
 * temporary files (`x~`, `.swp`, `.swo`, `.bak`, `.tmp`, Emacs' `#x#`), Windows' Thumbs.db and desktop.ini.
 */
export const isLitter = (name: string) =>
  name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || /\.(?:swp|swo|bak|tmp)$/i.test(name) || /^(?:thumbs\.db|desktop\.ini)$/i.test(name);

const problemAt = (file: string, message: string): Problem => ({ file, line: 1, field: '(file)', message });

/** A file-system error met while reading content (EACCES, EISDIR, a vanished file, a loop), in our words. */
export function fileProblem(file: string, error: unknown): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  const isLink = (() => {
    try {
      return lstatSync(file).isSymbolicLink();
    } catch {
      return false;
    }
  })();
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    if (!isLink) return { file, field: '(file)', message: 'expected the file, found nothing there' };
    return problemAt(file, 'expected a file, found a link to nothing (its target does not exist); remove the link, or copy the file in');
  }
  if (code === 'ELOOP') return problemAt(file, 'expected a file, found a link that leads back to itself (a loop of links); remove the link');
  if (code === 'EACCES' || code === 'EPERM') return problemAt(file, 'expected a file we may read, found one we may not (permission denied); make it readable');
  if (code === 'EISDIR') return problemAt(file, 'expected a file, found a folder');
  return problemAt(file, `expected a readable file, found the error ${code ?? String(error)}`);
}

const realRoots = new Map<string, string>();
/** True when the relative path `rel` leads out of the folder it is relative to. */
const leaves = (rel: string) => rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);

/**
 * Why `path` may not be read as content of the folder `root`, or undefined when it may: it is (or
 * leads through a link to) something outside `root`, a link to nothing, a loop, or not a file.
 * Nothing of a file is read, and so nothing of it can be quoted, before this has said yes.
 */
export function refusal(path: string, root: string): Problem | undefined {
  try {
    const real = realpathSync.native(path);
    if (!realRoots.has(root)) realRoots.set(root, realpathSync.native(root));
    const inside = relative(realRoots.get(root)!, real);
    const stats = statSync(real);
    const kind = stats.isDirectory() ? 'folder' : 'file';
    if (leaves(inside)) {
      return problemAt(path, `expected a ${kind} inside ${root.replace(/\/+$/, '')}/, found a link to a ${kind} outside it; copy the ${kind} in instead`);
    }
    if (!stats.isFile() && !stats.isDirectory()) return problemAt(path, 'expected a file, found a device, pipe or socket; remove it');
    return undefined;
  } catch (error) {
    return fileProblem(path, error);
  }
}

/**
 * Every file under `dir` (a reports or sources folder, with its sub-folders), sorted; none when it
 * is missing. Litter is skipped; what cannot be read as content of `root` (by default the folder
 * holding `dir`) is left out and said in `problems`, never thrown.
 */
export function filesUnder(dir: string, problems: Problem[] = [], root = dirname(dir)): string[] {
  if (!existsSync(dir)) return [];
  const refused = refusal(dir, root);
  if (refused) return (problems.push(refused), []);
  const top = realpathSync.native(dir);
  const seen = new Set<string>();
  /** The files of `path`, an entry of a folder being walked (a file, a folder, a link to either). */
  const walk = (path: string, entry?: Dirent): string[] => {
    if (entry?.isFile()) return [path];
    if (entry && !entry.isDirectory()) {
      const why = refusal(path, root);
      if (why) return (problems.push(why), []);
      if (!statSync(path).isDirectory()) return [path];
      // A link to a folder already walked, or to one holding the walk's folder, would walk forever.
      const target = realpathSync.native(path);
      if (seen.has(target) || !leaves(relative(target, top))) {
        return (problems.push(problemAt(path, 'expected a folder, found a link to a folder it is in (a loop); remove the link')), []);
      }
    }
    seen.add(realpathSync.native(path));
    const entries = readdirSync(path, { withFileTypes: true }).filter((e) => !isLitter(e.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
    return entries.flatMap((e) => {
      try {
        return walk(join(path, e.name), e);
      } catch (error) {
        // Gone, or made unreadable, while the folder was walked.
        return (problems.push(fileProblem(join(path, e.name), error)), []);
      }
    });
  };
  try {
    return walk(dir);
  } catch (error) {
    return (problems.push(fileProblem(dir, error)), []);
  }
}

/** The report files (`.mdx`) under a reports folder; see `filesUnder`. */
export const reportFilesUnder = (dir: string, problems?: Problem[]) => filesUnder(dir, problems).filter((file) => file.endsWith('.mdx'));

/**
 * The text of a content file of the folder `root` (line endings and BOM normalized, see
 * src/lib/line-endings.ts), or the problems: not a file inside `root`, unreadable, not UTF-8, too large.
 */
export function readContent(file: string, root: string): { text?: string; problems: Problem[] } {
  const refused = refusal(file, root);
  if (refused) return { problems: [refused] };
  try {
    return readText(readFileSync(file), file);
  } catch (error) {
    return { problems: [fileProblem(file, error)] };
  }
}

/** The path the site is served under, "/" or e.g. "/kb/" (SITE_BASE, see README). */
export const siteBase = config.siteBase;

/**
 * Astro's cache folder (data store, incremental build) for a content folder and base: one per
 * corpus and base, so builds of the fixture corpus, of /kb/ and of the real content never reuse
 * each other's data. A folder's caches all start with `astroCacheDir(folder, '')`.
 */
export const astroCacheDir = (dir: string, base: string) =>
  join('node_modules', '.astro', `${resolve(dir)}${base}`.replace(/[^a-z0-9]+/gi, '-'));

/**
 * Where "Edit this page" links go (README, "Edit links"): REPO_URL (GitHub or GitLab) and
 * REPO_BRANCH, or an EDIT_URL template for any host. Unset: no links. src/lib/edit-url.ts reads them.
 */
export const repoSettings = config.repo;
