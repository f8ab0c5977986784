/**
 * Checks on a content file's raw bytes, before any parser sees them: UTF-8, size, line length,
 * and the frontmatter fences of a report. Each problem names the file and line.
 */
import { normalized } from './line-endings.ts';
import { quoted, type Problem } from './problems.ts';

/** Past these, parsers can exhaust the stack or memory; no real report comes near them. */
export const limits = { fileBytes: 2_000_000, lineChars: 20_000 };

/** True when `bytes` is valid UTF-8 so far (a sequence cut off at the end is fine). */
const validUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
};

/** The text of `bytes` (with "\n" line endings, no BOM: see line-endings.ts), or the problem: not UTF-8 (with the first bad byte's line), too large, lines too long. */
export function readText(bytes: Uint8Array, file: string): { text?: string; problems: Problem[] } {
  if (bytes.length > limits.fileBytes) {
    return { problems: [{ file, field: '(file)', message: `expected at most ${limits.fileBytes.toLocaleString('en')} bytes, found ${bytes.length.toLocaleString('en')}; split it` }] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The longest valid prefix ends at the first bad byte.
    let [lo, hi] = [0, bytes.length];
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (validUtf8(bytes.subarray(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    // A lead byte whose sequence is cut short is the culprit, not the byte that cut it.
    for (let k = 1; k <= 3 && lo - k >= 0; k++) {
      const b = bytes[lo - k]!;
      if (b >= 0xc0) {
        lo -= k;
        break;
      }
      if (b < 0x80 || b > 0xbf) break;
    }
    const before = bytes.subarray(0, lo);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const column = lo - (before.lastIndexOf(0x0a) + 1) + 1;
    const byte = bytes[lo]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      problems: [{
        file,
        line,
        field: '(encoding)',
        message: `expected UTF-8 text, found the byte 0x${byte} at column ${column}, which is not UTF-8 (the file is probably Latin-1 or Windows-1252); save it as UTF-8`,
      }],
    };
  }
  text = normalized(text);
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.length > limits.lineChars) {
      problems.push({
        file,
        line: i + 1,
        field: '(file)',
        message: `expected lines of at most ${limits.lineChars.toLocaleString('en')} characters, found one of ${line.length.toLocaleString('en')}; break it into paragraphs`,
      });
    }
  });
  return problems.length ? { problems } : { text, problems };
}

export interface ReportParts {
  /** The YAML between the fences. */
  frontmatter: string;
  /** The body with the frontmatter lines blanked, so its line numbers are the file's. */
  body: string;
}

/** Splits a report into frontmatter and body, or says which fence is missing. */
export function splitReport(text: string, file: string): { parts?: ReportParts; problems: Problem[] } {
  const lines = text.split('\n');
  const problem = (line: number, message: string) => ({ problems: [{ file, line, field: '(frontmatter)', message }] });
  if (!text.trim()) {
    return { problems: [{ file, line: 1, field: '(file)', message: 'expected a report (frontmatter between "---" lines, then the text), found an empty file' }] };
  }
  if (lines[0]!.trimEnd() !== '---') {
    return problem(1, `expected "---" on the first line to open the frontmatter, found ${quoted(lines[0]!)}`);
  }
  const close = lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---');
  if (close < 0) return problem(lines.length, 'expected a closing "---" line after the frontmatter, found the end of the file');
  return {
    parts: {
      frontmatter: lines.slice(1, close).join('\n'),
      body: '\n'.repeat(close + 1) + lines.slice(close + 1).join('\n'),
    },
    problems: [],
  };
}
