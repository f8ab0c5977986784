/** The pure parts of `npm run ingest` and `npm run new-report`, on made-up input. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile } from '@mdx-js/mdx';
import { chromeKind } from '../../src/lib/chrome.ts';
import { appendEntry, draftReport, eventEntry, idFromTitle, notOneLine } from '../../src/authoring/draft.ts';
import { escapeMdx, guessEvent, normalizeMarkdown, normalizeText } from '../../src/authoring/ingest.ts';
import { parseYaml, toYaml } from '../../src/lib/yaml.ts';
import { eventSchema } from '../../src/schemas/registries.ts';

const capture = [
  'We use cookies to improve your experience. Accept all cookies',
  'Notes from Gadget Summit',
  'Posted by Ada Example',
  '3 March 2031',
  'The first day opened with a keynote on queues, and it was packed.',
  'Queues at scale',
  'Everyone wanted fewer queues. Latency under <5 ms was the goal, and {x} braces appeared in slides.',
  '• warm pools',
  '    • sized by queue time',
  '        • not by CPU',
  '• cold starts',
  '$ kubectl get pods -A',
  'import is how the talk began.',
  'Share this post',
  'These articles may interest you',
  'diagram_final.png',
  '© 2031 Example Blog. All rights reserved.',
].join('\n');

describe('page chrome', () => {
  test('whole lines of chrome are recognized, and the author\'s sentences about the same things are not', () => {
    for (const line of ['Share this post', 'Accept all cookies', 'Subscribe to the newsletter :', '© anynines GmbH 2024', 'Powered By ConvertKit', 'screenshot-1.png', 'Posted by Ada Example', 'May 05, 2018', 'Table of Contents']) {
      assert.ok(chromeKind(line), `"${line}" is chrome`);
    }
    for (const line of ['We share this post-mortem with the team.', 'Cookies were served at the booth, and we accepted.', 'Copyright law came up in the licensing talk.', 'Comments in YAML are ignored.']) {
      assert.equal(chromeKind(line), undefined, `"${line}" is the author's`);
    }
  });
});

describe('normalizing a plain-text capture', () => {
  const { body, removed, title } = normalizeText(capture);

  test('removes the chrome and returns every removed line with what it was', () => {
    assert.deepEqual(removed.map((r) => r.line), [
      'We use cookies to improve your experience. Accept all cookies',
      'Notes from Gadget Summit',
      'Posted by Ada Example',
      '3 March 2031',
      'Share this post',
      'These articles may interest you',
      'diagram_final.png',
      '© 2031 Example Blog. All rights reserved.',
    ]);
    assert.equal(title, 'Notes from Gadget Summit');
  });

  test('keeps every sentence of the author, restores the heading, nested lists and the command', () => {
    assert.equal(
      body,
      [
        'The first day opened with a keynote on queues, and it was packed.',
        '',
        '## Queues at scale',
        '',
        'Everyone wanted fewer queues. Latency under \\<5 ms was the goal, and \\{x\\} braces appeared in slides.',
        '',
        '- warm pools',
        '  - sized by queue time',
        '    - not by CPU',
        '- cold starts',
        '',
        '```sh',
        'kubectl get pods -A',
        '```',
        '',
        '&#105;mport is how the talk began.',
        '',
      ].join('\n'),
    );
  });

  test('the draft compiles as MDX, so a pasted "<", "{" or "import" never breaks the build', async () => {
    const draft = draftReport({ title: 'Notes', event: { id: 'gadget-2031', year: 2031, city: 'Atlantis' }, author: 'Ada', body });
    await compile(draft.replace(/^---[\s\S]*?---\n/, ''));
  });
});

test('Markdown captures keep their Markdown, escaped for MDX outside code', () => {
  const { body, removed, title } = normalizeMarkdown('# Title here\n\nA <b> and {c}.\n\n```js\nconst a = {b: 1} < 2;\n```\n\nShare this post\n');
  assert.equal(title, 'Title here');
  assert.equal(body, 'A \\<b> and \\{c\\}.\n\n```js\nconst a = {b: 1} < 2;\n```\n');
  assert.deepEqual(removed.map((r) => r.line), ['# Title here', 'Share this post']);
});

test('escapeMdx leaves inline code alone', () => {
  assert.equal(escapeMdx('a {b} `c {d} <e>` <f'), 'a \\{b\\} `c {d} <e>` \\<f');
  assert.equal(escapeMdx('export this'), '&#101;xport this');
});

describe('guessing the event', () => {
  const events = [
    { id: 'gadget-2031', name: 'Gadget Summit 2031', shortName: 'Gadget 2031', city: 'Atlantis', year: 2031 },
    { id: 'gadget-2032', name: 'Gadget Summit 2032', shortName: 'Gadget 2032', city: 'Lemuria', year: 2032 },
  ];
  test('by name, city and year, saying why', () => {
    assert.deepEqual(guessEvent('We flew to Atlantis for Gadget in March 2031.', events), { id: 'gadget-2031', because: '“Gadget”, “Atlantis”, “2031”' });
  });
  test('not an edition of another year: a text naming years but not the event’s own', () => {
    assert.equal(guessEvent('We flew to Atlantis for Gadget in March 2035.', events), undefined);
  });
  test('not at all when two events fit equally or nothing fits', () => {
    assert.equal(guessEvent('Gadget was fun.', events), undefined);
    assert.equal(guessEvent('A quiet week at home.', events), undefined);
  });
});

describe('new-report', () => {
  test('a new event entry is valid YAML for the schema, dates quoted, and appended after what was there', () => {
    const entry = eventEntry({ id: 'gadget-2033', name: 'Gadget Summit 2033', shortName: 'Gadget 2033', series: 'gadget', city: 'Mu', country: 'Nowhere', start: '2033-03-01', end: '2033-03-02', summary: 'A made-up event.' });
    const before = '# comment kept\nold-event:\n  name: Old\n';
    const after = appendEntry(before, entry);
    assert.ok(after.startsWith(before), 'nothing before the new entry changes');
    const { data, problems } = parseYaml(after, 'events.yaml');
    assert.deepEqual(problems, []);
    assert.ok(eventSchema.safeParse((data as Record<string, unknown>)['gadget-2033']).success);
    assert.match(entry, /start: "2033-03-01"/);
  });

  test('a value YAML could misread is written quoted and on one line, and reads back as it was', () => {
    const values = ['2040-02-01', 'null', 'yes', '12', '1e3', 'a: b', '#x', 'a #b', "it's", '"q"', '- x', '@x', '`x`', '%x', ' lead', 'trail ', '[x]', '{x}', '*x', '&x', '!x', '|x', '>x', '? x', '\\', 'é ✓ 😀', 'x'.repeat(300), `${'word '.repeat(60)}end`];
    for (const value of values) {
      const text = toYaml({ key: value });
      assert.equal(text.split('\n').length, 1, text);
      const { data, problems } = parseYaml(`${text}\n`, 'x.yaml');
      assert.deepEqual(problems, [], text);
      assert.equal((data as { key: unknown }).key, value, text);
    }
  });

  test('an entry is appended after every byte that was there, in the file\'s line endings', () => {
    assert.equal(appendEntry('a:\n  name: A', 'b:\n  name: B\n'), 'a:\n  name: A\n\nb:\n  name: B\n');
    assert.equal(appendEntry('a:\n  name: A\n\n\n', 'b:\n  name: B\n'), 'a:\n  name: A\n\n\nb:\n  name: B\n');
    assert.equal(appendEntry('# c\r\na:\r\n  name: A\r\n', 'b:\n  name: B\n'), '# c\r\na:\r\n  name: A\r\n\r\nb:\r\n  name: B\r\n');
  });

  test('a one-line value: line breaks, tabs and control characters are refused, saying where', () => {
    assert.equal(notOneLine('Plain: "quoted" #1'), undefined);
    assert.equal(notOneLine('Two\r\nlines'), 'expected one line of text, found a line break after "Two"; write it on one line');
    assert.equal(notOneLine('A\u2029B'), 'expected one line of text, found a line break after "A"; write it on one line');
    assert.equal(notOneLine('A\tB'), 'expected one line of text without tabs, found a tab (U+0009) at character 2; use a space');
    assert.equal(notOneLine('AB\u0000'), 'expected text without control characters, found U+0000 at character 3; remove it (it is invisible, but not to a search)');
    assert.equal(notOneLine('A\u009bB'), 'expected text without control characters, found U+009B at character 2; remove it (it is invisible, but not to a search)');
  });

  test('ids come from titles and stay URL-safe', () => {
    assert.equal(idFromTitle('Café, Coffee & “Containers” 2031!'), 'cafe-coffee-containers-2031');
  });
});
