/**
 * "Edit this page" links: from the repository settings (README, "Edit links") to the address of
 * a source file, and of a line for a registry entry. Pure; the settings are read once in
 * src/paths.ts, the check reports their problems and src/data/ builds each page's link.
 */
import type { Problem } from './problems.ts';

export interface RepoSettings {
  /** REPO_URL: a GitHub or GitLab repository, e.g. https://github.com/org/kb. */
  repoUrl?: string;
  /** REPO_BRANCH: the branch the links edit (default `main`). */
  branch?: string;
  /** EDIT_URL: any host, a template with `{path}` and optionally `{line}`; wins over REPO_URL. */
  editUrl?: string;
}

/** A file's edit address: `path` relative to the repository root, `line` for one entry of a registry. */
export type EditUrl = (path: string, line?: number) => string;

const problem = (field: string, message: string): Problem => ({ file: '(environment)', field, message });

/** `content/reports/a b.mdx` → `content/reports/a%20b.mdx`: each segment encoded, the slashes kept. */
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

const httpUrl = (text: string) => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The edit address builder for `settings`, or none when neither REPO_URL nor EDIT_URL is set (the
 * pages then have no link); `problems` say what is wrong with a setting, in our format.
 */
export function editUrlFor(settings: RepoSettings): { editUrl?: EditUrl; problems: Problem[] } {
  const { repoUrl, editUrl } = settings;
  const branch = settings.branch || 'main';
  if (editUrl) {
    if (!httpUrl(editUrl.replace(/\{(path|line)\}/g, 'x')) || !editUrl.includes('{path}')) {
      return { problems: [problem('EDIT_URL', `expected an https:// address with {path} where the file's path goes (and {line} for its line), found "${editUrl}"; e.g. EDIT_URL=https://git.example/kb/-/edit/main/{path}#L{line}`)] };
    }
    return { editUrl: (path, line = 1) => editUrl.replaceAll('{path}', encodePath(path)).replaceAll('{line}', String(line)), problems: [] };
  }
  if (!repoUrl) return { problems: [] };
  const url = httpUrl(repoUrl);
  const host = url?.hostname ?? '';
  const kind = host.includes('github') ? 'github' : host.includes('gitlab') ? 'gitlab' : undefined;
  if (!url || !kind || url.search || url.hash) {
    return { problems: [problem('REPO_URL', `expected the https:// address of a GitHub or GitLab repository, e.g. https://github.com/org/kb, found "${repoUrl}"; for another host set EDIT_URL to a template instead, e.g. EDIT_URL=https://git.example/kb/edit/main/{path}#L{line}`)] };
  }
  const repo = url.href.replace(/\/+$/, '').replace(/\.git$/, '');
  const edit = kind === 'github' ? 'edit' : '-/edit';
  const prefix = `${repo}/${edit}/${encodePath(branch)}/`;
  return { editUrl: (path, line) => `${prefix}${encodePath(path)}${line ? `#L${line}` : ''}`, problems: [] };
}
