/**
 * Line endings and the byte-order mark. Every content file is read through `normalized` (by
 * `readText`), so no parser ever sees a "\r" line ending or a BOM: a file saved by a Windows editor
 * (CRLF, a BOM) or with mixed endings reads exactly as its LF copy, lines and columns included.
 *
 * `--fix` edits a report as it is on disk through `edit`, so every byte it does not change stays as
 * the person saved it (their endings, their BOM), and the lines it adds take the file's own ending.
 * (Entries appended to a registry keep what was there too: src/authoring/draft.ts `appendEntry`.)
 */

/** `raw` without its BOM, with every CRLF and lone CR read as "\n". */
export const normalized = (raw: string) => raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/** The ending most lines of `raw` have (LF for a file of one line). */
function endingOf(raw: string): string {
  const crlf = raw.match(/\r\n/g)?.length ?? 0;
  const cr = raw.match(/\r(?!\n)/g)?.length ?? 0;
  const lf = (raw.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
}

/** The offset in `raw` of each offset in `normalized(raw)`: the BOM and the "\r" of each CRLF are counted back in. */
function rawOffset(raw: string): (offset: number) => number {
  const bom = raw.startsWith('\uFEFF') ? 1 : 0;
  /** The normalized offsets of the "\n" of each CRLF, in order. */
  const dropped: number[] = [];
  for (let i = bom, n = 0; i < raw.length; i++) {
    if (raw[i] === '\r' && raw[i + 1] === '\n') dropped.push(n);
    else n++;
  }
  return (offset) => {
    let [lo, hi] = [0, dropped.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dropped[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + bom + lo;
  };
}

export interface Edit {
  /** Offsets in the normalized text: [start, end) is replaced by `text` (written with "\n"). */
  start: number;
  end: number;
  text: string;
}

/** `raw` with `edits` (non-overlapping, on its normalized text) applied; untouched bytes stay as they were. */
export function edit(raw: string, edits: Edit[]): string {
  const at = rawOffset(raw);
  const eol = endingOf(raw);
  let out = raw;
  for (const { start, end, text } of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, at(start)) + text.replace(/\n/g, eol) + out.slice(at(end));
  }
  return out;
}
