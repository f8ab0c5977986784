import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { VFile } from 'vfile';
import { createMentionFinder } from '../../src/lib/mentions.ts';
import { createReportProcessor } from '../../src/markdown/pipeline.ts';
import { toolsOf } from '../../src/schemas/record.ts';
import { readToolSpellings } from '../../src/markdown/tool-spellings.ts';

const tools = readToolSpellings('content/tools.yaml');
const find = createMentionFinder(tools);
const processor = createReportProcessor({ tools, base: '/', strict: false });
/** The tools the report pipeline records for a body: the one place mentions are found. */
const mentioned = (markdown: string) => {
  const file = new VFile({ path: 'x.mdx', value: markdown });
  processor.runSync(processor.parse(file), file);
  return toolsOf(file.data.record!).sort();
};

describe('tool mentions follow the registry’s matching rules', () => {
  test('“bat” counts only as code, never as the ordinary word', () => {
    assert.deepEqual(mentioned('- `bat` : `cat` with syntax highlight'), ['bat']);
    assert.deepEqual(mentioned('A bat flew through the hall; we went to bat for the idea.'), []);
  });

  test('“Helm” is case-sensitive: the tool, not “at the helm”', () => {
    assert.deepEqual(mentioned('Helm currently has no plans to change CRD support.'), ['helm']);
    assert.deepEqual(mentioned('Who is at the helm of this project?'), []);
  });

  test('“Flux” and “FluxCD” count, “in flux” does not', () => {
    assert.deepEqual(mentioned('FluxCD and ArgoCD are the two major ones'), ['argo-cd', 'flux']);
    assert.deepEqual(mentioned('Flux reconciles the cluster.'), ['flux']);
    assert.deepEqual(mentioned('The roadmap is in flux.'), []);
  });

  test('“LD” as a whole word counts, “LDAP” and “old” do not', () => {
    assert.deepEqual(mentioned('found out how LD works; LD’s library'), ['launchdarkly']);
    assert.deepEqual(mentioned('We use LDAP for the old directory. Build it.'), []);
  });

  test('“CDK” counts in “AWS CDK” once and not inside other words', () => {
    assert.deepEqual(mentioned('AWS CDK does not invoke the AWS API directly'), ['aws-cdk']);
    assert.deepEqual(find('AWS CDK').length, 1, 'overlapping spellings keep the longest');
    assert.deepEqual(mentioned('CDKallows and MCDK are not mentions'), []);
  });

  test('“OCM” counts in capitals, not inside words', () => {
    assert.deepEqual(mentioned('a discussion about OCM and how they use it'), ['open-cluster-management']);
    assert.deepEqual(mentioned('the ocm of the story; OCMS'), []);
  });

  test('whole words: hyphenated names stay whole, “k8s” is not “kcp”, URLs count', () => {
    assert.deepEqual(mentioned('Projects like Volcano already use kube-batch.'), ['kube-batch', 'volcano']);
    assert.deepEqual(mentioned('a volcano erupted; kube-batchy'), []);
    assert.deepEqual(mentioned('see https://github.com/crossplane/crossplane'), ['crossplane']);
    assert.deepEqual(mentioned('visit getmizu.io'), []);
  });
});

describe('one pattern for all spellings (a made-up registry)', () => {
  const made = createMentionFinder([
    { id: 'quill', match: ['Quill'] },
    { id: 'quill-pipe', match: [{ text: 'Quill Pipe', case: 'sensitive', code: false }] },
    { id: 'cpp', match: ['C++', 'Node.js'] },
    { id: 'first', match: ['Twin'] },
    { id: 'second', match: ['twin'] },
    { id: 'tok', match: [{ text: 'tok', case: 'sensitive', code: true }] },
  ]);
  const hits = (text: string, code = false) => made(text, code).map((m) => `${m.tool}@${m.index}+${m.length}`);

  test('the longest spelling wins where two start together, whatever their case rules', () => {
    assert.deepEqual(hits('Quill Pipe and quill pipe'), ['quill-pipe@0+10', 'quill@15+5']);
  });
  test('spellings are matched literally, in order of the text, each hit once', () => {
    assert.deepEqual(hits('node.js, then C++; not xC++ or xNode.js'), ['cpp@0+7', 'cpp@14+3']);
  });
  test('two tools with one spelling: the first in the registry', () => {
    assert.deepEqual(hits('twin TWIN'), ['first@0+4', 'first@5+4']);
  });
  test('code-only spellings count in code only', () => {
    assert.deepEqual(hits('tok'), []);
    assert.deepEqual(hits('tok Tok', true), ['tok@0+3']);
  });
  test('an empty registry finds nothing', () => {
    assert.deepEqual(createMentionFinder([])('anything'), []);
  });
});
