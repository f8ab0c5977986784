import assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkContent } from '../../src/check/index.ts';
import { fixReports } from '../../src/check/fix.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { checkProblems as problems } from '../helpers/check.ts';
import { corpus, files, report, withBody } from '../helpers/corpus.ts';

const edit = (from: string, to: string) => (text: string) => text.replace(from, to);
/** The report with a `talks:` list (lines 18 on) after its topics. */
const withTalks = (talks: string) => edit('    sections: [hallway]\n---', `    sections: [hallway]\ntalks:\n${talks}---`);

describe('the check on valid content', () => {
  test('the made-up corpus has no problems', () => {
    assert.deepEqual(problems(), []);
  });

  test('the real content has no problems (whatever it holds)', () => {
    const result = checkContent();
    assert.deepEqual(result.problems.map(formatProblem), []);
    assert.ok(result.reports.length > 0 && result.events.length > 0);
  });
});

// Each case: what is broken, and every line the check prints for it, exactly.
const cases: [string, Parameters<typeof corpus>[0], string[]][] = [
  ['a missing field', { [report]: edit('title: First visit\n', '') }, [
    'reports/first-visit.mdx:2: title: expected text, found nothing',
  ]],
  ['a wrong type', { [report]: edit('year: 2031', 'year: "2031"') }, [
    'reports/first-visit.mdx:4: year: expected a year such as 2022, found string "2031"',
  ]],
  ['an impossible quoted date', { [report]: edit('published: "2031-03-10"', 'published: "2031-02-30"') }, [
    'reports/first-visit.mdx:7: published: expected a real calendar date "YYYY-MM-DD", found string "2031-02-30"',
  ]],
  ['an unquoted date, which YAML rolls over, with the reason', { [report]: edit('published: "2031-03-10"', 'published: 2031-13-45') }, [
    'reports/first-visit.mdx:7: published: expected a quoted date such as "2022-06-28", found an unquoted YAML date (2032-02-14); quote it, because YAML silently turns impossible dates like 2022-13-45 into real ones',
  ]],
  ['an unknown event, with the nearest id', { [report]: edit('event: devconf-2031', 'event: devconf-2013') }, [
    'reports/first-visit.mdx:3: event: expected an id from events.yaml, found "devconf-2013"; did you mean "devconf-2031"?',
  ]],
  ['an unknown topic and tool', { [report]: edit('tools: [bat, quiver]', 'tools: [bat, quiverr]').bind(null) }, [
    'reports/first-visit.mdx:12: tools[1]: expected an id from tools.yaml, found "quiverr"; did you mean "quiver"?',
    'reports/first-visit.mdx:12: tools: expected exactly the tools the text mentions, found "quiver" mentioned in the text but not listed; add "quiver" (npm run check -- --fix does it)',
  ]],
  ['year and city disagreeing with the event', { [report]: (s) => s.replace('year: 2031', 'year: 2032').replace('city: Atlantis', 'city: Lemuria') }, [
    'reports/first-visit.mdx:4: year: expected 2031 (the year of devconf-2031), found 2032',
    'reports/first-visit.mdx:5: city: expected "Atlantis" (the city of devconf-2031), found "Lemuria"',
  ]],
  ['tools listed but not mentioned, and mentioned but not listed', { [report]: edit('tools: [bat, quiver]', 'tools: [loomctl, quiver]') }, [
    'reports/first-visit.mdx:12: tools: expected exactly the tools the text mentions, found "bat" mentioned in the text but not listed, and "loomctl" listed but never mentioned in the text; add "bat" and remove "loomctl" (npm run check -- --fix does it)',
  ]],
  ['a topic section that is not a heading', { [report]: edit('sections: [hallway]', 'sections: [halway]') }, [
    'reports/first-visit.mdx:17: topics[1].sections[0]: expected the id of a ## or ### heading in this report, found "halway"; did you mean "hallway"?',
  ]],
  ['a topic twice', { [report]: edit('topic: tooling', 'topic: packaging') }, [
    'reports/first-visit.mdx:16: topics[1].topic: expected each topic once, found "packaging" again',
  ]],
  ['an unknown (misspelt) field', { [report]: edit('summary:', 'sumary:') }, [
    'reports/first-visit.mdx:2: summary: expected text, found nothing',
    'reports/first-visit.mdx:11: sumary: expected only the fields described in content/README.md, found "sumary"; did you mean "summary"?',
  ]],
  ['a published date long before the event', { [report]: edit('published: "2031-03-10"', 'published: "2029-01-01"') }, [
    'reports/first-visit.mdx:7: published: expected a date after "2030-03-04" (a report is written around its event, devconf-2031 on "2031-03-04"), found "2029-01-01"',
  ]],
  ['a finished report without topics, or with a TODO summary', { [report]: (s) => s.replace(/topics:[\s\S]*?---/, 'topics: []\n---').replace('summary: A made-up', 'summary: TODO a made-up') }, [
    'reports/first-visit.mdx:11: summary: expected a summary of the report, found the placeholder "TODO"; write one or two sentences, or keep `draft: true`',
    'reports/first-visit.mdx:13: topics: expected at least one topic (readers find reports through their topics), found none; add one, or keep `draft: true` until it has one',
  ]],
  ['a draft may leave topics and summary for later', { [report]: (s) => s.replace(/topics:[\s\S]*?---/, 'topics: []\ndraft: true\n---').replace('summary: A made-up', 'summary: TODO a made-up') }, []],
  ['a file name that cannot be a URL', { 'reports/First Visit.mdx': files[report]! }, [
    'reports/First Visit.mdx: (file name): expected lower-case words joined by hyphens, as it becomes the URL /reports/<name>/, found "First Visit"',
  ]],
  ['a report that is not .mdx', { 'reports/notes.md': '# notes\n' }, [
    'reports/notes.md: (file name): expected a report ending in .mdx, found "notes.md"; rename it, or move it out of the reports folder',
  ]],
];

const peopleAndTalkCases: typeof cases = [
  ['a report tied to a talk of its event, by heading id, is fine', { [report]: withTalks('  - talk: quiver-keynote\n    sections: [packaging-talks]\n') }, []],
  ['an unknown author, with the nearest person', { [report]: edit('author: ada-example', 'author: ada-exampel') }, [
    'reports/first-visit.mdx:6: author: expected an id from people.yaml, found "ada-exampel"; did you mean "ada-example"?',
  ]],
  ['an unknown speaker id in talks.yaml, with the nearest person', { 'talks.yaml': edit('speakers: [bo-speaker]', 'speakers: [bo-speakr]') }, [
    'talks.yaml:4: quiver-keynote.speakers[0]: expected an id from people.yaml, found "bo-speakr"; did you mean "bo-speaker"?',
  ]],
  ['a talk at an unknown event, and an unknown kind', { 'talks.yaml': (s) => s.replace('event: devconf-2032', 'event: devconf-2023').replace('kind: keynote', 'kind: hackathon') }, [
    'talks.yaml:5: quiver-keynote.kind: expected one of talk, keynote, panel, fireside chat, SIG session, lightning talk, workshop, found string "hackathon"',
    'talks.yaml:9: loom-talk.event: expected an id from events.yaml, found "devconf-2023"; did you mean "devconf-2031"?',
  ]],
  ['a report tying a passage to a talk of another event', { [report]: withTalks('  - talk: loom-talk\n    sections: [hallway]\n') }, [
    'reports/first-visit.mdx:19: talks[0].talk: expected a talk at "devconf-2031" (the report\'s event), found "loom-talk", a talk at "devconf-2032"',
  ]],
  ['a talk of an event the report also covers is fine', { [report]: (s) => withTalks('  - talk: loom-talk\n    sections: [hallway]\n')(s).replace('event: devconf-2031\n', 'event: devconf-2031\nalsoCovers: [devconf-2032]\n') }, []],
  ['an unknown talk id, and a talk section that is not a heading', { [report]: withTalks('  - talk: quiver-keynot\n    sections: [packagng-talks]\n') }, [
    'reports/first-visit.mdx:19: talks[0].talk: expected an id from talks.yaml, found "quiver-keynot"; did you mean "quiver-keynote"?',
    'reports/first-visit.mdx:20: talks[0].sections[0]: expected the id of a ## or ### heading in this report, found "packagng-talks"; did you mean "packaging-talks"?',
  ]],
  ['a talk twice', { [report]: withTalks('  - talk: quiver-keynote\n    sections: [hallway]\n  - talk: quiver-keynote\n    sections: [packaging-talks]\n') }, [
    'reports/first-visit.mdx:21: talks[1].talk: expected each talk once, found "quiver-keynote" again',
  ]],
  ['a recording that is not http(s), and a misspelt person field', { 'talks.yaml': edit('kind: keynote', 'kind: keynote\n  recording: ftp://video.example/x'), 'people.yaml': edit('organisation: Example Org', 'organization: Example Org') }, [
    'people.yaml:6: bo-speaker.organization: expected only the fields described in the comment at the top of people.yaml, found "organization"; did you mean "organisation"?',
    'talks.yaml:6: quiver-keynote.recording: expected an absolute http(s) URL, found string "ftp://video.example/x"',
  ]],
];

const registryCases: typeof cases = [
  ['sites.yaml (optional): a base URL without its "/", a field missing, and the id that names this site', {
    'sites.yaml': 'platform:\n  name: Platform team\n  url: https://platform.example/kb\ndata:\n  url: https://data.example/\nhere:\n  name: Us\n  url: https://us.example/\n',
  }, [
    'sites.yaml:3: platform.url: expected the site\'s base URL, ending in "/" (its search index is at <url>pagefind/), found string "https://platform.example/kb"',
    'sites.yaml:4: data.name: expected text, found nothing',
    'sites.yaml:6: here: expected another id, found "here", which names this site in search addresses; rename it after the team',
  ]],
  ['an event ending before it starts', { 'events.yaml': edit('end: "2031-03-05"', 'end: "2031-02-05"') }, [
    'events.yaml:9: devconf-2031.end: expected a day on or after the start ("2031-03-04"), found "2031-02-05"',
  ]],
  ['a series and a category outside their lists', { 'events.yaml': edit('series: devconf\n  year: 2031', 'series: devconff\n  year: 2031'), 'tools.yaml': edit('category: Packaging', 'category: Packagin') }, [
    'events.yaml:4: devconf-2031.series: expected one of the series in taxonomy.yaml, found "devconff"; did you mean "devconf"?',
    'tools.yaml:4: quiver.category: expected one of the toolCategories in taxonomy.yaml, found "Packagin"; did you mean "Packaging"?',
  ]],
  ['an unknown related topic', { 'topics.yaml': edit('related: [packaging]', 'related: [packagin]') }, [
    'topics.yaml:8: tooling.related[0]: expected an id from topics.yaml, found "packagin"; did you mean "packaging"?',
  ]],
  ['a duplicate id', { 'tools.yaml': (s) => `${s}\nquiver:\n  name: Again\n` }, [
    'tools.yaml:25: (yaml): expected valid YAML, found an error: Map keys must be unique',
  ]],
  ['a YAML alias (an alias bomb costs nothing: refused before expansion)', {
    'events.yaml': (s) => `${s}\nbomb-a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]\nbomb-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nbomb-c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n`,
  }, [
    'events.yaml:24: (yaml): expected plain values, found the alias "*a"; write the value out (aliases are not allowed, so none is expanded)',
    'events.yaml:25: (yaml): expected plain values, found the alias "*b"; write the value out (aliases are not allowed, so none is expanded)',
  ]],
];

const sourceCases: typeof cases = [
  ['a kept capture with its notes is fine', { 'sources/first-visit.txt': 'We went to the conference.\nShare this post\n', 'sources/first-visit.yaml': 'removed:\n  - "Share this post"\ncorrections: []\n' }, []],
  ['a capture of no report, and notes of no capture', { 'sources/lost.txt': 'text', 'sources/first-visit.yaml': 'removed: []\n' }, [
    'sources/first-visit.yaml: (file name): expected notes on the capture first-visit.txt, found no such capture',
    'sources/lost.txt: (file name): expected a capture of a report, found no report "lost" in the reports folder; rename it after its report',
  ]],
  ['malformed notes', { 'sources/first-visit.txt': 'text', 'sources/first-visit.yaml': 'removed: 3\ncorections: []\n' }, [
    'sources/first-visit.yaml:1: removed: expected a list, found a number',
    'sources/first-visit.yaml:2: corections: expected only the fields described in content/README.md, found "corections"; did you mean "corrections"?',
  ]],
];

const fileCases: typeof cases = [
  ['Latin-1 bytes: not UTF-8, and where', { [report]: Buffer.from(files[report]!.replace('We went to the conference.', 'We went to the caf\u00e9.'), 'latin1') }, [
    'reports/first-visit.mdx:20: (encoding): expected UTF-8 text, found the byte 0xE9 at column 19, which is not UTF-8 (the file is probably Latin-1 or Windows-1252); save it as UTF-8',
  ]],
  ['an empty file', { [report]: '' }, [
    'reports/first-visit.mdx:1: (file): expected a report (frontmatter between "---" lines, then the text), found an empty file',
  ]],
  ['no opening fence', { [report]: (s) => s.slice(4) }, [
    'reports/first-visit.mdx:1: (frontmatter): expected "---" on the first line to open the frontmatter, found "title: First visit"',
  ]],
  ['no closing fence', { [report]: (s) => s.replace(/\n---\n/, '\n\n') }, [
    'reports/first-visit.mdx:29: (frontmatter): expected a closing "---" line after the frontmatter, found the end of the file',
  ]],
  ['an over-long line (a clear limit instead of a stack overflow)', { [report]: withBody('word '.repeat(5000)) }, [
    'reports/first-visit.mdx:20: (file): expected lines of at most 20,000 characters, found one of 25,000; break it into paragraphs',
  ]],
];

const bodyCases: typeof cases = [
  ['import and export', { [report]: withBody("import { execSync } from 'node:child_process'\n\nexport const x = 1") }, [
    `reports/first-visit.mdx:20: body: expected text, found the import statement "import { execSync } from 'node:child_process'"; reports cannot import or export code (to start a line with the word, write &#105;mport or &#101;xport)`,
    'reports/first-visit.mdx:22: body: expected text, found the export statement "export const x = 1"; reports cannot import or export code (to start a line with the word, write &#105;mport or &#101;xport)',
  ]],
  ['expressions in text and flow', { [report]: withBody('Home is {process.env.HOME}.\n\n{1 + 1}') }, [
    'reports/first-visit.mdx:20: body: expected text, found the expression "{process.env.HOME}"; reports cannot run code (write \\{ for a literal "{")',
    'reports/first-visit.mdx:22: body: expected text, found the expression "{1 + 1}"; reports cannot run code (write \\{ for a literal "{")',
  ]],
  ['expressions in <Ed> attributes, spread attributes and unknown attributes', { [report]: withBody('A <Ed was={process.env.HOME}>b</Ed> c <Ed {...x} note="n" /> d <Ed by="me" note="n" /> e <Ed />') }, [
    'reports/first-visit.mdx:20: body: <Ed was> expected a quoted string, found the expression "{process.env.HOME}"; write was="…" (reports cannot run code)',
    'reports/first-visit.mdx:20: body: <Ed> expected was="…" or note="…", found the expression "{...x}"; reports cannot run code',
    'reports/first-visit.mdx:20: body: <Ed> expected the attributes was="…" and note="…", found "by"',
    'reports/first-visit.mdx:20: body: <Ed> expected a was="…" or note="…" attribute, found neither',
  ]],
  ['empty braces are refused (they are not a comment)', { [report]: withBody('Set {} is empty.') }, [
    'reports/first-visit.mdx:20: body: expected text, found the expression "{}"; reports cannot run code (write \\{ for a literal "{")',
  ]],
  ['an MDX comment is allowed, even after a heading', { [report]: withBody('## Notes {/* keep this short */}\n\nText {/* and this */} here.') }, []],
  ['a component other than <Ed>', { [report]: withBody('<Slides src="x" />') }, [
    'reports/first-visit.mdx:20: body: expected text or an <Ed> editor\'s note, found <Slides>; only <Ed> is available in reports (write \\< or &lt; for a literal "<")',
  ]],
  ['links to anything but http, https, mailto and this site', { [report]: withBody('[x](javascript:alert(9)), [y](JAVASCRIPT:alert(1)), [z](&#106;avascript:alert(2)), ![i](data:image/png;base64,AAAA), [r] and [ok](https://a.example) [m](mailto:a@b.example) [in](/topics/packaging/) [frag](#hallway)\n\n[r]: javascript:alert(15)') }, [
    'reports/first-visit.mdx:20: body: expected a link to http:, https:, mailto: or a page of this site, found "javascript:alert(9)"',
    'reports/first-visit.mdx:20: body: expected a link to http:, https:, mailto: or a page of this site, found "JAVASCRIPT:alert(1)"',
    'reports/first-visit.mdx:20: body: expected a link to http:, https:, mailto: or a page of this site, found "javascript:alert(2)"',
    'reports/first-visit.mdx:20: body: expected a link to http:, https:, mailto: or a page of this site, found "data:image/png;base64,AAAA"',
    'reports/first-visit.mdx:22: body: expected a link to http:, https:, mailto: or a page of this site, found "javascript:alert(15)"',
  ]],
  ['a literal "<" pasted from a blog: the line, column and the fix', { [report]: withBody('Keep latency <5ms.') }, [
    'reports/first-visit.mdx:20: body: expected MDX text, found a "<" that MDX reads as the start of a tag at column 15 (Unexpected character `5` (U+0035) before name, expected a character that can start a name, such as a letter, `$`, or `_`); write \\< or &lt; for a literal "<"',
  ]],
  ['an unclosed "{"', { [report]: withBody('A set {a, b is open.') }, [
    'reports/first-visit.mdx:20: body: expected MDX text, found a "{" that MDX reads as the start of code at column 7 (Unexpected end of file in expression, expected a corresponding closing brace for `{`); write \\{ for a literal "{" (and \\} for "}")',
  ]],
  ['leftover page chrome, and TODO placeholders in a finished report', { [report]: withBody('Share this post\n\n- © 2031 Example Blog. All rights reserved.\n\nTODO: finish this.\n\n```\nShare this post\n```') }, [
    'reports/first-visit.mdx:20: body: expected the author\'s text, found page chrome "Share this post" (a share button); remove it',
    'reports/first-visit.mdx:22: body: expected the author\'s text, found page chrome "© 2031 Example Blog. All rights reserved." (a footer); remove it',
    'reports/first-visit.mdx:24: body: expected the report\'s text, found the placeholder "TODO: finish this."; finish it, or keep `draft: true`',
  ]],
  ['headings: a # heading, one without letters, a duplicate, an empty section', { [report]: withBody('# Big\n\nText.\n\n## 🚀\n\nText.\n\n## Hallway\n\nMore.\n\n## Empty\n\n## Filled\n\nText.') }, [
    'reports/first-visit.mdx:20: body: expected headings from ## down (the page shows the title as its only # heading), found "# Big"; write ## Big',
    'reports/first-visit.mdx:24: body: expected a heading with letters or digits (its link id is made of them), found "🚀"; add words to it',
    'reports/first-visit.mdx:32: body: expected text under the heading "Empty", found the next heading; add text or remove the heading',
    'reports/first-visit.mdx:44: body: expected each heading once (its link id must be unique), found "Hallway" again (first on line 28); rename one',
  ]],
];

/** Today as the check sees it (where the day is furthest on), for the future-date message. */
const latest = new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

// Inputs that once crashed a parser or slipped through (issue 18): each is a problem in our format, or nothing.
const parserCases: [string, Parameters<typeof corpus>[0], string[]][] = [
  ['an unclosed tag', { [report]: withBody('<Aside type="note">\n\nHello.') }, [
    'reports/first-visit.mdx:20: body: expected MDX text, found a tag left open or closed by another at column 1 (Expected a closing tag for `<Aside>`); close each tag where it ends, in the same paragraph (<Ed note="…">…</Ed>), or write \\< or &lt; for a literal "<"',
  ]],
  ['a mismatched closing tag', { [report]: withBody('Hello <Ed note="n">there</Aside>.') }, [
    'reports/first-visit.mdx:20: body: expected MDX text, found a tag left open or closed by another at column 25 (Unexpected closing tag `</Aside>`, expected corresponding closing tag for `<Ed>`); close each tag where it ends, in the same paragraph (<Ed note="…">…</Ed>), or write \\< or &lt; for a literal "<"',
  ]],
  ['invalid numeric character references in links are text, as in HTML', { [report]: withBody('[the docs](https://example.com/wiki/Foo&#bar), [a](https://a.example/&#99999999), [b](https://a.example/&#0;), [c](https://a.example/&#xD800;) and &#99999999; &#0;') }, []],
  ['2,000 nested quotes on one line', { [report]: withBody('>'.repeat(2000)) }, [
    'reports/first-visit.mdx:20: body: expected at most 32 levels of nesting, found 2000 (quotes, lists, emphasis, links or tags inside one another); flatten it: a quote or list rarely needs more than three levels',
  ]],
  ['deep lists and emphasis, and 32 levels, which are fine', { [report]: withBody(`${'> '.repeat(32)}Deep but fine.\n\n${'- '.repeat(40)}x\n\n${'*a '.repeat(50)}b${'*'.repeat(50)}`) }, [
    'reports/first-visit.mdx:22: body: expected at most 32 levels of nesting, found 50 (quotes, lists, emphasis, links or tags inside one another); flatten it: a quote or list rarely needs more than three levels',
  ]],
  ['control characters in a title, a summary and a body', { [report]: (s) => s.replace('title: First visit', 'title: "First\\0 visit"').replace('summary: A made-up report for tests.', 'summary: "\\x85A made-up report for tests."').replace('We went to', 'We\u0000 went\u001b to') }, [
    'reports/first-visit.mdx:2: title: expected text without control characters, found U+0000 after "First"; delete it (an invisible character, often pasted from a PDF or a terminal)',
    'reports/first-visit.mdx:11: summary: expected text without control characters, found U+0085 at its start; delete it (an invisible character, often pasted from a PDF or a terminal)',
    'reports/first-visit.mdx:20: body: expected text without control characters, found U+0000 at column 3; delete it (an invisible character, often pasted from a PDF or a terminal)',
  ]],
  ['a NUL and a lone surrogate in registry fields', { 'events.yaml': edit('name: DevConf Imaginary 2031', 'name: "DevConf\\0 Imaginary 2031"'), 'people.yaml': edit('name: Ada Example', 'name: "Ada \\uD800Example"') }, [
    'events.yaml:2: devconf-2031.name: expected text without control characters, found U+0000 after "DevConf"; delete it (an invisible character, often pasted from a PDF or a terminal)',
    'people.yaml:2: ada-example.name: expected text without control characters, found U+D800 after "Ada "; delete it (an invisible character, often pasted from a PDF or a terminal)',
  ]],
  ['a published date in the future, without a reason', { [report]: (s) => s.replace(/scheduled: .*\n/, '').replace('"2031-03-10"', '"2031-04-01"') }, [
    `reports/first-visit.mdx:7: published: expected a date not after today (${latest}), found "2031-04-01"; correct the date, or say why it is in the future in \`scheduled: "…"\``,
  ]],
  ['impossible dates in a registry, quoted and not', { 'events.yaml': (s) => s.replace('start: "2031-03-04"', 'start: 2022-13-45').replace('end: "2031-03-05"', 'end: "2031-02-30"') }, [
    'events.yaml:8: devconf-2031.start: expected a quoted date such as "2022-06-28", found an unquoted YAML date (2023-02-14); quote it, because YAML silently turns impossible dates like 2022-13-45 into real ones',
    'events.yaml:9: devconf-2031.end: expected a real calendar date "YYYY-MM-DD", found string "2031-02-30"',
  ]],
];

for (const [title, list] of [
  ['a broken report names the file, line and field', cases],
  ['a broken registry names the file, line and entry', registryCases],
  ['people and talks', peopleAndTalkCases],
  ['a file no parser should see', fileCases],
  ['a kept capture and its notes', sourceCases],
  ['a report body is data, never code', bodyCases],
  ['no input crashes the parser', parserCases],
] as const) {
  describe(title, () => {
    for (const [name, changes, expected] of list) test(name, () => assert.deepEqual(problems(changes), expected));
  });
}

describe('--fix writes what can be derived, and nothing else', () => {
  const broken = (s: string) =>
    s
      .replace('year: 2031\n', '')
      .replace('city: Atlantis', 'city: atlantis')
      .replace('tools: [bat, quiver]', 'tools: [loomctl]')
      .replace('sections: [packaging-talks]', 'sections: [Packaging talks]');

  test('year, city, tools and section ids are written; every other line is kept; a second run changes nothing', () => {
    const dir = corpus({ [report]: broken });
    try {
      const path = join(dir, report);
      const changes = fixReports(checkContent({ dir })).map((c) => c.replace(`${dir}/`, ''));
      assert.deepEqual(changes, [
        'reports/first-visit.mdx: year: added 2031',
        'reports/first-visit.mdx:4: city: atlantis → "Atlantis"',
        'reports/first-visit.mdx:11: tools: [loomctl] → [bat, quiver]',
        'reports/first-visit.mdx:14: topics[0].sections[0]: "Packaging talks" → packaging-talks',
      ]);
      assert.equal(readFileSync(path, 'utf8'), files[report], 'the fixed file equals the original, line for line');
      assert.deepEqual(checkContent({ dir }).problems, []);
      assert.deepEqual(fixReports(checkContent({ dir })), [], 'idempotent');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('talk sections written as heading text become ids, through the same code as topics', () => {
    const dir = corpus({ [report]: withTalks('  - talk: quiver-keynote\n    sections: [Packaging talks, hallway]\n') });
    try {
      const changes = fixReports(checkContent({ dir })).map((c) => c.replace(`${dir}/`, ''));
      assert.deepEqual(changes, ['reports/first-visit.mdx:20: talks[0].sections[0]: "Packaging talks" → packaging-talks']);
      assert.match(readFileSync(join(dir, report), 'utf8'), /talks:\n {2}- talk: quiver-keynote\n {4}sections: \[packaging-talks, hallway\]\n---/);
      assert.deepEqual(checkContent({ dir }).problems, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a report that is already right is not written at all', () => {
    const dir = corpus();
    try {
      const path = join(dir, report);
      writeFileSync(path, files[report]!);
      assert.deepEqual(fixReports(checkContent({ dir })), []);
      assert.equal(readFileSync(path, 'utf8'), files[report]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
