/**
 * Runs the report pipeline over a body and turns everything it can say into problems with a
 * line: what the pipeline recorded (src/markdown/problems.ts), and MDX syntax errors, which the
 * parser throws in its own words (`Unexpected character \`5\` …`) and we re-word with the fix.
 * Part of the pipeline (src/markdown/rendered.ts calls it), so the check and the build report a
 * body alike without the pipeline depending on the checker.
 */
import type { VFile } from 'vfile';
import type { Problem } from '../lib/problems.ts';
import { Unreadable } from './problems.ts';

interface ParseError {
  reason?: string;
  message: string;
  line?: number;
  column?: number;
  source?: string;
  ruleId?: string;
}

/** What a person should type instead, for each MDX parser that can fail (by the parser's name). */
function advice(error: ParseError): { found: string; fix: string } {
  const source = error.source ?? '';
  if (error.ruleId === 'end-tag-mismatch') {
    return { found: 'a tag left open or closed by another', fix: 'close each tag where it ends, in the same paragraph (<Ed note="…">…</Ed>), or write \\< or &lt; for a literal "<"' };
  }
  if (source.includes('mdx-jsx')) {
    return { found: 'a "<" that MDX reads as the start of a tag', fix: 'write \\< or &lt; for a literal "<"' };
  }
  if (source.includes('mdx-expression')) {
    return { found: 'a "{" that MDX reads as the start of code', fix: 'write \\{ for a literal "{" (and \\} for "}")' };
  }
  if (source.includes('mdxjs-esm')) {
    return { found: 'a line that MDX reads as an import or export', fix: 'rephrase it, or write &#105;mport / &#101;xport' };
  }
  return { found: 'text MDX cannot read', fix: 'check the characters at that place' };
}

/**
 * Where to point. An unclosed "{" is reported at the end of the file, but the person needs the "{";
 * an unclosed flow tag comes without a place of its own, only its span in the reason ("(20:1-20:20)").
 */
function place(error: ParseError, text: string): { line?: number; column?: number } {
  if (error.ruleId === 'unexpected-eof' && error.source?.includes('mdx-expression')) {
    const open = text.search(/(?<!\\)\{[^}]*$/);
    if (open >= 0) {
      const before = text.slice(0, open);
      return { line: before.split('\n').length, column: open - before.lastIndexOf('\n') };
    }
  }
  if (error.line === undefined) {
    const span = /\((\d+):(\d+)[-)]/.exec(error.reason ?? error.message);
    if (span) return { line: Number(span[1]), column: Number(span[2]) };
  }
  return { line: error.line, column: error.column };
}

/** The first line with text: where a problem without a place of its own is shown. */
const firstTextLine = (text: string) => Math.max(1, text.split('\n').findIndex((line) => line.trim()) + 1);

/**
 * Runs `run` (the pipeline over `file`) and returns the file's problems, parse errors included.
 * Anything else the pipeline throws is a bug of ours, but still reported on the file, in our format,
 * so one odd report never hides every other problem behind a stack trace.
 */
export function bodyProblems(run: () => unknown, file: VFile): Omit<Problem, 'file'>[] {
  try {
    run();
  } catch (thrown) {
    if (thrown instanceof Unreadable) return file.data.problems ?? [];
    const error = thrown as ParseError;
    const text = String(file.value);
    // Without the span some messages carry ("(20:1-20:20)"): the line is ours, the column follows.
    const reason = String(error.reason ?? error.message).split('\n')[0]!.replace(/ \(\d+:\d+-\d+:\d+\)/g, '').replace(/\.$/, '');
    if (!error.source) {
      return [
        ...(file.data.problems ?? []),
        { line: firstTextLine(text), field: 'body', message: `expected text the report pipeline can read, found it stopped (${reason}); simplify the text, and tell the maintainers` },
      ];
    }
    const { found, fix } = advice(error);
    const { line, column } = place(error, text);
    return [
      ...(file.data.problems ?? []),
      { line: line ?? firstTextLine(text), field: 'body', message: `expected MDX text, found ${found} at column ${column ?? '?'} (${reason}); ${fix}` },
    ];
  }
  return file.data.problems ?? [];
}
