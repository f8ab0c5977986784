import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allBuilds, fixtureKb } from '../helpers/builds.ts';
import { openSite, type Site } from '../helpers/site.ts';

/** Every internal href/src on every page points at a file that exists, and every #fragment at an id. */
function brokenLinks(site: Site): string[] {
  const broken: string[] = [];
  for (const path of site.pages) {
    const doc = site.page(path);
    for (const el of doc.querySelectorAll('a[href], link[href], script[src], img[src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
      if (/^(https?:|mailto:)/.test(raw)) continue;
      const url = new URL(raw, `http://site${path}`);
      const target = url.pathname;
      if (!site.fileFor(target)) {
        broken.push(`${path} → ${raw} (no file)`);
        continue;
      }
      // A text fragment (`#section:~:text=…`) is a directive, not part of the id: browsers strip it.
      const id = decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
      if (id && target.endsWith('/') && !site.page(target).getElementById(id)) broken.push(`${path} → ${raw} (no id "${id}")`);
    }
  }
  return broken;
}

for (const build of allBuilds) {
  test(`${build.name}: every internal link resolves, fragments included`, () => {
    const site = openSite(build.dir, build.base);
    assert.ok(site.pages.length > 0, `${build.dir}/ has no pages`);
    assert.deepEqual(brokenLinks(site), []);
  });
}

test(`${fixtureKb.name}: every internal link stays inside /kb/`, () => {
  const site = openSite(fixtureKb.dir, fixtureKb.base);
  for (const path of site.pages) {
    const outside = site
      .page(path)
      .querySelectorAll('a[href^="/"], link[href^="/"], script[src^="/"]')
      .map((a) => a.getAttribute('href') ?? a.getAttribute('src'))
      .filter((h) => !h!.startsWith('/kb/'));
    assert.deepEqual(outside, [], `${path} links outside /kb/`);
  }
});
