/**
 * What should not survive into a published report: page chrome the normalizing missed (the list
 * in src/lib/chrome.ts, the one `npm run ingest` removes) and the TODO placeholders a draft
 * starts with. Read line by line from the body, outside code blocks.
 */
import { chromeKind } from '../lib/chrome.ts';
import type { Problem } from '../lib/problems.ts';

export function leftovers(body: string, draft: boolean): Omit<Problem, 'file'>[] {
  const problems: Omit<Problem, 'file'>[] = [];
  let fence = false;
  body.split('\n').forEach((raw, i) => {
    if (/^\s*(```|~~~)/.test(raw)) fence = !fence;
    if (fence) return;
    const line = raw.replace(/^\s*(?:[-*+]|\d+[.)]|#{1,6}|>)\s+/, '').trim();
    const what = chromeKind(line);
    if (what) {
      problems.push({ line: i + 1, field: 'body', message: `expected the author's text, found page chrome ${JSON.stringify(line)} (${what}); remove it` });
    }
    if (!draft && /\bTODO\b/.test(line)) {
      problems.push({ line: i + 1, field: 'body', message: `expected the report's text, found the placeholder ${JSON.stringify(line.slice(0, 60))}; finish it, or keep \`draft: true\`` });
    }
  });
  return problems;
}
