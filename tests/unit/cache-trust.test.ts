/**
 * A renderer cache entry (src/markdown/rendered.ts, through src/markdown/renderer.ts) is used only when it matches its digest and its
 * HTML passes the output check (src/markdown/safe-html.ts): an edited or planted entry is a miss,
 * rendered from the source again and rewritten. And the output check itself, on what a browser
 * would run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const cache = mkdtempSync(join(tmpdir(), 'hallway-render-cache-'));
after(() => rmSync(cache, { recursive: true, force: true }));
process.env.HALLWAY_CACHE = cache;
const { reportRenderer } = await import('../../src/markdown/renderer.ts');
const { unsafeHtml, unsafeTree } = await import('../../src/markdown/safe-html.ts');

const options = { tools: [], base: '/' };
const renderer = reportRenderer(options);
const input = { file: 'reports/x.mdx', body: 'We went to the *conference*.\n' };
const sourceHtml = '<p>We went to the <em>conference</em>.</p>';
const planted = '<p>We went.</p><script>alert(1)</script>';

/** The one entry in the cache: its digest line and its content. */
function entry() {
  const [name] = readdirSync(cache).filter((f) => f.endsWith('.json'));
  const path = join(cache, name!);
  const text = readFileSync(path, 'utf8');
  return { path, sum: text.slice(0, text.indexOf('\n')), json: text.slice(text.indexOf('\n') + 1) };
}

test('an entry edited in place (its digest no longer matches) is rendered from the source again and rewritten', () => {
  assert.equal(renderer.body(input).html, sourceHtml);
  const { path, sum, json } = entry();
  writeFileSync(path, `${sum}\n${json.replace('<em>conference</em>', '<em>conference</em><script>alert(1)</script>')}`);
  // A fresh module instance, as a new build process would be (nothing remembered as checked).
  return import(`../../src/markdown/renderer.ts?fresh=${Date.now()}`).then(({ reportRenderer: fresh }: typeof import('../../src/markdown/renderer.ts')) => {
    assert.equal(fresh(options).body(input).html, sourceHtml);
    assert.equal(entry().json, json, 'the entry is rewritten from the source');
  });
});

test('an entry planted with a matching digest but unsafe HTML never reaches a page: it is rendered again and rewritten', () => {
  renderer.body(input);
  const { path, json } = entry();
  const forged = json.replace(JSON.stringify(sourceHtml), JSON.stringify(planted));
  assert.notEqual(forged, json);
  writeFileSync(path, `${createHash('sha256').update(forged).digest('hex')}\n${forged}`);
  assert.equal(renderer.body(input, 'page').html, sourceHtml);
  assert.equal(entry().json, json);
});

test('the output check refuses what runs or loads code, as a browser reads it', () => {
  assert.deepEqual(unsafeHtml('<p>ok <a href="https://x.example/">x</a> <a href="/kb/y/">y</a> <a href="#z">z</a> <img src="http://x.example/a.png" alt=""></p>'), []);
  assert.deepEqual(unsafeHtml('<ScRiPt>x</script><style>p{}</style><iframe src="/"></iframe><object data="/a"></object><embed src="/a"><svg><script>1</script></svg>'),
    ['<script>', '<style>', '<iframe>', '<object>', '<embed>', '<script>']);
  assert.deepEqual(unsafeHtml('<p onclick="x()">a</p><img src=x OnError=alert(1)>'), ['the event handler onclick= on <p>', 'the event handler onerror= on <img>']);
  assert.deepEqual(unsafeHtml('<a href="java&#x09;script:alert(1)">a</a><img src="data:image/png;base64,AA"><form action="vbscript:x"></form>'),
    ['href="javascript:…" on <a>', 'src="data:…" on <img>', 'action="vbscript:…" on <form>']);
});

test('a freshly rendered tree gets the same check, and raw HTML in it is refused', () => {
  const p = (...children: import('hast').ElementContent[]) => ({ type: 'root' as const, children: [{ type: 'element' as const, tagName: 'p', properties: {}, children }] });
  assert.deepEqual(unsafeTree(p({ type: 'text', value: '<script>' })), []);
  assert.deepEqual(unsafeTree(p({ type: 'element', tagName: 'a', properties: { href: 'javascript:x', onClick: 'y' }, children: [] })), ['href="javascript:…" on <a>', 'the event handler onclick= on <a>']);
  assert.deepEqual(unsafeTree(p({ type: 'raw', value: '<b>' } as never)), ['raw HTML']);
});
