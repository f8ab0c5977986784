/** Plain text of an HTML fragment: block tags become spaces, inline tags vanish, entities decoded, whitespace folded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/?(?:p|li|ul|ol|h[1-6]|blockquote|div|pre|br|tr|td|th|section|article)\b[^>]*>/gi, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits prose into sentences at . ! ? followed by white space. Does not know abbreviations. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
