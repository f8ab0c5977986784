import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { check, reportFiles } from '../helpers/content.ts';

const file = 'content/reports/containerdays-2024-hamburg.mdx';
const original = readFileSync(file, 'utf8');

/** Checks the real content with one file's text replaced, e.g. broken(s => s.replace(a, b)). */
function broken(edit: (text: string) => string, path = file, base = original) {
  const text = edit(base);
  assert.notEqual(text, base, 'the edit must change the file, or the test proves nothing');
  return check({ [path]: text });
}

/** Asserts exactly one problem, in `path`, on `field`, whose message matches every pattern. */
function expectProblem(problems: ReturnType<typeof check>, field: string, ...patterns: RegExp[]) {
  const problem = problems.find((p) => p.field === field);
  assert.ok(problem, `expected a problem on "${field}", got ${JSON.stringify(problems, null, 2)}`);
  for (const pattern of patterns) assert.match(problem.message, pattern);
  return problem;
}

describe('real content', () => {
  test('all five reports and the registries pass the schemas and cross-checks', () => {
    assert.equal(reportFiles().length, 5);
    assert.deepEqual(check(), []);
  });
});

describe('a broken report names the file and the field', () => {
  test('missing field', () => {
    const problems = broken((s) => s.replace(/^title: .*\n/m, ''));
    const p = expectProblem(problems, 'title', /expected text, found nothing/);
    assert.equal(p.file, file);
  });

  test('wrong type', () => {
    expectProblem(broken((s) => s.replace('year: 2024', 'year: "2024"')), 'year', /expected a year such as 2022, found string "2024"/);
  });

  test('impossible quoted date', () => {
    expectProblem(
      broken((s) => s.replace('published: "2024-09-21"', 'published: "2022-13-45"')),
      'published',
      /expected a real calendar date/,
      /"2022-13-45"/,
    );
  });

  test('unquoted date, which YAML would roll over, is refused with the reason', () => {
    expectProblem(
      broken((s) => s.replace('published: "2024-09-21"', 'published: 2022-13-45')),
      'published',
      /expected a quoted date/,
      /2023-02-14/,
    );
  });

  test('unknown event, with the nearest id suggested', () => {
    expectProblem(
      broken((s) => s.replace('event: containerdays-2024', 'event: containerday-2024')),
      'event',
      /expected an id from events\.yaml, found "containerday-2024"; did you mean "containerdays-2024"\?/,
    );
  });

  test('unknown topic, with the nearest id suggested', () => {
    expectProblem(
      broken((s) => s.replace('topic: platform-engineering', 'topic: platform-enginering')),
      'topics[0].topic',
      /found "platform-enginering"; did you mean "platform-engineering"\?/,
    );
  });

  test('unknown tool, with the nearest id suggested', () => {
    const problems = broken((s) => s.replace('tools: [kcp, open-cluster-management]', 'tools: [kcp, open-cluster-managment]'));
    expectProblem(problems, 'tools[1]', /found "open-cluster-managment"; did you mean "open-cluster-management"\?/);
  });

  test('year disagreeing with the event', () => {
    expectProblem(broken((s) => s.replace('year: 2024', 'year: 2023')), 'year', /expected 2024 \(the year of containerdays-2024\), found 2023/);
  });

  test('city disagreeing with the event', () => {
    expectProblem(broken((s) => s.replace('city: Hamburg', 'city: Berlin')), 'city', /expected "Hamburg" .*found "Berlin"/);
  });

  test('tool mentioned but not listed', () => {
    expectProblem(
      broken((s) => s.replace('tools: [kcp, open-cluster-management]', 'tools: [kcp]')),
      'tools',
      /add "open-cluster-management" \(mentioned in the text but not listed\)/,
    );
  });

  test('tool listed but not mentioned', () => {
    expectProblem(
      broken((s) => s.replace('tools: [kcp, open-cluster-management]', 'tools: [kcp, open-cluster-management, helm]')),
      'tools',
      /remove "helm" \(listed but never mentioned in the text\)/,
    );
  });

  test('topic section that is not a heading', () => {
    expectProblem(
      broken((s) => s.replace('sections: [my-presentation]', 'sections: [my-presentaton]')),
      'topics[5].sections[0]',
      /expected the id of a heading in this report, found "my-presentaton"; did you mean "my-presentation"\?/,
    );
  });

  test('duplicate topic id in one report', () => {
    expectProblem(
      broken((s) => s.replace('topic: multi-tenancy', 'topic: platform-engineering')),
      'topics[1].topic',
      /expected each topic once, found "platform-engineering" again/,
    );
  });

  test('an unknown field, e.g. a misspelt one', () => {
    expectProblem(broken((s) => s.replace('summary: >-', 'sumary: >-')), '(top level)', /Unrecognized key: "sumary"/);
  });

  test('a file name that cannot be a URL', () => {
    const problems = check({ 'content/reports/ContainerDays 2024.mdx': original });
    const p = expectProblem(problems, '(file name)', /expected lower-case words joined by hyphens.*found "ContainerDays 2024"/);
    assert.equal(p.file, 'content/reports/ContainerDays 2024.mdx');
  });

  test('a new report file is checked like the others', () => {
    const problems = check({ 'content/reports/new-report.mdx': original.replace('city: Hamburg', 'city: Munich') });
    const p = expectProblem(problems, 'city', /found "Munich"/);
    assert.equal(p.file, 'content/reports/new-report.mdx');
  });
});

describe('a broken registry names the file and the entry', () => {
  const events = readFileSync('content/events.yaml', 'utf8');
  test('bad event date', () => {
    const problems = broken((s) => s.replace('\n  start: "2018-05-02"', '\n  start: "2018-02-30"'), 'content/events.yaml', events);
    const p = expectProblem(problems, 'kubecon-eu-2018.start', /expected a real calendar date/);
    assert.equal(p.file, 'content/events.yaml');
  });

  test('duplicate id is a YAML error with its line', () => {
    const tools = readFileSync('content/tools.yaml', 'utf8');
    assert.throws(() => check({ 'content/tools.yaml': `${tools}\nhelm:\n  name: Helm again\n` }), /content\/tools\.yaml: duplicated mapping key \(\d+:1\)/);
  });

  test('unknown co-located event', () => {
    const problems = broken((s) => s.replace('\n  coLocatedWith: [dok-day-eu-2022]', '\n  coLocatedWith: [dok-day-2022]'), 'content/events.yaml', events);
    expectProblem(problems, 'kubecon-eu-2022.coLocatedWith[0]', /did you mean "dok-day-eu-2022"\?/);
  });
});
