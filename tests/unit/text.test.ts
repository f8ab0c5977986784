import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, sentences } from '../../src/lib/text.ts';

test('htmlToText keeps inline punctuation tight and separates blocks', () => {
  assert.equal(htmlToText('<p>like <a href="/x">Spectro Cloud</a>, while (<a>https://x.io</a>)</p><p>Next one &amp; more</p>'), 'like Spectro Cloud, while (https://x.io) Next one & more');
  assert.equal(htmlToText('<ul><li>one</li><li>two</li></ul>'), 'one two');
});

test('sentences split after . ! ? and keep the punctuation', () => {
  assert.deepEqual(sentences('It works. Does it? Yes! Done'), ['It works.', 'Does it?', 'Yes!', 'Done']);
});
