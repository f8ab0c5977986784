import { chromeKind, plainLine } from '../../lib/chrome.ts';
import { proseLines, type Rule } from './rule.ts';

/**
 * Page chrome that survived a capture wrapped in Markdown or HTML markup (issue 20), which
 * `page-chrome` reads as text: a link, emphasis or a tag around "Top comments (5)", "Share this
 * post"… Matched by the same chrome list on the line as a reader sees it (`plainLine`); a bare
 * chrome line is `page-chrome`'s, so no line is reported twice.
 */
export const capturedChrome: Rule<{ line: string; what: string }> = {
  id: 'captured-chrome',
  checks: 'the body has no page chrome left inside markup (a link, emphasis or tag around "Top comments (5)")',
  message: ({ line, what }) => `expected the author's text, found page chrome ${JSON.stringify(line)} (${what}) inside markup; remove the line`,
  example: { change: { body: '**Top comments (5)**' }, field: 'body', finding: { line: 'Top comments (5)', what: 'a comment box' } },
  help: { shown: "`body: expected the author's text, found page chrome \"Top comments (5)\" (a comment box) inside markup`", fix: 'remove the line (it is not the author\'s text)' },
  report({ body }) {
    return proseLines(body).flatMap(({ line, text }) => {
      // An image's alt text is not prose a reader reads as a line: `image-alt` judges it.
      const plain = plainLine(text.replace(/!\[[^\]]*\]\([^)]*\)/g, ''));
      if (!plain) return [];
      const what = plain !== text && !chromeKind(text) ? chromeKind(plain) : undefined;
      return what ? [{ line, field: 'body', message: this.message({ line: plain, what }) }] : [];
    });
  },
};
