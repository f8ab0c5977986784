/**
 * The git history of a content folder, read once per build by the query layer (src/data/index.ts):
 * when each file last changed (one `git log` for the whole folder, parsed by src/lib/history.ts)
 * and each file's path from the repository root, for its edit link.
 *
 * Nothing is invented: outside a repository, without git, or for a file not committed yet there is
 * no date; in a shallow clone only files changed within the fetched history have one.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { COMMIT_START, lastChanges } from '../lib/history.ts';

export interface ContentHistory {
  /** Whether the repository is a shallow clone (some files may then have no date). */
  shallow: boolean;
  /** A file's path from the repository root (`content/reports/x.mdx`); from the working folder outside a repository. */
  repoPath(file: string): string;
  /** The committer date (ISO 8601) of the last commit that changed `file`, if known. */
  updated(file: string): string | undefined;
}

// No pager, no prompts, paths taken literally. The log of thousands of files is many MB.
const gitArgs = (cwd: string, args: string[]) => ['-C', cwd, '--no-pager', '--literal-pathspecs', ...args];
const gitOptions = { encoding: 'utf8', maxBuffer: 2 ** 30, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } } as const;
const git = (cwd: string, args: string[]) => {
  const result = spawnSync('git', gitArgs(cwd, args), { ...gitOptions, stdio: ['ignore', 'pipe', 'pipe'] });
  return result.status === 0 ? result.stdout : undefined;
};
const gitAsync = (cwd: string, args: string[]) =>
  promisify(execFile)('git', gitArgs(cwd, args), gitOptions).then(({ stdout }) => stdout, () => undefined);

const posix = (path: string) => path.split(sep).join('/');

/**
 * Reads the history of `dir` (e.g. `content`), whose files are named as `join(dir, …)`. The log
 * runs beside whatever the caller does meanwhile (5,000 reports and 550 commits: some 2 s of git).
 */
export async function readHistory(dir: string): Promise<ContentHistory> {
  const absolute = resolve(dir);
  const [root, shallow, shallowFile] = git(absolute, ['rev-parse', '--show-toplevel', '--is-shallow-repository', '--git-path', 'shallow'])?.split('\n') ?? [];
  // Outside a repository (or without git), paths are named from the working folder, the project root.
  const base = root ? relative(root, realpathSync(absolute)) : relative('.', absolute);
  const repoPath = (file: string) => posix(join(base, relative(dir, file)));
  if (!root) return { shallow: false, repoPath, updated: () => undefined };

  const isShallow = shallow === 'true';
  const boundaries = new Set(isShallow && shallowFile ? readFileSync(resolve(absolute, shallowFile), 'utf8').split('\n').filter(Boolean) : []);
  // Renames are not detected (--no-renames): a renamed file's last change is the rename either
  // way, and detecting them costs time on a commit that moves many files.
  const log = await gitAsync(root, ['log', '-z', '--name-status', '--no-renames', '--no-relative', '--no-color', `--format=${COMMIT_START}%H%x00%cI`, '--', base || '.']);
  const dates = log === undefined ? new Map<string, string>() : lastChanges(log, boundaries);
  return { shallow: isShallow, repoPath, updated: (file) => dates.get(repoPath(file)) };
}
