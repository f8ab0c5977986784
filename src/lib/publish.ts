/**
 * Publishing a staged site without ever damaging the one already there, and the build lock.
 *
 * `npm run build` writes the new site into `<out>.partial` and, only once it is complete (pages and
 * search index), swaps it in by renames alone: the old `<out>` is renamed aside to
 * `<out>.old-<pid>`, the new one renamed in, then the old one removed. A failure before the
 * second rename leaves `<out>` as it was, byte for byte (the rename is undone); a failure while
 * removing the old copy only leaves `<out>.old-<pid>` behind. Whatever a killed build leaves
 * (`<out>.partial`, `<out>.partial.search-part-N`, `<out>.old-<pid>`) the next build removes
 * (or, when `<out>` itself is missing because the kill fell between the two renames, renames
 * back). Git ignores all of them (.gitignore).
 *
 * The file system comes in as an argument, so tests can make any step fail.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What publishing needs of `node:fs`; tests pass one whose calls fail on demand. */
export interface PublishFs {
  existsSync(path: string): boolean;
  readdirSync(path: string): string[];
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
}

/** Where the build stages the site next to `out`. */
export const stagedDir = (out: string) => `${out}.partial`;

const leftoverPattern = (out: string) => new RegExp(`^${basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(partial(\\.search-part-\\d+)?|old-(\\d+))$`);

/** The leftovers of earlier builds next to `out`, as paths; `old` are previous sites set aside. */
export function leftovers(out: string, fs: PublishFs = nodeFs): { path: string; old: boolean }[] {
  const parent = dirname(out);
  if (!fs.existsSync(parent)) return [];
  const pattern = leftoverPattern(out);
  return fs.readdirSync(parent).sort().flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [{ path: join(parent, name), old: match[3] !== undefined }] : [];
  });
}

/**
 * Removes what killed builds left next to `out`. Call it holding the lock (`lockBuild`), so no
 * running build's staging is removed. When `out` is missing but a previous site was set aside (a
 * build killed between the two renames), that site is renamed back first. Returns what it did,
 * one line each, for the build log.
 */
export function cleanLeftovers(out: string, fs: PublishFs = nodeFs): string[] {
  const done: string[] = [];
  const found = leftovers(out, fs);
  const setAside = found.filter((l) => l.old);
  if (!fs.existsSync(out) && setAside.length) {
    const last = setAside.at(-1)!;
    fs.renameSync(last.path, out);
    done.push(`restored ${out}/ from ${last.path}/, left by a build that was stopped while publishing`);
    found.splice(found.indexOf(last), 1);
  }
  for (const { path } of found) {
    fs.rmSync(path, { recursive: true, force: true });
    done.push(`removed ${path}/, left by an earlier build that was stopped`);
  }
  return done;
}

/**
 * Replaces `out` with the complete site in `staged`, by renames only (see the top of this file).
 * Throws when the site could not be published, after putting the old one back; returns a warning
 * when the new site is published but the old copy could not be removed.
 */
export function publish(staged: string, out: string, fs: PublishFs = nodeFs, pid = process.pid): string | undefined {
  const aside = `${out}.old-${pid}`;
  const failed = (step: string, error: unknown) =>
    new Error(`${out}: publish: expected to ${step}, found ${(error as Error).message}; nothing was published, the previous ${out}/ is left as it was`);
  const hadOld = fs.existsSync(out);
  if (hadOld) {
    try {
      fs.renameSync(out, aside);
    } catch (error) {
      throw failed(`set ${out}/ aside as ${aside}/`, error);
    }
  }
  try {
    fs.renameSync(staged, out);
  } catch (error) {
    if (hadOld) {
      try {
        fs.renameSync(aside, out);
      } catch (undo) {
        throw new Error(`${out}: publish: expected to rename ${staged}/ to ${out}/, found ${(error as Error).message}, and putting the previous site back failed too (${(undo as Error).message}); the previous site is in ${aside}/ (the next build renames it back)`);
      }
    }
    throw failed(`rename ${staged}/ to ${out}/`, error);
  }
  if (!hadOld) return undefined;
  try {
    fs.rmSync(aside, { recursive: true, force: true });
  } catch (error) {
    return `The new site is in ${out}/, but the previous one could not be removed from ${aside}/ (${(error as Error).message}); the next build removes it.`;
  }
  return undefined;
}

/** The lock file of builds of `out`. */
export const lockFile = (out: string) => `${out}.build-lock`;

/** Whether process `pid` is running (EPERM: running, as another user). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of builds of `out`: a file created exclusively, holding this process's id, and
 * removed when the process exits. A lock whose process is gone (a killed build) is taken over.
 * Throws our message when another build of `out` is running, before anything is touched.
 */
export function lockBuild(out: string, pid = process.pid): () => void {
  const file = lockFile(out);
  nodeFs.mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      nodeFs.writeFileSync(file, `${pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = nodeFs.existsSync(file) ? nodeFs.readFileSync(file, 'utf8') : '';
      const holder = Number.parseInt(text, 10);
      if ((holder > 0 && holder !== pid && running(holder)) || attempt === 3) {
        throw new Error(`${file}: build: expected no other build of ${out}/ running, found one (process ${holder}); wait for it to finish and build again, or delete ${file} if no build is running`);
      }
      // Its build is gone (killed): take the lock over. Two builds taking over at once race on
      // the exclusive create above; the loser sees the winner's id and stops (a loser that
      // removes the winner's fresh lock needs both to start within the same millisecond).
      nodeFs.rmSync(file, { force: true });
    }
  }
  const release = () => {
    try {
      if (nodeFs.readFileSync(file, 'utf8') === `${pid}\n`) nodeFs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return release;
}
