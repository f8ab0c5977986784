import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editUrlFor } from '../../src/lib/edit-url.ts';
import { formatProblem } from '../../src/lib/problems.ts';

const link = (settings: Parameters<typeof editUrlFor>[0], path: string, line?: number) => editUrlFor(settings).editUrl?.(path, line);
const messages = (settings: Parameters<typeof editUrlFor>[0]) => editUrlFor(settings).problems.map(formatProblem);

describe('edit links', () => {
  test('no setting: no link and no problem', () => {
    assert.deepEqual(editUrlFor({}), { problems: [] });
  });

  test('GitHub: the file on the branch (main unless REPO_BRANCH), a registry entry with its line', () => {
    assert.equal(link({ repoUrl: 'https://github.com/org/kb' }, 'content/reports/x.mdx'), 'https://github.com/org/kb/edit/main/content/reports/x.mdx');
    assert.equal(link({ repoUrl: 'https://github.com/org/kb.git/', branch: 'release/2026' }, 'content/people.yaml', 12), 'https://github.com/org/kb/edit/release/2026/content/people.yaml#L12');
  });

  test('GitLab, on gitlab.com or a host of its own', () => {
    assert.equal(link({ repoUrl: 'https://gitlab.com/group/sub/kb' }, 'content/talks.yaml', 3), 'https://gitlab.com/group/sub/kb/-/edit/main/content/talks.yaml#L3');
    assert.equal(link({ repoUrl: 'https://gitlab.corp.example/kb/' }, 'content/reports/x.mdx'), 'https://gitlab.corp.example/kb/-/edit/main/content/reports/x.mdx');
  });

  test('a template for any host; it wins over REPO_URL; a whole file is line 1', () => {
    const editUrl = 'https://git.example/kb/-/edit/main/{path}#L{line}';
    assert.equal(link({ editUrl, repoUrl: 'https://github.com/org/kb' }, 'content/events.yaml', 40), 'https://git.example/kb/-/edit/main/content/events.yaml#L40');
    assert.equal(link({ editUrl }, 'content/reports/x.mdx'), 'https://git.example/kb/-/edit/main/content/reports/x.mdx#L1');
  });

  test('paths with spaces and accents are encoded, their slashes kept', () => {
    assert.equal(link({ repoUrl: 'https://github.com/org/kb' }, 'content/reports/a b é#.mdx'), 'https://github.com/org/kb/edit/main/content/reports/a%20b%20%C3%A9%23.mdx');
  });

  test('a setting that cannot work is a problem in our format, with the fix', () => {
    assert.deepEqual(messages({ repoUrl: 'https://git.example/kb' }), [
      '(environment): REPO_URL: expected the https:// address of a GitHub or GitLab repository, e.g. https://github.com/org/kb, found "https://git.example/kb"; for another host set EDIT_URL to a template instead, e.g. EDIT_URL=https://git.example/kb/edit/main/{path}#L{line}',
    ]);
    assert.equal(messages({ repoUrl: 'github.com/org/kb' }).length, 1);
    assert.deepEqual(messages({ editUrl: 'https://git.example/kb/edit/main/' }), [
      '(environment): EDIT_URL: expected an https:// address with {path} where the file\'s path goes (and {line} for its line), found "https://git.example/kb/edit/main/"; e.g. EDIT_URL=https://git.example/kb/-/edit/main/{path}#L{line}',
    ]);
  });
});
