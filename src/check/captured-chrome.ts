/**
 * Check rule `captured-chrome` (issue 20): page chrome that survived a capture wrapped in Markdown
 * or HTML markup, which the line-by-line leftovers rule (src/check/leftovers.ts) reads as text:
 * a link, emphasis or a tag around "Top comments (5)", "Share this post", "❤️ 48 🦄 7"… Matched
 * by the chrome list ingest uses (src/authoring/chrome.ts) on the line as a reader sees it
 * (`plainLine`), outside code blocks. A bare chrome line is left to the leftovers rule, so no line
 * is reported twice.
 *
 * Message: `expected the author's text, found page chrome "<line>" (<what>) inside markup; remove the line`
 * Failing example (a report body line): `**[Top comments (5)](#comments)**`
 */
import { chromeKind, plainLine, proseLines } from '../authoring/chrome.ts';
import type { Problem } from '../lib/problems.ts';

export function capturedChrome(body: string): Omit<Problem, 'file'>[] {
  return proseLines(body).flatMap(({ line, number }) => {
    const bare = line.replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/, '').trim();
    const plain = plainLine(line);
    const what = plain !== bare && !chromeKind(bare) ? chromeKind(plain) : undefined;
    return what ? [{ line: number, field: 'body', message: `expected the author's text, found page chrome ${JSON.stringify(plain)} (${what}) inside markup; remove the line` }] : [];
  });
}
