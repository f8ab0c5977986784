/**
 * What ingest proposes from a capture's text: topics per section by terms and tools, an unknown
 * event, talks with speakers, tool-like names. Made-up texts and registries only.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { prng } from '../helpers/fuzz.ts';
import { parse } from 'yaml';
import { cityInText, findDates, findSeries, findTalks, proposeEvent, proposeTools, proposeTopics, sectionsOf, toolEntry } from '../../src/authoring/propose.ts';
import { addSeries } from '../../src/authoring/series.ts';
import { formatEventDates, formatPlace, formatRange } from '../../src/lib/format.ts';
import { eventSchema, taxonomySchema, toolSchema } from '../../src/schemas/registries.ts';

const tools = [
  { id: 'cilium', match: ['Cilium'] },
  { id: 'kyverno', match: ['Kyverno'] },
];
const topics = [
  { id: 'networking', title: 'Networking and security', summary: 'Cluster networking with Cilium.', terms: ['network policy', 'eBPF', 'security'] },
  { id: 'operators', title: 'Operators', summary: 'Custom controllers.', terms: ['operator', 'CRD'] },
];

describe('topics are proposed per section by their terms and tools', () => {
  const body = `Intro text about security.

## Day one

We looked at Cilium and its eBPF data path, and a network policy demo.

## Day two

A security talk, and one about operators.

\`\`\`yaml
kind: CRD
operator: yes
\`\`\`
`;
  test('terms and the tools a topic names count, section by section', () => {
    const found = proposeTopics(body, topics, tools);
    assert.deepEqual(found.map((t) => [t.topic, t.sections]), [['networking', ['Day one']]]);
    assert.ok(found[0]!.because.includes('Cilium'));
  });
  test('a topic without terms is carried by its title\'s words', () => {
    const queues = '## Queues at scale\n\nQueue time matters; queues grow.\n\n## Lunch\n\nSandwiches.\n';
    assert.deepEqual(proposeTopics(queues, [{ id: 'queueing', title: 'Queues and queueing', summary: '' }, { id: 'food', title: 'Conference catering', summary: '' }], []).map((t) => [t.topic, t.sections]), [['queueing', ['Queues at scale']]]);
  });
  test('hits in two sections never add up to a proposal', () => {
    // "Day two" has one security term and one operator term; the intro's "security" is before any section.
    assert.equal(proposeTopics(body, topics, tools).some((t) => t.sections.includes('Day two')), false);
  });
  test('code blocks are not section text', () => {
    assert.equal(sectionsOf(body)[1]!.text.includes('CRD'), false);
  });
});

describe('an event the site does not know', () => {
  const series = { 'kubecon-eu': 'KubeCon + CloudNativeCon Europe', devconf: 'DevConf' };
  const events = [
    { series: 'kubecon-eu', shortName: 'KubeCon EU 2022', city: 'Valencia', country: 'Spain', year: 2022 },
    { series: 'devconf', shortName: 'DevConf 2023', city: 'Paris', country: 'France', year: 2023 },
  ];
  test('series, year, dates and a known city come from the text; the dates are unconfirmed', () => {
    const text = 'Posted on Mar 28, 2024\n\nLast week I was at KubeCon + CloudNativeCon Europe 2024 in Paris, from 19 to 22 March, with 12,000 others.';
    const p = proposeEvent(text, series, events)!;
    assert.deepEqual(p.event, {
      series: 'kubecon-eu', id: 'kubecon-eu-2024', name: 'KubeCon + CloudNativeCon Europe 2024', shortName: 'KubeCon EU 2024',
      start: '2024-03-19', end: '2024-03-22', city: 'Paris', country: 'France',
    });
    assert.deepEqual(p.missing, []);
    assert.deepEqual(p.unconfirmed, ['start', 'end']);
  });
  test('a short name the site already uses finds the series ("KubeCon EU"); what is not there is missing, not guessed', () => {
    const p = proposeEvent('Notes from KubeCon EU 2031, somewhere warm.', series, events)!;
    assert.equal(p.event.id, 'kubecon-eu-2031');
    assert.deepEqual(p.missing, ['start', 'end', 'city', 'country']);
    assert.equal(p.event.city, undefined);
  });
  test('no series named: no proposal (a new series is decided in taxonomy.yaml)', () => {
    assert.equal(proposeEvent('I went to a meetup in Paris in 2024.', series, events), undefined);
  });
  test('dates in the forms blogs write them, only real days', () => {
    assert.deepEqual(findDates('on March 19-22, 2024', 2024), { start: '2024-03-19', end: '2024-03-22', as: 'March 19-22' });
    assert.deepEqual(findDates('from 3rd – 5th of Sept.', 2024)?.start, '2024-09-03');
    assert.equal(findDates('from 30 to 31 February', 2024), undefined);
    assert.equal(findDates('version 1-2 of May', 2024)?.start, '2024-05-01');
  });
});

describe('a series taxonomy.yaml does not have', () => {
  const series = { 'kubecon-eu': 'KubeCon + CloudNativeCon Europe' };
  test('the capitalised name before a year, words that never start one dropped', () => {
    assert.deepEqual(findSeries('Posted March 2024\r\nNotes from Lantern Summit 2025, in “Brackenford”.', series), { id: 'lantern-summit', name: 'Lantern Summit', as: 'Lantern Summit 2025' });
    assert.deepEqual(findSeries('The Zoë Çonf 2026 was small.', series), { id: 'zoe-conf', name: 'Zoë Çonf', as: 'Zoë Çonf 2026' });
    assert.equal(findSeries('In March 2024 I went to a meetup in 2025.', series), undefined);
    assert.deepEqual(findSeries('Lantern Summit Paris 2025', series, new Set(['Paris']))?.name, 'Lantern Summit', 'a known city is where, not what');
    assert.equal(findSeries('Back in Paris 2025', series, new Set(['Paris'])), undefined);
    assert.equal(findSeries('At Kubecon Eu 2024', { 'kubecon-eu': 'Other name' }), undefined, 'an id taken by another series is no proposal');
  });
  test('proposed with the event; dates the text does not give are missing, never guessed', () => {
    const p = proposeEvent('Two days at Lantern Summit 2025 in Paris.\r\nGreat talks.', series, [{ series: 'kubecon-eu', shortName: 'KubeCon EU 2022', city: 'Paris', country: 'France', year: 2022 }])!;
    assert.deepEqual(p.newSeries, { id: 'lantern-summit', name: 'Lantern Summit' });
    assert.deepEqual(p.event, { series: 'lantern-summit', id: 'lantern-summit-2025', name: 'Lantern Summit 2025', shortName: 'Lantern Summit 2025', city: 'Paris', country: 'France' });
    assert.deepEqual(p.missing, ['start', 'end']);
    assert.match(p.because[0]!, /^proposed series \(new to taxonomy\.yaml\): "Lantern Summit"/);
  });
  test('written as one line after the last series, every other byte kept (BOM, CRLF, comments)', () => {
    const raw = '\uFEFF# series\r\nseries:   # id → name\r\n    a: A # first\r\n    b: "B: two"\r\n\r\ntoolCategories: [x]\r\n';
    assert.deepEqual(addSeries(raw, 'lantern-summit', 'Lantern: Summit'), { text: '\uFEFF# series\r\nseries:   # id → name\r\n    a: A # first\r\n    b: "B: two"\r\n    lantern-summit: "Lantern: Summit"\r\n\r\ntoolCategories: [x]\r\n' });
  });
  test('a series map it cannot add a line to is refused, saying what to do', () => {
    assert.deepEqual(addSeries('series: {a: A}\n', 'b', 'B'), { problem: 'expected a block map of series (one "id: name" line each), found a flow map ({…}); add "b: B" under series: by hand' });
    assert.deepEqual(addSeries('toolCategories: [x]\n', 'b', 'B'), { problem: 'expected a block map of series (one "id: name" line each), found no series; add "b: B" under series: by hand' });
  });
});

describe('what is not known yet may be absent only when listed unconfirmed', () => {
  const event = { name: 'Lantern Summit 2027', shortName: 'Lantern 2027', series: 'lantern-summit', year: 2027, city: 'Saltmere', country: 'Eastmarch', summary: 'A summit.' };
  const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
  test('an event without dates: refused unless start and end are unconfirmed', () => {
    assert.deepEqual(messages(eventSchema.safeParse(event)), [
      'start: expected the first day "YYYY-MM-DD", found nothing; give it, or list start in unconfirmed while it is not known',
      'end: expected the last day "YYYY-MM-DD", found nothing; give it, or list end in unconfirmed while it is not known',
    ]);
    assert.equal(eventSchema.safeParse({ ...event, unconfirmed: ['start', 'end'] }).success, true);
    const { city: _, country: __, ...nowhere } = event;
    assert.deepEqual(messages(eventSchema.safeParse({ ...nowhere, unconfirmed: ['start', 'end'] })), [
      'city: expected the city it was held in, found nothing; give it, or list city in unconfirmed while it is not known',
      'country: expected the country it was held in, found nothing; give it, or list country in unconfirmed while it is not known',
    ]);
    assert.equal(eventSchema.safeParse({ ...nowhere, unconfirmed: ['start', 'end', 'city', 'country'] }).success, true);
    assert.equal(eventSchema.safeParse({ ...event, start: '2027-05-14', end: '2027-05-16' }).success, true);
  });
  test('a tool without a description or homepage: refused unless they are unconfirmed', () => {
    const tool = { name: 'brewtrace', category: 'Observability', match: ['brewtrace'] };
    assert.deepEqual(messages(toolSchema.safeParse(tool)), [
      "homepage: expected the project's homepage (an http(s) URL), found nothing; give it, or list homepage in unconfirmed while it is not known",
      'description: expected one line of ours saying what it is, found nothing; give it, or list description in unconfirmed while it is not known',
    ]);
    assert.equal(toolSchema.safeParse({ ...tool, unconfirmed: ['homepage', 'category', 'description'] }).success, true);
  });
  test('pages say the dates are not confirmed, never a blank', () => {
    assert.equal(formatEventDates({ year: 2027 }), '2027, dates not confirmed');
    assert.equal(formatPlace({}, true), 'city not confirmed, country not confirmed');
    assert.equal(formatPlace({ city: 'Saltmere', country: 'Eastmarch' }, true), 'Saltmere, Eastmarch');
    assert.equal(formatEventDates({ year: 2027, start: new Date('2027-05-14T00:00:00Z') }), '14 May 2027, end not confirmed');
    const [start, end] = [new Date('2027-05-14T00:00:00Z'), new Date('2027-05-16T00:00:00Z')];
    assert.equal(formatEventDates({ year: 2027, start, end }), formatRange(start, end));
  });
});

describe('talks named in the text, with their speakers', () => {
  test('quoted titles with "by", several speakers, non-ASCII names, and a keynote', () => {
    const text = 'My favourite was the talk “Cilium: kube-proxy replacement at scale” by Zoë Ångström and Marvin Okafor. The keynote "Platforms are products" set the tone. Then “Policy as code with Kyverno” by Ada Example, Bo Speaker & Cy Dev.';
    assert.deepEqual(findTalks(text).map((t) => [t.title, t.speakers, t.kind]), [
      ['Cilium: kube-proxy replacement at scale', ['Zoë Ångström', 'Marvin Okafor'], 'talk'],
      ['Platforms are products', [], 'keynote'],
      ['Policy as code with Kyverno', ['Ada Example', 'Bo Speaker', 'Cy Dev'], 'talk'],
    ]);
  });
  test('a quotation that is not a talk is not one', () => {
    assert.deepEqual(findTalks('As they say, "ship it early" and move on.'), []);
  });
});

describe('a city no event of ours was held in', () => {
  test('read only from "took place in", "was held in", "hosted in the city of" (never a month, a day or a continent)', () => {
    const cases: [string, string | undefined][] = [
      ['Harbor Summit 2025 took place in Porto from 4 to 6\u00a0March'.replace(/\s+/g, ' '), 'Porto'],
      ['It was held in São Paulo, Brazil.', 'São Paulo'],
      ['was hosted in the city of Den Haag this year', 'Den Haag'],
      ['held in Rio de Janeiro.', 'Rio de Janeiro'],
      ['it took place in March', undefined],
      ['was held in Europe', undefined],
      ['We ran it in Kubernetes, in Porto.', undefined],
    ];
    for (const [text, city] of cases) assert.equal(cityInText(text)?.city, city, text);
  });

  test('the event gets it, unconfirmed, and its country is left out', () => {
    const p = proposeEvent('Harbor Summit 2025 took place in Porto from 4 to 6 March.', {}, [])!;
    assert.equal(p.event.city, 'Porto');
    assert.equal(p.event.country, undefined);
    assert.ok(p.unconfirmed.includes('city'));
    assert.deepEqual(p.missing, ['country']);
  });
});

describe('tool-like names', () => {
  test('CamelCase words, code words and names before "project", "operator", "controller"', () => {
    assert.deepEqual(proposeTools('We met the FooBar team, ran `zapctl`, and saw the Tidal operator and plain words.', () => false, []).map((t) => t.name), ['FooBar', 'Tidal', 'zapctl']);
  });
  test('the rows of a table column headed "Tool" or "Project", each once, with a category from its row', () => {
    const table = 'Our stack:\r\n\n| Tool | Use | Verdict |\n| :--- | --- | --- |\n| Tarnwatch | tracing | keep |\n| **Quayline** | deploys | trial |\n|  | empty | - |\n| not a tool at all, a long phrase | x | y |\n\n| Name | Use |\n| --- | --- |\n| Ember | logs |\n';
    const found = proposeTools(table.replace(/\r/g, ''), () => false, ['Observability', 'CI/CD and GitOps']);
    assert.deepEqual(found.map((t) => [t.name, t.why, t.category]), [
      ['Quayline', 'a table\'s "Tool" column', 'CI/CD and GitOps'],
      ['Tarnwatch', 'a table\'s "Tool" column', 'Observability'],
    ]);
  });
  const text = `We tried [Backstage](https://backstage.io) and \`cosign\` from Sigstore for signing images.
Traces went to Jaeger; Jaeger stores traces. Logs go through Fluent Bit, and Fluent Bit ships logs.
See https://github.com/kyverno/kyverno for Kyverno policies. The OpenTelemetry project helps.`;
  const known = (name: string) => name.toLowerCase() === 'kyverno';
  const categories = ['Observability', 'Security', 'Developer tools'];
  test('code spans, project and GitHub links, names used twice; known tools left out; categories from the sentence', () => {
    const found = proposeTools(text, known, categories);
    const byName = Object.fromEntries(found.map((t) => [t.name, t]));
    assert.deepEqual(Object.keys(byName).sort(), ['Backstage', 'Fluent Bit', 'Jaeger', 'OpenTelemetry', 'cosign']);
    assert.equal(byName.Backstage!.homepage, 'https://backstage.io');
    assert.equal(byName.Jaeger!.category, 'Observability');
    assert.equal(byName.cosign!.category, 'Security');
    assert.equal(byName.Jaeger!.homepage, undefined);
  });
});

describe('fuzz: the proposers take any text', () => {
  const pieces = ['metrics ', 'traces ', '`zap-ctl`', 'https://github.com/acme/zap-ctl?tab=1 ', '[Kettle](https://kettle.dev/#x) ', 'Lantern Summit ', 'Zoë Çonf ', 'Posted ', 'The ', '\r\n', '&', ': ', '“', '”', '"', "'", 'talk ', 'keynote ', ' by ', ' and ', ', ', 'Zoë ', 'O’Brien ', 'J. ', 'KubeCon ', '+ CloudNativeCon ', 'Europe ', 'EU ', '2024 ', '19 ', 'to ', '22 ', 'March ', 'Mar. ', '\n## ', '\n```\n', '`x`', 'https://github.com/a/b ', '[Tool](https://x.io) ', 'Paris ', '. ', '\u0000', '\ud800', ' '.repeat(50), 'a'.repeat(200)];
  const series = { 'kubecon-eu': 'KubeCon + CloudNativeCon Europe' };
  const events = [{ series: 'kubecon-eu', shortName: 'KubeCon EU 2022', city: 'Paris', country: 'France', year: 2022 }];
  const cases = Number(process.env.FUZZ_CASES ?? 300);
  const seed = Number(process.env.FUZZ_SEED ?? 1);
  test(`${cases} random texts: no exception, every proposal well formed`, () => {
    for (let i = 0; i < cases; i++) {
      const r = prng(seed + i);
      const text = Array.from({ length: 20 + r.int(400) }, () => r.pick(pieces)).join('');
      const where = `replay: FUZZ_SEED=${seed + i} FUZZ_CASES=1 node --test tests/unit/propose.test.ts`;
      for (const t of findTalks(text)) assert.ok(t.title.length >= 4 && t.speakers.every((s) => s.length > 0), where);
      const e = proposeEvent(text, series, events);
      if (e?.event.start) assert.match(e.event.start, /^\d{4}-\d{2}-\d{2}$/, where);
      // A proposed series is a valid taxonomy entry, and written in place it reads back as proposed.
      if (e?.newSeries) {
        const { id, name } = e.newSeries;
        assert.ok(taxonomySchema.safeParse({ series: { [id]: name }, toolCategories: ['x'] }).success, where);
        const added = addSeries('series:\r\n  a: A\r\ntoolCategories: [x]\r\n', id, name);
        assert.ok('text' in added, where);
        assert.deepEqual(parse(added.text).series, { a: 'A', [id]: name }, where);
        assert.equal(e.event.series, id, where);
      }
      for (const p of proposeTopics(text, topics, tools)) assert.ok(p.sections.length > 0, where);
      for (const t of proposeTools(text, () => false, ['Observability'])) {
        assert.ok(t.name.length >= 2, where);
        // What ingest writes for it is an entry tools.yaml takes, under an id or none (then only listed).
        if (!t.category) continue;
        const { id, entry } = toolEntry({ ...t, category: t.category });
        assert.ok(id === '' || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id), where);
        const parsed = toolSchema.safeParse(entry);
        assert.ok(parsed.success, `${where}: ${JSON.stringify(entry)} ${parsed.error?.message}`);
      }
    }
  });
});
