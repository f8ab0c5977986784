/**
 * When each file last changed, from one `git log` of the whole content folder (src/data/history.ts
 * runs it): one process for any number of reports, where `git log -1 -- <file>` per file would
 * start thousands. Pure, so its rules are tested on made-up output (tests/unit/history.test.ts).
 *
 * The expected output is `git log -z --name-status --format=%x1e%H%x00%cI`: newest commit first, each
 * a record separator, its hash and committer date, then NUL-separated changes (`M`, path; `R100`,
 * old path, new path). A file's date is that of the first commit in this order that touches it,
 * which is what `git log --follow -1 -- <file>` gives: a rename counts as a change of the new
 * name, and the old name's history before it no longer matters. A file whose latest change
 * deleted it, or that no commit touches (not committed yet), has no date. Merges list no changes
 * (git's default), so a file changed on a branch is dated by its own commit, as `git log -1` does.
 */

/** Record separator before each commit (`%x1e`). */
export const COMMIT_START = '\x1e';

/**
 * Each path's last change: repository-relative path → committer date (ISO 8601, the committer's
 * offset). `boundaries` are a shallow clone's cut-off commits (`.git/shallow`): git shows them
 * adding every file that existed then, so a file last touched there has no known date and is
 * left out rather than given the cut-off's.
 */
export function lastChanges(log: string, boundaries: ReadonlySet<string> = new Set()): Map<string, string> {
  const seen = new Set<string>();
  const dates = new Map<string, string>();
  const touch = (path: string | undefined, date: string | undefined) => {
    if (path === undefined || seen.has(path)) return;
    seen.add(path);
    if (date !== undefined) dates.set(path, date);
  };
  for (const record of log.split(COMMIT_START)) {
    const [hash, date, ...changes] = record.split('\0');
    if (!hash || !date) continue;
    const known = boundaries.has(hash) ? undefined : date;
    for (let i = 0; i < changes.length; i++) {
      // Each change after the first starts on a new line; paths are never trimmed.
      const status = changes[i]!.replace(/^\n/, '');
      if (status === '') continue;
      if (status.startsWith('R')) {
        touch(changes[++i], undefined); // the old name is gone from here on
        touch(changes[++i], known);
      } else if (status.startsWith('C')) {
        i++; // a copy leaves its source as it was
        touch(changes[++i], known);
      } else {
        touch(changes[++i], status === 'D' ? undefined : known);
      }
    }
  }
  return dates;
}
