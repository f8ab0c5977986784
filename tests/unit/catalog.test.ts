import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildCatalog, neighbours, relatedReports, relatedTopics, tally, toolsInPassages, topicCoverage, type Event, type ReportInfo, type Tool, type Topic } from '../../src/lib/catalog.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const event = (id: string, start: string): Event => ({
  id, name: id, shortName: id, series: 's', year: Number(start.slice(0, 4)), city: 'C', country: 'X',
  start: day(start), end: day(start), coLocatedWith: [], summary: 's', unconfirmed: [],
});
const topic = (id: string, related: string[] = []): Topic => ({ id, title: id.toUpperCase(), summary: 's', related });
const tool = (id: string, spelling = id): Tool => ({ id, name: id, homepage: 'https://x.io', category: 'c', description: 'd', match: [spelling], unconfirmed: [] });
/** A section and the mentions the pipeline would record in it: [tool, sentence] pairs. */
const section = (id: string, text: string, mentions: [string, string][] = []) => ({ id, depth: 2, title: id, html: `<p>${text}</p>`, mentions });
const report = (id: string, ev: string, topics: [string, string[]][], tools: string[], sections: ReturnType<typeof section>[]): ReportInfo => ({
  id, title: id, event: { id: ev, collection: 'events' }, alsoCovers: [], year: 2000, city: 'C', author: { name: 'A' },
  source: { url: 'https://x.io', site: 'x' }, unconfirmed: [], summary: 's', draft: false,
  tools: tools.map((t) => ({ id: t, collection: 'tools' })),
  topics: topics.map(([t, s]) => ({ topic: { id: t, collection: 'topics' }, sections: s })),
  record: {
    headings: sections.map((s) => ({ id: s.id, depth: 2, title: s.title })),
    sections: sections.map(({ mentions: _, ...s }) => s),
    mentions: sections.flatMap((s) => s.mentions.map(([tool, sentence]) => ({ tool, section: s.id, sentence }))),
  },
});

const catalog = buildCatalog({
  events: [event('late', '2024-09-03'), event('early', '2018-05-02')],
  topics: [topic('ops', ['gitops']), topic('gitops'), topic('edge')],
  tools: [tool('helm', 'Helm'), tool('flux', 'Flux')],
  reports: [
    report('b', 'late', [['ops', ['s1']]], ['helm'], [section('s1', 'We liked Helm. Operators again.', [['helm', 'We liked Helm.']])]),
    report('a', 'early', [['ops', ['s1']], ['gitops', ['s1', 's2']]], ['flux', 'helm'], [
      section('s1', 'Flux and Helm.', [['flux', 'Flux and Helm.'], ['helm', 'Flux and Helm.']]),
      section('s2', 'GitOps and Helm.', [['helm', 'GitOps and Helm.']]),
    ]),
    report('c', 'late', [['edge', ['s1']]], [], [section('s1', 'Edge.')]),
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

  test('throws on an id that crossCheck should have caught', () => {
    assert.throws(() => buildCatalog({ events: [], topics: [], tools: [], reports: [report('x', 'nope', [], [], [])] }), /unknown event "nope"/);
  });
});

describe('derived lists', () => {
  const [, b, c] = catalog.reports as [typeof catalog.reports[0], typeof catalog.reports[0], typeof catalog.reports[0]];
  test('related reports share topics (×2) or tools (×1), best first, never the report itself', () => {
    assert.deepEqual(relatedReports(b, catalog.reports).map((r) => r.id), ['a']);
    assert.deepEqual(relatedReports(c, catalog.reports), []);
  });
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
