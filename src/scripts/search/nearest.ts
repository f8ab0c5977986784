/**
 * The topics and tools nearest to a query that found nothing: "kubernets" → Kubernetes,
 * "observe" → Observability. Pure, no DOM: the search page embeds the list (name and URL) at build time.
 */
export interface Place {
  name: string;
  url: string;
  kind: 'topic' | 'tool';
}

const words = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);

function grams(word: string): Set<string> {
  const padded = ` ${word} `;
  const out = new Set<string>();
  for (let i = 0; i < padded.length - 2; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** How alike two words are, 0–1: a prefix of either scores high, otherwise shared trigrams (Dice). */
export function likeness(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length >= 3 && b.startsWith(a)) return 0.9;
  if (b.length >= 3 && a.startsWith(b)) return 0.8;
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/** Up to `limit` places whose name is most like the query's words, best first; none below `floor`. */
export function nearest(query: string, places: Place[], limit = 6, floor = 0.34): Place[] {
  const q = words(query);
  if (!q.length) return [];
  return places
    .map((place, i) => {
      const name = words(place.name);
      // Each query word finds its best word in the name; the place scores the mean.
      const score = q.reduce((sum, w) => sum + Math.max(0, ...name.map((n) => likeness(w, n))), 0) / q.length;
      return { place, score, i };
    })
    .filter((x) => x.score >= floor)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.place);
}
