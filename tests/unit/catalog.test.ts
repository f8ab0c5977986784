import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalog, names, neighbours, passagesByReport, personRecord, relatedTopics, reportCount, reportFacets, talksByEventGroup, tally, toolsInPassages, topicCoverage, type Event, type Person, type ReportInfo, type TalkInfo, type Tool, type Topic } from '../../src/lib/catalog.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const event = (id: string, start: string): Event => ({
  id, name: id, shortName: id, series: 's', year: Number(start.slice(0, 4)), city: 'C', country: 'X',
  start: day(start), end: day(start), coLocatedWith: [], summary: 's', unconfirmed: [],
});
const topic = (id: string, related: string[] = []): Topic => ({ id, title: id.toUpperCase(), summary: 's', related });
const tool = (id: string, spelling = id): Tool => ({ id, name: id, homepage: 'https://x.io', category: 'c', description: 'd', match: [spelling], unconfirmed: [] });
/** A section and the mentions the pipeline would record in it: [tool, sentence] pairs. */
const section = (id: string, text: string, mentions: [string, string][] = []) => ({ id, depth: 2, title: id, html: `<p>${text}</p>`, mentions });
const person = (id: string): Person => ({ id, name: id.toUpperCase(), unconfirmed: [] });
const talk = (id: string, ev: string, speakers: string[]): TalkInfo => ({ id, title: `Talk ${id}`, event: ev, speakers, kind: 'talk', unconfirmed: [] });
const report = (id: string, ev: string, topics: [string, string[]][], tools: string[], sections: ReturnType<typeof section>[], extra: { author?: string; talks?: [string, string[]][]; published?: string } = {}): ReportInfo => ({
  id, title: id, event: { id: ev, collection: 'events' }, alsoCovers: [], year: 2000, city: 'C', author: { id: extra.author ?? 'ann', collection: 'people' },
  ...(extra.published ? { published: day(extra.published) } : {}),
  talks: (extra.talks ?? []).map(([t, s]) => ({ talk: { id: t, collection: 'talks' }, sections: s })),
  source: { url: 'https://x.io', site: 'x' }, unconfirmed: [], summary: 's', draft: false,
  tools: tools.map((t) => ({ id: t, collection: 'tools' })),
  topics: topics.map(([t, s]) => ({ topic: { id: t, collection: 'topics' }, sections: s })),
  record: {
    headings: sections.map((s) => ({ id: s.id, depth: 2, title: s.title })),
    sections: sections.map(({ mentions: _, ...s }) => s),
    mentions: sections.flatMap((s) => s.mentions.map(([tool, sentence]) => ({ tool, section: s.id, sentence }))),
    words: sections.length * 10,
    links: [],
  },
});

const catalog = buildCatalog({
  events: [event('late', '2024-09-03'), event('early', '2018-05-02')],
  topics: [topic('ops', ['gitops']), topic('gitops'), topic('edge')],
  tools: [tool('helm', 'Helm'), tool('flux', 'Flux')],
  people: [person('ann'), person('bob'), person('cy')],
  // 'keynote' is covered by reports b (older) and c (newer); bob gave it and wrote c.
  talks: [talk('keynote', 'late', ['bob', 'cy']), talk('early-talk', 'early', []), talk('silent', 'late', ['cy'])],
  reports: [
    report('b', 'late', [['ops', ['s1']]], ['helm'], [section('s1', 'We liked Helm. Operators again.', [['helm', 'We liked Helm.']])], { talks: [['keynote', ['s1']]], published: '2024-09-10' }),
    report('a', 'early', [['ops', ['s1']], ['gitops', ['s1', 's2']]], ['flux', 'helm'], [
      section('s1', 'Flux and Helm.', [['flux', 'Flux and Helm.'], ['helm', 'Flux and Helm.']]),
      section('s2', 'GitOps and Helm.', [['helm', 'GitOps and Helm.']]),
    ], { talks: [['early-talk', ['s2']]] }),
    report('c', 'late', [['edge', ['s1']]], [], [section('s1', 'Edge.'), section('s2', 'Keynote.')], { author: 'bob', talks: [['keynote', ['s1', 's2']]], published: '2024-09-20' }),
  ],
});

describe('buildCatalog', () => {
  test('orders reports and events by event date, resolving references', () => {
    assert.deepEqual(catalog.reports.map((r) => r.id), ['a', 'b', 'c']);
    assert.deepEqual(catalog.events.map((e) => e.id), ['early', 'late']);
    assert.equal(catalog.reports[0]!.event.id, 'early');
    assert.deepEqual(catalog.reports[0]!.tools.map((t) => t.id), ['flux', 'helm'], 'tools sorted by name');
  });

  test('files passages under topics in event order, one per section', () => {
    assert.deepEqual(catalog.passagesByTopic.get('ops')!.map((p) => `${p.report.id}#${p.section.id}`), ['a#s1', 'b#s1']);
    assert.deepEqual(catalog.passagesByTopic.get('gitops')!.map((p) => p.section.id), ['s1', 's2']);
  });

  test('takes the first recorded mention of each listed tool, with its section', () => {
    const helm = catalog.mentionsByTool.get('helm')!;
    assert.deepEqual(helm.map((m) => [m.report.id, m.section?.id, m.sentence]), [['a', 's1', 'Flux and Helm.'], ['b', 's1', 'We liked Helm.']]);
  });

  test('throws on an id that checkReports should have caught', () => {
    assert.throws(() => buildCatalog({ events: [], topics: [], tools: [], people: [person('ann')], talks: [], reports: [report('x', 'nope', [], [], [])] }), /unknown event "nope"/);
  });
});

describe('derived lists', () => {
  const [, b, c] = catalog.reports as [typeof catalog.reports[0], typeof catalog.reports[0], typeof catalog.reports[0]];
  test('neighbours within an event', () => {
    assert.deepEqual(neighbours(b, [b, c]), { prev: undefined, next: c });
    assert.deepEqual(neighbours(c, [b, c]), { prev: b, next: undefined });
  });
  test('tally counts each item once per list, most frequent first', () => {
    assert.deepEqual(tally([[{ id: 'x' }, { id: 'x' }, { id: 'y' }], [{ id: 'y' }]], (i) => i.id).map((t) => [t.item.id, t.count]), [['y', 2], ['x', 1]]);
  });
  test('tools in passages count a tool once per passage that mentions it', () => {
    const counts = toolsInPassages(catalog.passagesByTopic.get('gitops')!, catalog.tools).map((t) => [t.item.id, t.count]);
    assert.deepEqual(counts, [['helm', 2], ['flux', 1]]);
  });
  test('topic coverage counts distinct reports and events', () => {
    assert.deepEqual(topicCoverage(catalog.passagesByTopic.get('ops')!), { reports: 2, events: 2 });
    assert.deepEqual(topicCoverage([]), { reports: 0, events: 0 });
  });
  test('related topics: the registry’s list first, then topics filed on the same sections', () => {
    const ops = catalog.topics.find((t) => t.id === 'ops')!;
    assert.deepEqual(relatedTopics(ops, catalog.passagesByTopic.get('ops')!, catalog.topics).map((t) => t.id), ['gitops']);
    const gitops = catalog.topics.find((t) => t.id === 'gitops')!;
    assert.deepEqual(relatedTopics(gitops, catalog.passagesByTopic.get('gitops')!, catalog.topics).map((t) => t.id), ['ops']);
  });
});

describe('talks and people', () => {
  test('talks are ordered by event date, resolved, and grouped under their events', () => {
    assert.deepEqual(catalog.talks.map((t) => t.id), ['early-talk', 'keynote', 'silent']);
    assert.deepEqual(catalog.talks[1]!.speakers.map((p) => p.id), ['bob', 'cy']);
    assert.deepEqual(talksByEventGroup(catalog.talks).map((g) => [g.event.id, g.talks.map((t) => t.id)]), [['early', ['early-talk']], ['late', ['keynote', 'silent']]]);
    assert.deepEqual(catalog.talksByEvent.get('late')!.map((t) => t.id), ['keynote', 'silent']);
  });

  test('a talk gathers its passages from every report, newest report first, and counts reports once', () => {
    const passages = catalog.passagesByTalk.get('keynote')!;
    assert.deepEqual(passages.map((p) => `${p.report.id}#${p.section.id}`), ['c#s1', 'c#s2', 'b#s1']);
    assert.equal(reportCount(passages), 2);
    assert.deepEqual(passagesByReport(passages).map((r) => [r.report.id, r.sections.map((s) => s.id)]), [['c', ['s1', 's2']], ['b', ['s1']]]);
    assert.equal(catalog.passagesByTalk.get('silent'), undefined);
  });

  test('a report resolves its author and talks', () => {
    const c = catalog.reports.find((r) => r.id === 'c')!;
    assert.equal(c.author.name, 'BOB');
    assert.deepEqual(c.talks.map((t) => [t.talk.id, t.sections.map((s) => s.id)]), [['keynote', ['s1', 's2']]]);
  });

  test('a person: talks given, reports written, and events as speaker and/or author', () => {
    const bob = personRecord(catalog.people.find((p) => p.id === 'bob')!, catalog);
    assert.deepEqual(bob.talks.map((t) => t.id), ['keynote']);
    assert.deepEqual(bob.reports.map((r) => r.id), ['c']);
    assert.deepEqual(bob.events.map((e) => [e.event.id, e.as]), [['late', ['speaker', 'author']]]);
    const ann = personRecord(catalog.people.find((p) => p.id === 'ann')!, catalog);
    assert.deepEqual(ann.events.map((e) => [e.event.id, e.as]), [['early', ['author']], ['late', ['author']]]);
    assert.deepEqual(personRecord(catalog.people.find((p) => p.id === 'cy')!, catalog).events.map((e) => [e.event.id, e.as]), [['late', ['speaker']]]);
  });

  test('search facets: the author, talks and their speakers by id', () => {
    const facets = reportFacets(catalog.reports.find((r) => r.id === 'c')!);
    assert.deepEqual(facets.filter((f) => ['author', 'talk', 'speaker'].includes(f.facet)).map((f) => `${f.facet}:${f.id}`), ['author:bob', 'talk:keynote', 'speaker:bob', 'speaker:cy']);
  });

  test('names reads as a list', () => {
    assert.equal(names([]), 'Speaker unknown');
    assert.equal(names([{ name: 'A' }, { name: 'B' }, { name: 'C' }]), 'A, B and C');
  });
});
