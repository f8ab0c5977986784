import { distance } from 'fastest-levenshtein';

/**
 * The known id closest to `wanted` when it is close enough to be a likely typo
 * (at most a third of its length away), else undefined.
 */
export function nearest(wanted: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(wanted, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.ceil(wanted.length / 3)) ? best : undefined;
}
