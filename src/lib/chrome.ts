/**
 * Page chrome: the lines a scraped blog post carries that are not the author's text (cookie and
 * consent banners, share buttons, newsletter and comment boxes, bylines, "related articles",
 * footers, stray image file names). One list, used by `npm run ingest` to remove them and by the
 * check to find leftovers. Every pattern matches a WHOLE line (trimmed), so a sentence that merely
 * mentions cookies is never touched. To extend it, add a line here and a case to tests/unit/ingest.test.ts.
 */
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
 * controls, forms and the bars platforms put around a post. Matched with hast-util-select;
 * everything they held is listed as removed, with `what`.
 */
export const chromeElements: { what: string; selector: string }[] = [
  { what: 'a button', selector: 'button, [role=button], input, select, textarea' },
  { what: 'a form', selector: 'form' },
  { what: 'navigation', selector: 'nav, [role=navigation]' },
  { what: 'an icon', selector: 'svg' },
  { what: 'a cookie or consent banner', selector: '[class*=cookie], [id*=cookie], [class*=consent]' },
  { what: 'a share button', selector: '[class*=share], [class*=social]' },
  { what: 'reaction counts', selector: '[class*=reaction], [class*=clap], [class*=like-button], [class*=vote-count], [class*=ufi]' },
  { what: 'a comment box', selector: '[id*=comments], [class*=comment], [class*=discussion], [class*=responses]' },
  { what: 'a newsletter box', selector: '[class*=newsletter], [class*=subscribe], [class*=subscription], [class*=signup]' },
  { what: 'an author card', selector: '[class*=author-card], [class*=byline], [class*=profile-preview]' },
  { what: 'related articles', selector: '[class*=related], [class*=read-next], [class*=recommend]' },
  { what: 'a table-of-contents box', selector: '.toc, [class*=table-of-contents], #TableOfContents' },
  { what: 'a footer', selector: 'footer, [role=contentinfo]' },
  { what: 'a sidebar', selector: 'aside' },
];

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
