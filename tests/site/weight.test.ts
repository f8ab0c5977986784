import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { allBuilds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

/** Every build (real content and fixture corpus): reading pages carry no JS, nothing from other hosts, small report pages. */

for (const build of allBuilds) {
  const site = openSite(build.dir, build.base);
  const reading = site.pages.filter((p) => !p.startsWith(`${build.base}search/`));
  const reports = site.pages.filter((p) => p.startsWith(`${build.base}reports/`) && p !== `${build.base}reports/`);

  test(`${build.name}: reading pages reference no JavaScript file and no stylesheet file`, () => {
    for (const path of reading) {
      const doc = site.page(path);
      assert.deepEqual(doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src')), [], `${path} loads a script file`);
      assert.deepEqual(doc.querySelectorAll('link[rel="stylesheet"]').length, 0, `${path} loads a stylesheet file`);
    }
  });

  test(`${build.name}: no page requests anything from another host (fonts, scripts, images, frames)`, () => {
    for (const path of site.pages) {
      const doc = site.page(path);
      const external = doc
        .querySelectorAll('script[src], link[rel="stylesheet"], link[rel="preload"], link[rel="icon"], img[src], iframe[src], source[src], video[src]')
        .map((el) => el.getAttribute('src') ?? el.getAttribute('href')!)
        .filter((url) => /^(https?:)?\/\//.test(url));
      assert.deepEqual(external, [], path);
      const css = doc.querySelectorAll('style').map((s) => s.textContent).join('\n');
      assert.doesNotMatch(css, /@import|url\(\s*['"]?(https?:)?\/\//, `${path} CSS pulls from another host`);
    }
  });

  test(`${build.name}: a report page’s HTML with its CSS stays within 14 KB gzip`, () => {
    assert.ok(reports.length > 0, 'no report pages');
    for (const path of reports) {
      const size = gzipSync(readFileSync(site.fileFor(path)!)).length;
      assert.ok(size <= 14 * 1024, `${path} is ${size} bytes gzip`);
    }
  });
}
