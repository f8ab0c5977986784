/**
 * Page chrome: the lines a scraped blog post carries that are not the author's text (cookie and
 * consent banners, share buttons, newsletter and comment boxes, bylines, "related articles",
 * footers, stray image file names). One list, used by `npm run ingest` to remove them and by the
 * check to find leftovers. Every pattern matches a WHOLE line (trimmed), so a sentence that merely
 * mentions cookies is never touched. To extend it, add a line here and a case to tests/unit/ingest.test.ts.
 */
import type { Element } from 'hast';
import { matches } from 'hast-util-select';

export interface ChromePattern {
  /** What kind of chrome, for messages, e.g. "a share button". */
  what: string;
  pattern: RegExp;
}

export const chromePatterns: ChromePattern[] = [
  { what: 'a cookie or consent banner', pattern: /^(?:we|this (?:site|website)) uses? cookies\b.{0,160}$/i },
  { what: 'a cookie or consent banner', pattern: /^please accept .{0,40}cookies\b.{0,200}$/i },
  { what: 'a cookie or consent banner', pattern: /^(?:accept|allow|reject|decline)(?: all)?(?: cookies| youtube content| content)?$/i },
  { what: 'a cookie or consent banner', pattern: /^(?:cookie (?:settings|preferences|policy)|manage (?:cookies|consent)|if you accept this notice.*)$/i },
  { what: 'a share button', pattern: /^(?:share(?: this)?(?: post| article| page)?|tweet|share on (?:twitter|x|linkedin|facebook|mastodon|reddit)|copy link)[.!:]?$/i },
  { what: 'a newsletter box', pattern: /^(?:subscribe|sign up)(?: (?:to|for))?(?: (?:the|our))? (?:newsletter|mailing list|updates)\b.{0,80}$/i },
  { what: 'a newsletter box', pattern: /^subscribe(?: now| for free)?$/i },
  { what: 'a newsletter box', pattern: /^(?:join the mailing list|powered by convertkit|we won't send you spam\..*|unsubscribe at any time\.?|enter your email(?: address)?)$/i },
  { what: 'a comment box', pattern: /^(?:leave a (?:comment|reply)|post a comment|\d+ comments?|comments?|what do you think\?|join the discussion)$/i },
  { what: 'related articles', pattern: /^(?:related (?:articles|posts|stories)|these articles may interest you|you (?:might|may) also like|recommended(?: for you)?|more from (?:the )?blog|read next)$/i },
  { what: 'a footer', pattern: /^(?:©|\(c\)|copyright)\s*(?:\d{4}|[a-z])[^.]{0,80}$/i },
  { what: 'a footer', pattern: /^.{0,60}\ball rights reserved\.?$/i },
  { what: 'a footer', pattern: /^(?:products & services|career area|check all|privacy policy|terms of (?:use|service)|imprint|impressum|contact us|back to top)$/i },
  { what: 'navigation', pattern: /^(?:skip to (?:the )?(?:main )?content|skip navigation|menu|search)$/i },
  { what: 'a table-of-contents box', pattern: /^table of contents$/i },
  { what: 'an author card', pattern: /^(?:posted|written|published) by [\p{L} .'-]{2,60}$/iu },
  { what: 'an author card', pattern: /^(?:about the author|follow(?: me| us)?(?: on [a-z]+)?)$/i },
  { what: 'a stray image file name', pattern: /^[\w.-]+\.(?:png|jpe?g|gif|webp|svg|avif)$/i },
  { what: 'a comment box', pattern: /^(?:top |all )?(?:comments|discussion|responses)\s*\(\d+\)$/i },
  { what: 'reaction counts', pattern: /^(?:[\p{Extended_Pictographic}\uFE0F\u200D]+\s*\d+(?:\.\d+)?[kK]?\s*)+$/u },
  { what: 'reaction counts', pattern: /^(?:\d+ (?:reactions?|likes?|claps?|hearts?)|like|clap|save|listen|bookmark|add to (?:reading )?list)$/i },
  { what: 'reaction counts', pattern: /^(?:like this:?|like loading(?:…|\.\.\.)?|liked by \d+ (?:people|others))$/i },
  { what: 'a counter', pattern: /^\d+(?:\.\d+)?[kKmM]?$/ },
  { what: 'a reading-time badge', pattern: /^\d+ min(?:ute)?s? read$/i },
  { what: 'an author card', pattern: /^(?:follow|following|sign in|sign up|log in|get started|open in app|write|member-only story)$/i },
  { what: 'a date line', pattern: /^(?:posted|published|updated)(?: on| at)?:? (?:[a-z]{3,9}\.? \d{1,2}|\d{1,2} [a-z]{3,9}\.?)(?:,? \d{4})?(?: (?:by|·|•) .{1,60})?$/i },
  { what: 'a tag list', pattern: /^(?:#[\p{L}\p{N}_-]+\s*)+$/u },
  { what: 'a date line', pattern: /^(?:(?:posted|published|updated)(?: at| on)?:? )?(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2} [a-z]{3,9}\.? \d{4}|[a-z]{3,9}\.? \d{1,2},? \d{4})$/i },
];

/**
 * Page elements that are chrome wherever they stand, even inside the article of an HTML capture:
 * controls, forms and the bars platforms put around a post. An element is chrome when it matches
 * `selector` (hast-util-select) or one of its class names names one of `words` (or its id is one): a word
 * of the name split at "-" and "_" ("comments-area", "post-ufi-button", "sd-sharing-enabled"), or
 * several in a row ("like-button-container"). Never a part of a word, so an author's
 * `class="commentary"` or `"recommendations-we-made"` is text. Everything they held is listed as removed, with `what`.
 */
export const chromeElements: { what: string; selector?: string; words?: string[] }[] = [
  { what: 'a button', selector: 'button, [role=button], input, select, textarea' },
  { what: 'a form', selector: 'form' },
  { what: 'navigation', selector: 'nav, [role=navigation]' },
  { what: 'an icon', selector: 'svg' },
  { what: 'a cookie or consent banner', words: ['cookie', 'cookies', 'consent'] },
  { what: 'a share button', words: ['share', 'sharing', 'social'] },
  { what: 'reaction counts', words: ['reaction', 'reactions', 'clap', 'claps', 'like-button', 'vote-count', 'ufi'] },
  { what: 'a comment box', words: ['comment', 'comments', 'discussion', 'responses'] },
  { what: 'a newsletter box', words: ['newsletter', 'subscribe', 'subscription', 'signup'] },
  { what: 'an author card', words: ['author-card', 'byline', 'profile-preview'] },
  { what: 'related articles', words: ['related', 'read-next', 'recommended'] },
  { what: 'a table-of-contents box', selector: '#TableOfContents', words: ['toc', 'table-of-contents'] },
  { what: 'a footer', selector: 'footer, [role=contentinfo]' },
  { what: 'a sidebar', selector: 'aside' },
];

/** Whether the class name `name` names `word`: its words (split at "-" and "_", any case) hold the word's in a row. */
const names = (name: string, word: string) => `-${name.toLowerCase().replace(/_/g, '-')}-`.includes(`-${word}-`);

/**
 * What kind of chrome element `el` is, by the list above, or undefined. An id must BE one of the
 * words ("comments"), and a heading's never counts: it is made of its text ("discussion", "related-work").
 */
export function chromeElement(el: Element): string | undefined {
  const classes = [el.properties.className ?? []].flat().map(String);
  const id = /^h[1-6]$/.test(el.tagName) ? '' : String(el.properties.id ?? '').toLowerCase();
  return chromeElements.find(({ selector, words = [] }) => (selector && matches(selector, el)) || words.some((word) => word === id || classes.some((name) => names(name, word))))?.what;
}

/** What kind of chrome `line` is (the whole line, trimmed), or undefined when it is text. */
export function chromeKind(line: string): string | undefined {
  // Separators around a byline's parts ("· Mar 9, 2031 ·") are not part of what it is.
  const text = line.trim().replace(/^[·•|—–\s]+|[·•|—–\s]+$/g, '');
  if (!text) return undefined;
  return chromePatterns.find(({ pattern }) => pattern.test(text))?.what;
}

/**
 * A Markdown line as a reader sees it: list, quote and heading markers, links (their text kept),
 * emphasis and inline HTML tags taken off, so "**[Share this post](https://x)**" is chrome too.
 */
export function plainLine(line: string): string {
  return line
    .replace(/^\s*(?:(?:[-*+]|\d+[.)]|#{1,6}|>)\s+)+/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__|\*|_|~~)(.+?)\1/g, '$2')
    .trim();
}
