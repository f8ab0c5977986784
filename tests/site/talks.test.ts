/**
 * Talk and people pages. Generic checks run on every build and loop over whatever the content
 * holds; behaviour checks use the fixture corpus's talks (tests/fixtures/corpus/README.md).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { allBuilds, fixture, registryIds } from '../helpers/builds.ts';
import { openSite } from '../helpers/site.ts';

for (const build of allBuilds) {
  const site = openSite(build.dir, build.base);
  const at = (path: string) => `${build.base}${path}`;
  const talks = registryIds(build.content, 'talks');

  describe(`${build.name}: talk pages`, () => {
    test('every deep link of every talk page lands on a real id in its report page', () => {
      for (const id of talks) {
        const links = site.page(at(`talks/${id}/`)).querySelectorAll('article.passage a').map((a) => a.getAttribute('href')!).filter((h) => h.includes('#'));
        assert.ok(links.some((l) => l.startsWith(at('reports/'))) || links.length === 0, `${id}: passages link into their reports`);
        for (const link of links) {
          const [path, fragment] = link.split('#') as [string, string];
          // Into the report at the section, or (“Link to this passage”) to the passage on this page.
          assert.ok(path.startsWith(at('reports/')) || path === at(`talks/${id}/`), `${id}: ${link} points at a report or at this page`);
          assert.ok(site.page(path).getElementById(fragment), `${at(`talks/${id}/`)}: ${link} resolves`);
        }
      }
    });

    test('a talk page is indexed by its title, speakers, kind and the programme’s abstract only; quoted passages are left to their reports', () => {
      for (const id of talks) {
        const page = site.page(at(`talks/${id}/`));
        const bodies = page.querySelectorAll('[data-pagefind-body]');
        assert.equal(bodies.length, 1, `${id}: one indexed region`);
        assert.ok(bodies[0]!.querySelector('h1'), `${id}: the title is indexed`);
        assert.equal(bodies[0]!.querySelectorAll('.passage').length, 0, `${id}: no passage inside the indexed region`);
        for (const passage of page.querySelectorAll('.passage')) {
          assert.ok(passage.closest('[data-pagefind-ignore]'), `${id}: a passage is not marked data-pagefind-ignore`);
        }
      }
    });
  });
}

describe('talks and people of the fixture corpus', () => {
  const site = openSite(fixture.dir, fixture.base);
  const main = (path: string) => site.page(path).querySelector('main')!;
  const hrefs = (path: string, selector = 'main a') => site.page(path).querySelectorAll(selector).map((a) => a.getAttribute('href'));

  test('a talk covered by two reports shows both passages, newest report first, and says so', () => {
    const page = site.page('/talks/warm-pools-revisited/');
    assert.match(page.querySelector('#coverage')!.textContent, /^2 reports cover this talk$/);
    const passages = page.querySelectorAll('article.passage');
    assert.deepEqual(passages.map((p) => p.querySelector('.passage-meta a[href^="/reports/"]')!.getAttribute('href')), ['/reports/lantern-2023-day-one/', '/reports/lantern-2023-and-tidepool/']);
    const deep = passages.map((p) => p.querySelector('h3 a')!.getAttribute('href'));
    assert.deepEqual(deep, ['/reports/lantern-2023-day-one/#warm-pools-revisited', '/reports/lantern-2023-and-tidepool/#what-i-will-try-at-work']);
    assert.deepEqual(passages.map((p) => p.querySelector('a.permalink')!.getAttribute('href')), passages.map((p) => `/talks/warm-pools-revisited/#${p.id}`), 'each passage links to itself');
    assert.match(passages[0]!.textContent, /brittleness of the warm pool/, 'the passage quotes the report');
    assert.match(passages[1]!.textContent, /warm pools resized every fifteen minutes/);
  });

  test('a talk page names its event, kind and linked speakers, and its links', () => {
    const page = site.page('/talks/pipelines-without-a-queue/');
    assert.equal(page.querySelector('h1')!.textContent.trim(), 'Pipelines Without a Queue');
    assert.ok(page.querySelector('header a[href="/people/mireille-osei/"]'), 'links its speaker');
    assert.ok(page.querySelector('dl.facts a[href="/events/lantern-summit-2023/"]'), 'links its event');
    assert.match(page.querySelector('main header')!.textContent, /Talk by Mireille Osei/);
    assert.ok(page.querySelector('dl.facts a[href="https://slides.example.org/pipelines-without-a-queue/"]'), 'links the slides');
    assert.doesNotMatch(page.querySelector('main')!.textContent, /unconfirmed/);
    assert.match(page.querySelector('#coverage')!.textContent, /^What a report says about it$/);
  });

  test('an unconfirmed recording is marked; a talk without speakers says so', () => {
    const facts = site.page('/talks/release-flywheel/').querySelector('dl.facts')!.textContent;
    assert.match(facts, /Media\s*Recording on video\.example\.org\s*\(unconfirmed\)/);
    const confirmed = site.page('/talks/warm-pools-revisited/').querySelector('dl.facts')!.textContent;
    assert.match(confirmed, /Media\s*Recording on video\.example\.org/);
    assert.doesNotMatch(confirmed, /unconfirmed/);
    assert.match(site.page('/talks/sizing-the-database-tier/').querySelector('main header')!.textContent, /Talk by speakers unknown/);
  });

  test('the talks index lists talks under their events, in event order', () => {
    const text = main('/talks/').textContent;
    const order = ['Lantern 2019', 'The Release Flywheel', 'Tidepool', 'Untitled talk on sizing a database tier', 'Lantern 2023', 'Pipelines Without a Queue', 'Lantern 2025', 'Forecasting Build Capacity'].map((t) => text.indexOf(t));
    assert.ok(order.every((i) => i >= 0), `every label is on the page: ${order.join(', ')}`);
    assert.deepEqual([...order].sort((a, b) => a - b), order, 'events by date, each talk under its event');
  });

  test('a speaker who also wrote a report: talks given, reports written and events as speaker and author', () => {
    const page = site.page('/people/mireille-osei/');
    assert.deepEqual(hrefs('/people/mireille-osei/', '[aria-labelledby="talks"] .card h3 a'), ['/talks/pipelines-without-a-queue/']);
    assert.deepEqual(hrefs('/people/mireille-osei/', '[aria-labelledby="reports"] .card h3 a'), ['/reports/lantern-2023-and-tidepool/']);
    const events = page.querySelectorAll('[aria-labelledby="events"] li').map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    assert.equal(events.length, 2, events.join(' | '));
    assert.ok(events.some((e) => /Lantern Summit 2023.*\(speaker and author\)/.test(e)), events.join(' | '));
    assert.ok(events.some((e) => /Tidepool Day 2023.*\(author\)/.test(e)), events.join(' | '));
  });

  test('a speaker only lists talks; an author only lists reports; the index links both', () => {
    assert.deepEqual(hrefs('/people/ansel-varga/', '[aria-labelledby="talks"] .card h3 a').sort(), ['/talks/forecasting-build-capacity/', '/talks/warm-pools-revisited/']);
    assert.equal(site.page('/people/ansel-varga/').querySelector('[aria-labelledby="reports"]'), null);
    assert.deepEqual(hrefs('/people/odile-brandt/', '[aria-labelledby="reports"] .card h3 a'), ['/reports/lantern-2019-field-notes/']);
    assert.equal(site.page('/people/odile-brandt/').querySelector('[aria-labelledby="talks"]'), null);
    assert.match(site.page('/people/hedda-quist/').querySelector('main header')!.textContent, /Saltmere Build Guild\s*\(unconfirmed\)/);
  });

  test('an event page lists the talks our reports cover there, in programme order', () => {
    assert.deepEqual(hrefs('/events/lantern-summit-2023/', '[aria-labelledby="talks"] a'), ['/talks/warm-pools-revisited/', '/talks/pipelines-without-a-queue/']);
    assert.deepEqual(hrefs('/events/tidepool-day-2023/', '[aria-labelledby="talks"] a'), ['/talks/sizing-the-database-tier/']);
  });

  test('a report page links the talks it discusses, with the sections, and its author', () => {
    const page = site.page('/reports/lantern-2023-day-one/');
    const items = page.querySelectorAll('[aria-labelledby="talks"] li');
    assert.deepEqual(items.map((li) => li.querySelector('a')!.getAttribute('href')), ['/talks/pipelines-without-a-queue/', '/talks/warm-pools-revisited/']);
    assert.ok(items[1]!.querySelector('a[href="#warm-pools-revisited"]'), 'links the section about the talk');
    assert.ok(page.querySelector('main header a[href="/people/ravi-calloway/"]'), 'links its author');
  });

  test('report pages carry talk and speaker search filters, by id', () => {
    const filters = site.page('/reports/lantern-2023-day-one/').querySelectorAll('[data-pagefind-filter]').map((f) => `${f.getAttribute('data-pagefind-filter')}:${f.textContent}`);
    for (const f of ['author:ravi-calloway', 'talk:pipelines-without-a-queue', 'talk:warm-pools-revisited', 'speaker:mireille-osei', 'speaker:ansel-varga']) {
      assert.ok(filters.includes(f), `${f} in ${filters.join(', ')}`);
    }
  });

  test('the header links Talks and People', () => {
    assert.ok(site.page('/').querySelector('.site-nav a[href="/talks/"]') && site.page('/').querySelector('.site-nav a[href="/people/"]'));
    assert.equal(site.page('/talks/').querySelector('.site-nav a[aria-current="page"]')?.getAttribute('href'), '/talks/');
  });
});

describe('programme data on the fixture corpus’s pages', () => {
  const site = openSite(fixture.dir, fixture.base);
  const text = (path: string, selector: string) => site.page(path).querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim();
  const abstract = 'A build queue hides its backlog until the release train is late.';

  test('a talk page says when, in the event’s time zone named, and where', () => {
    const path = '/talks/pipelines-without-a-queue/';
    assert.equal(text(path, 'dd.talk-when'), 'Tuesday 13 June 2023, 14:30–15:10 (Europe/Lisbon, UTC+1)');
    assert.equal(site.page(path).querySelector('dd.talk-when time')!.getAttribute('datetime'), '2023-06-13T14:30');
    assert.equal(text(path, 'dd.talk-room'), 'Harbour Hall B');
    assert.equal(text(path, 'dd.talk-track'), 'Build and Release');
    assert.match(text(path, 'dl.facts')!, /Language\s*English/);
    // A talk without programme data keeps its free-text schedule.
    assert.match(text('/talks/release-flywheel/', 'dl.facts')!, /When\s*Day one, opening keynote/);
  });

  test('the abstract is labelled as the programme’s text, indexed, and typed "programme" for search', () => {
    const page = site.page('/talks/pipelines-without-a-queue/');
    const section = page.querySelector('section[aria-labelledby="abstract"]')!;
    assert.equal(text('/talks/pipelines-without-a-queue/', '#abstract'), 'Abstract from the programme');
    assert.match(section.querySelector('p.meta')!.textContent, /programme’s own words.*not written by any of us/);
    assert.ok(section.querySelector('blockquote')!.textContent.startsWith(abstract));
    assert.ok(section.closest('[data-pagefind-body]'), 'the abstract is indexed');
    const types = page.querySelectorAll('[data-pagefind-filter="type"]').map((f) => f.textContent).sort();
    assert.deepEqual(types, ['programme', 'talk']);
    // No abstract, no programme type; and the abstract is nowhere in a report's page.
    assert.deepEqual(site.page('/talks/warm-pools-revisited/').querySelectorAll('[data-pagefind-filter="type"]').map((f) => f.textContent), ['talk']);
    assert.doesNotMatch(site.page('/reports/lantern-2023-day-one/').querySelector('main')!.textContent, /hides its backlog/);
  });

  test('recording and slides are links naming their host, on the talk, report and person pages; nothing is embedded', () => {
    const slides = site.page('/talks/pipelines-without-a-queue/').querySelector('dl.facts a.media-link[data-media="slides"]')!;
    assert.equal(slides.getAttribute('href'), 'https://slides.example.org/pipelines-without-a-queue/');
    assert.equal(slides.textContent.trim(), 'Slides on slides.example.org');
    const report = site.page('/reports/lantern-2023-day-one/').querySelector('[aria-labelledby="talks"]')!;
    assert.deepEqual(report.querySelectorAll('a.media-link').map((a) => `${a.getAttribute('href')} ${a.textContent.replace(/\s+/g, ' ').trim()}`), [
      'https://slides.example.org/pipelines-without-a-queue/ Slides of Pipelines Without a Queue on slides.example.org',
      'https://video.example.org/lantern-2023/warm-pools/ Recording of Warm Pools, Four Years Later on video.example.org',
    ]);
    assert.ok(site.page('/people/ansel-varga/').querySelector('a.media-link[href="https://video.example.org/lantern-2023/warm-pools/"]'));
    for (const path of ['/talks/pipelines-without-a-queue/', '/talks/warm-pools-revisited/', '/reports/lantern-2023-day-one/']) {
      assert.equal(site.page(path).querySelectorAll('iframe, video, audio, object, embed, img[src^="http"]').length, 0, `${path} embeds nothing`);
    }
  });

  test('a passage on a topic page names the talk it is about, with its recording; the talk’s own page does not repeat it', () => {
    const passage = site.page('/topics/cold-starts/').getElementById('lantern-2023-day-one--warm-pools-revisited')!;
    const about = passage.querySelector('.passage-talk')!;
    assert.equal(about.querySelector('a[href="/talks/warm-pools-revisited/"]')!.textContent, 'Warm Pools, Four Years Later');
    assert.equal(about.querySelector('a.media-link')!.getAttribute('href'), 'https://video.example.org/lantern-2023/warm-pools/');
    assert.equal(site.page('/talks/warm-pools-revisited/').querySelectorAll('.passage-talk').length, 0);
  });

  test('an event page shows the covered talks as a programme by day and room, and how many of the programme are covered', () => {
    const path = '/events/lantern-summit-2023/';
    const talks = site.page(path).querySelector('section[aria-labelledby="talks"]')!;
    assert.equal(text(path, '.programme-count'), '2 of 3 talks of the programme covered by our reports');
    assert.deepEqual(talks.querySelectorAll('h3, h4, li').map((e) => e.textContent.replace(/\s+/g, ' ').trim()), [
      'Tuesday 13 June 2023',
      'Harbour Hall A',
      '09:15–09:45 Warm Pools, Four Years Later talk · Ansel Varga',
      'Harbour Hall B',
      '14:30–15:10 Pipelines Without a Queue talk · Mireille Osei',
    ]);
    assert.doesNotMatch(talks.textContent, /Tide Tables/, 'a talk no report covers is counted, not listed');
    // An event without programme data lists its talks and says nothing about a programme.
    assert.equal(site.page('/events/tidepool-day-2023/').querySelector('.programme-count'), null);
    assert.equal(site.page('/events/tidepool-day-2023/').querySelectorAll('section[aria-labelledby="talks"] h3').length, 0);
  });

  test('a person page lists every talk they gave, with its day, time and room', () => {
    const cards = site.page('/people/hedda-quist/').querySelectorAll('[aria-labelledby="talks"] .card');
    assert.deepEqual(cards.map((c) => c.querySelector('h3 a')!.getAttribute('href')).sort(), ['/talks/release-flywheel/', '/talks/tide-tables-for-schedulers/']);
    assert.equal(text('/people/mireille-osei/', '[aria-labelledby="talks"] .card .meta'), 'talk · Lantern 2023 · Tuesday 13 June 2023, 14:30–15:10, Harbour Hall B');
  });
});
