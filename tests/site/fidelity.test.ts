import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fidelity } from '../fidelity-data.ts';
import { openSite, textWithout } from '../helpers/site.ts';

const site = openSite('dist', '/');

/** Folds the differences normalizing may make: quote styles, dashes, ellipses, white space. */
const fold = (text: string) =>
  text
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/…/g, '...')
    .replace(/\s+/g, ' ')
    .trim();

/** The author's sentences in a raw seed, minus the listed chrome, after the listed corrections. */
function authorSentences(seed: string, chrome: string[], corrections: [string, string][]): string[] {
  let text = readFileSync(`tests/fixtures/seeds/${seed}`, 'utf8');
  const removed = new Set(chrome.map((line) => line.trim()));
  text = text
    .split('\n')
    .filter((line) => !removed.has(line.trim()))
    .join('\n');
  for (const [from, to] of corrections) {
    assert.ok(text.includes(from), `${seed}: correction source “${from}” is in the seed`);
    text = text.replace(from, to);
  }
  return text
    .split('\n')
    .map((line) => line.trim().replace(/^(?:[•\-*]\s*)+/, ''))
    .filter(Boolean)
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map(fold)
    .filter((s) => /\p{L}/u.test(s));
}

describe('every sentence the author wrote is on the report page', () => {
  for (const { seed, report, chrome, corrections } of fidelity) {
    test(`${seed} → /reports/${report}/`, () => {
      const article = site.page(`/reports/${report}/`).querySelector('.article');
      assert.ok(article, 'the page has the article');
      const page = fold(textWithout(article, '.ed-note', '.anchor'));
      const sentences = authorSentences(seed, chrome, corrections);
      assert.ok(sentences.length > 30, `${seed} yields ${sentences.length} sentences`);
      const missing = sentences.filter((s) => !page.includes(s));
      assert.deepEqual(missing, [], `${missing.length} of ${sentences.length} sentences are missing`);
    });
  }

  test('the chrome really is gone', () => {
    const all = fidelity.map(({ report }) => site.page(`/reports/${report}/`).querySelector('.article')!.textContent).join('\n');
    for (const chrome of ['Accept YouTube Content', 'Powered By ConvertKit', '© anynines GmbH', 'Subscribe to the newsletter', '1_srU_0OPiA-hC41mM7lbc7w.png', 'Only registered users can post comments', 'Career area', '#conferences']) {
      assert.ok(!all.includes(chrome), `“${chrome}” was removed`);
    }
  });

  test('corrections are visible as editor’s notes, not silent', () => {
    const peaks = site.page('/reports/kubecon-eu-2022-peaks/').querySelector('.article')!;
    const fix = peaks.querySelectorAll('.ed').find((e) => e.textContent.includes('7,000 people'));
    assert.ok(fix, 'the 7,000 correction is wrapped as an edit');
    assert.match(fix.querySelector('.ed-note')!.textContent, /Editor’s note: the captured text reads “7 people”/);
    const cd22 = site.page('/reports/containerdays-2022-what-i-learned/').querySelector('.article')!;
    for (const typo of ['Namespase', 'kuberntes', 'Contaner Days', 'CDKallows', 'k8sGitOps']) {
      assert.ok(cd22.querySelectorAll('.ed-note').some((n) => n.textContent.includes(`“${typo}”`)), `note shows “${typo}”`);
    }
  });

  test('structure is restored: the GitOps heading, nested lists in 2024, commands as code', () => {
    assert.ok(site.page('/reports/kubecon-eu-2018-takeaways/').getElementById('gitops'));
    const cd24 = site.page('/reports/containerdays-2024-hamburg/').querySelector('.article')!;
    assert.ok(cd24.querySelectorAll('li > ul > li > ul > li').length > 3, 'lists nest at least three levels');
    const code = cd24.querySelectorAll('code').map((c) => c.textContent);
    assert.ok(code.includes('k get api-resources') && code.includes('k get apibinding'));
  });
});
