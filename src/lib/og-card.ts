/**
 * Open Graph cards: what the 1200×630 preview image of a report, topic or event page says, where
 * it is published, the key it is cached under, and its layout as a plain element tree for satori.
 * Pure: no Astro, no file system, no fonts (src/og/render.ts draws the tree).
 *
 * A card's cache key is a hash of everything that changes its pixels: the card's text, the layout
 * version below, and the font key the renderer passes in. Change the layout here → bump
 * OG_LAYOUT_VERSION, so every image is redrawn once.
 */
import { createHash } from 'node:crypto';
import { formatDate, formatEventDates, formatPlace, type EventDays } from './format.ts';

/** Bump when cardTree() changes what is drawn, so cached images are redrawn. */
export const OG_LAYOUT_VERSION = 2;
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/**
 * Inter's Latin and Latin Extended files under two names: satori looks a glyph up only in the
 * first file of a family name, so "Łódź" needs the second as a fallback family of its own.
 */
export const OG_FONTS = [
  { name: 'Inter', subset: 'latin' },
  { name: 'Inter Ext', subset: 'latin-ext' },
] as const;
const OG_FONT_FAMILY = OG_FONTS.map((f) => `"${f.name}"`).join(', ');

export type OgKind = 'Topic' | 'Event';

export interface OgCard {
  kind: OgKind;
  title: string;
  /** One line of context: "author · event · date", a summary, or "city · dates". */
  context: string;
}

/**
 * The brand colours of src/styles/global.css, light theme: the accent blue (--accent) for the band
 * and the kind, the warm orange (--focus) for the rules. White text on the blue is 7.4:1, the dark
 * title on white 16:1, the muted context line 7:1.
 */
export const OG_COLOURS = {
  accent: '#0b57a4',
  second: '#c2410c',
  accentFg: '#ffffff',
  fg: '#1c1e21',
  muted: '#545a61',
  bg: '#ffffff',
  surface: '#f4f5f7',
} as const;

const folder: Record<OgKind, string> = { Topic: 'topics', Event: 'events' };

/** Path of a card's image relative to the site's base, e.g. "og/reports/x.png". */
export const ogImagePath = (kind: OgKind, id: string) => `og/${folder[kind]}/${id}.png`;

/** Shortens text to at most `max` characters at a word boundary, with an ellipsis. */
export function clip(text: string, max: number): string {
  // Collapses ordinary white space only: no-break and thin spaces stay as they are.
  const flat = text.replace(/[ \t\r\n]+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.·–—-]+$/, '')}…`;
}

const TITLE_MAX = 110;
const CONTEXT_MAX = 150;

/** Title size in px: long titles get smaller type so they fit in at most four lines. */
export function titleSize(title: string): number {
  const n = title.length;
  return n <= 30 ? 76 : n <= 55 ? 64 : n <= 80 ? 56 : 48;
}

interface TopicLike {
  title: string;
  summary: string;
}
interface EventLike extends EventDays {
  name: string;
  city?: string | undefined;
}

/** The first sentence of a text, when it is a real one (not "e.g."), else the whole text. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?= [A-Z\u201c"])/g;
  for (let m = end.exec(flat); m; m = end.exec(flat)) if (m.index >= 40) return flat.slice(0, m.index + 1);
  return flat;
}

export const topicCard = (t: TopicLike): OgCard => ({
  kind: 'Topic',
  title: clip(t.title, TITLE_MAX),
  context: clip(firstSentence(t.summary), CONTEXT_MAX),
});

export const eventCard = (e: EventLike): OgCard => ({
  kind: 'Event',
  title: clip(e.name, TITLE_MAX),
  context: clip(`${formatPlace(e)} · ${formatEventDates(e)}`, CONTEXT_MAX),
});

/** The cache key of a card's image: its text, the layout version and the fonts. */
export function cardKey(card: OgCard, fontKey: string): string {
  return createHash('sha256')
    .update(JSON.stringify([OG_LAYOUT_VERSION, fontKey, card.kind, card.title, card.context]))
    .digest('hex')
    .slice(0, 32);
}

/** A satori element: the shape React elements have, without React. */
export interface OgNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (OgNode | string)[] | OgNode | string };
}
const el = (type: string, style: Record<string, string | number>, ...children: (OgNode | string)[]): OgNode => ({
  type,
  props: { style, children },
});

/**
 * The card: a blue band with the site name and page kind over an orange rule, the title in large
 * dark type on white, the context line in muted type, and an orange rule at the foot. Inter 400 and 700.
 */
export function cardTree(card: OgCard, siteName = 'Hallway Track'): OgNode {
  const c = OG_COLOURS;
  return el(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: c.bg,
      fontFamily: OG_FONT_FAMILY,
      color: c.fg,
    },
    el(
      'div',
      {
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        height: 120,
        padding: '0 72px',
        backgroundColor: c.accent,
        color: c.accentFg,
        borderBottom: `8px solid ${c.second}`,
      },
      el('div', { fontSize: 40, fontWeight: 700, letterSpacing: -0.5 }, siteName),
      el(
        'div',
        {
          fontSize: 30,
          fontWeight: 700,
          padding: '8px 24px',
          borderRadius: 999,
          backgroundColor: c.accentFg,
          color: c.accent,
        },
        card.kind,
      ),
    ),
    el(
      'div',
      { display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1, padding: '40px 72px' },
      el('div', { fontSize: titleSize(card.title), fontWeight: 700, lineHeight: 1.15, letterSpacing: -1 }, card.title),
      el('div', { marginTop: 32, fontSize: 32, lineHeight: 1.35, color: c.muted }, card.context),
    ),
    el('div', { height: 16, backgroundColor: c.second }),
  );
}
