import { chromeKind } from '../../lib/chrome.ts';
import { proseLines, type Rule } from './rule.ts';

/**
 * Page chrome the normalizing missed: a whole line that the chrome list (src/lib/chrome.ts, the one
 * `npm run ingest` removes) recognizes, outside code blocks. Drafts too: chrome is never the author's.
 */
export const pageChrome: Rule<{ line: string; what: string }> = {
  id: 'page-chrome',
  checks: "the body has no page chrome left from a capture (cookie banners, share buttons, footers…)",
  message: ({ line, what }) => `expected the author's text, found page chrome ${JSON.stringify(line)} (${what}); remove it`,
  example: { change: { body: 'Share this post' }, field: 'body', finding: { line: 'Share this post', what: 'a share button' } },
  help: { shown: "`body: expected the author's text, found page chrome \"Share this post\" (a share button)`", fix: 'remove the line (it is not the author\'s text)' },
  report({ body }) {
    return proseLines(body).flatMap(({ line, text }) => {
      const what = chromeKind(text);
      return what ? [{ line, field: 'body', message: this.message({ line: text, what }) }] : [];
    });
  },
};
