/**
 * `npm run ingest`: a raw captured blog post → the body of a draft report. Pure functions, no
 * files: the script (scripts/ingest.ts) reads and writes. It keeps the author's words; it only
 * removes page chrome (src/lib/chrome.ts, every removed line returned so it can be printed),
 * restores obvious headings, lists and their nesting, and escapes what MDX would read as code.
 */
import { chromeKind, plainLine } from '../lib/chrome.ts';

export interface Removed {
  line: string;
  what: string;
}

/** Characters MDX reads as code or tags in prose, escaped; a line may not start an import/export. */
export function escapeMdx(text: string): string {
  const escaped = text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[{}<]/g, (c) => `\\${c}`)))
    .join('');
  return escaped.replace(/^(\s*)(import|export)(\s)/, (_, space: string, word: string, after: string) => `${space}&#${word.charCodeAt(0)};${word.slice(1)}${after}`);
}

const bullet = /^(\s*)(?:[•·▪◦‣∙*–-]|\d{1,2}[.)])\s+(.*)$/;
const endsSentence = /[.!?:;,…)"”]$/;

/** A short line without final punctuation, that is not a list item, reads like a lost heading. */
const headingLike = (line: string) => {
  const words = line.trim().split(/\s+/).length;
  return line.trim().length <= 80 && words <= 12 && !endsSentence.test(line.trim()) && !bullet.test(line) && /^[\p{Lu}\p{N}"“]/u.test(line.trim());
};

/** Shell commands that lost their code formatting. */
const commandLike = /^(?:\$ |(?:kubectl|k|helm|docker|git|npm|npx|curl|make|go|terraform) [a-z-]+\b[^.!?]*$)/;

export interface Normalized {
  /** The Markdown body, MDX-escaped. */
  body: string;
  /** Every line left out as chrome, in order. */
  removed: Removed[];
  /** The first heading-like line when no title was given, or undefined. */
  title?: string;
  /** Lines carried over in another form (an image from another site as an editor's note). */
  converted?: Removed[];
}

/** An attribute value for `<Ed note="…">`: one line, without what MDX or the guard would read as markup. */
export const noteText = (text: string) => text.replace(/\s+/g, ' ').replace(/["{}<>]/g, (c) => ({ '"': '”', '{': '(', '}': ')', '<': '‹', '>': '›' })[c]!).trim();

/** A Markdown image from another site (the check refuses them: photos are saved beside the report). */
const remoteImage = /!\[([^\]]*)\]\((https?:\/\/[^)\s]+)(?:\s+"[^"]*")?\)/g;

/**
 * Plain text (one paragraph or item per line, as scraped) → Markdown. `title` is left out of the
 * body where it stands alone on a line. Blank lines separate nothing: each non-blank line is a
 * block. Returns the removed lines so nothing disappears silently.
 */
export function normalizeText(text: string, title?: string): Normalized {
  const removed: Removed[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  let foundTitle = title;
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) continue;
    const what = chromeKind(line);
    if (what) {
      removed.push({ line: line.trim(), what });
      continue;
    }
    if (!foundTitle && headingLike(line)) {
      foundTitle = line.trim();
      removed.push({ line: line.trim(), what: 'the title (now in the frontmatter)' });
      continue;
    }
    if (foundTitle && line.trim() === foundTitle) {
      removed.push({ line: line.trim(), what: 'the title (now in the frontmatter)' });
      continue;
    }
    kept.push(line);
  }

  const blocks: string[] = [];
  let inList = false;
  const indents: number[] = [];
  kept.forEach((line, i) => {
    const item = bullet.exec(line);
    if (item) {
      const indent = item[1]!.replace(/\t/g, '    ').length;
      while (indents.length && indent < indents.at(-1)!) indents.pop();
      if (!indents.length || indent > indents.at(-1)!) indents.push(indent);
      const depth = indents.length - 1;
      const content = item[2]!.trim();
      blocks.push(`${inList ? '' : '\n'}${'  '.repeat(depth)}- ${commandLike.test(content) ? `\`${content}\`` : escapeMdx(content)}`);
      inList = true;
      return;
    }
    inList = false;
    indents.length = 0;
    const next = kept[i + 1];
    const trimmed = line.trim();
    if (commandLike.test(trimmed)) blocks.push(`\n\`\`\`sh\n${trimmed.replace(/^\$ /, '')}\n\`\`\``);
    else if (headingLike(trimmed) && next !== undefined && !headingLike(next.trim())) blocks.push(`\n## ${escapeMdx(trimmed)}`);
    else blocks.push(`\n${escapeMdx(trimmed)}`);
  });
  return { body: `${blocks.join('\n').trim()}\n`, removed, title: foundTitle };
}

/** Markdown as given, escaped for MDX outside code; chrome lines removed (and returned). */
export function normalizeMarkdown(text: string, title?: string): Normalized {
  const removed: Removed[] = [];
  const converted: Removed[] = [];
  let fence = false;
  const out: string[] = [];
  let foundTitle = title;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence || /^\s*(```|~~~)/.test(line)) {
      out.push(line);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const what = chromeKind(plainLine(line));
    if (what) {
      removed.push({ line: line.trim(), what });
      continue;
    }
    if (heading?.[1] === '#') {
      foundTitle ??= heading[2]!.trim();
      removed.push({ line: line.trim(), what: 'the title (now in the frontmatter)' });
      continue;
    }
    if (line.search(remoteImage) >= 0) converted.push({ line: line.trim(), what: 'an image from another site, now an editor\'s note' });
    // Hook for local images (issue 21): a photo saved beside the report is written ![alt](./file) instead.
    out.push(escapeMdx(line).replace(remoteImage, (_, alt: string, url: string) => `<Ed note="${noteText(`image not kept: ${alt || 'no description'} (${url})`)}" />`));
  }
  return { body: `${out.join('\n').trim()}\n`, removed, converted, title: foundTitle };
}

export interface EventLike {
  id: string;
  name: string;
  shortName: string;
  city?: string | undefined;
  year: number;
}

/** The event a capture is most likely about, and why; undefined when nothing points to one. */
export function guessEvent(text: string, events: EventLike[]): { id: string; because: string } | undefined {
  const lower = text.toLowerCase();
  // A text that names years but not an event's own is about another edition (or another event).
  const years = new Set(text.match(/\b(?:19|20)\d{2}\b/g) ?? []);
  const scored = events
    .filter((event) => !years.size || years.has(String(event.year)))
    .map((event) => {
      const reasons: string[] = [];
      let score = 0;
      for (const name of [event.name, event.shortName]) {
        if (lower.includes(name.toLowerCase())) {
          score += 3;
          reasons.push(`“${name}”`);
        }
      }
      const words = event.shortName.replace(/\d{4}/, '').trim();
      if (words && lower.includes(words.toLowerCase())) {
        score += 1;
        reasons.push(`“${words}”`);
      }
      if (event.city && lower.includes(event.city.toLowerCase())) {
        score += 1;
        reasons.push(`“${event.city}”`);
      }
      if (text.includes(String(event.year))) {
        score += 1;
        reasons.push(`“${event.year}”`);
      }
      return { event, score, reasons: [...new Set(reasons)] };
    })
    .filter((s) => s.score >= 2)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || (second && second.score === best.score)) return undefined;
  return { id: best.event.id, because: best.reasons.join(', ') };
}
