/**
 * Open Graph images (src/pages/og/): every report, topic and event page of the fixture builds, at
 * / and under /kb/, names an image that the build wrote, is a 1200×630 PNG, and is addressed by an
 * absolute URL on the site's own origin under its base. Topic and event pages have their own card;
 * a report page shows its event's card (drawing one per report would cost a cold 5,000-report build
 * about 100 s more, see bench/).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fixture, fixtureKb, registryIds, reportIds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';
import { pngSize } from '../helpers/png.ts';

for (const build of [fixture, fixtureKb]) {
  const site = openSite(build.dir, build.base);
  const kinds = [
    ['reports', reportIds(build.content)],
    ['topics', registryIds(build.content, 'topics')],
    ['events', registryIds(build.content, 'events')],
  ] as const;

  describe(`${build.name}: Open Graph images`, () => {
    for (const [kind, ids] of kinds) {
      test(`every ${kind.slice(0, -1)} page has og:image and twitter:image pointing at ${kind === 'reports' ? 'its event’s' : 'its own'} 1200×630 PNG`, () => {
        assert.ok(ids.length > 0, `${build.content} has no ${kind}`);
        const seen = new Set<string>();
        for (const id of ids) {
          const path = `${build.base}${kind}/${id}/`;
          const head = site.page(path).querySelector('head')!;
          const content = (selector: string) => head.querySelector(selector)?.getAttribute('content');
          const image = content('meta[property="og:image"]');
          assert.ok(image, `${path}: og:image`);
          assert.equal(content('meta[name="twitter:image"]'), image, `${path}: twitter:image is og:image`);
          assert.equal(content('meta[name="twitter:card"]'), 'summary_large_image', `${path}: large card`);
          assert.equal(content('meta[property="og:image:width"]'), '1200', `${path}: og:image:width`);
          assert.equal(content('meta[property="og:image:height"]'), '630', `${path}: og:image:height`);

          const url = new URL(image);
          const canonical = new URL(head.querySelector('link[rel="canonical"]')!.getAttribute('href')!);
          assert.equal(url.origin, canonical.origin, `${path}: og:image is on the site's origin`);
          assert.ok(url.pathname.startsWith(build.base), `${path}: og:image ${url.pathname} is under ${build.base}`);
          assert.match(url.pathname, /\.png$/, `${path}: og:image is a PNG`);
          if (kind === 'reports') {
            const event = new RegExp(`^${build.base}og/events/([^/]+)\\.png$`).exec(url.pathname)?.[1];
            assert.ok(event, `${path}: og:image ${url.pathname} is an event card`);
            assert.ok(site.page(path).querySelector(`header a[href="${build.base}events/${event}/"]`), `${path}: the card is of the report's own event`);
          } else {
            assert.ok(!seen.has(url.pathname), `${path}: its image is not shared with another page`);
            seen.add(url.pathname);
          }

          const file = site.fileFor(url.pathname);
          assert.ok(file, `${path}: ${url.pathname} exists in ${build.dir}/`);
          assert.deepEqual(pngSize(readFileSync(file)), { width: 1200, height: 630 }, `${path}: ${url.pathname} is 1200×630`);
        }
      });
    }

    test('pages other than reports, topics and events have no og:image (nothing points at a missing image)', () => {
      const others = site.pages.filter((p) => !/\/(reports|topics|events)\/[^/]+\/$/.test(p.slice(build.base.length - 1)));
      assert.ok(others.length > 0);
      for (const path of others) {
        const image = site.page(path).querySelector('meta[property="og:image"]')?.getAttribute('content');
        if (image) assert.ok(site.fileFor(new URL(image).pathname), `${path}: ${image} exists`);
      }
    });
  });
}
