/**
 * Runs the report pipeline over a body and turns everything it can say into problems with a
 * line: what the pipeline recorded (src/markdown/problems.ts), and MDX syntax errors, which the
 * parser throws in its own words (`Unexpected character \`5\` …`) and we re-word with the fix.
 */
import type { VFile } from 'vfile';
import type { Problem } from '../lib/problems.ts';

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

/** Where to point: an unclosed "{" is reported at the end of the file, but the person needs the "{". */
function place(error: ParseError, text: string): { line?: number; column?: number } {
  if (error.ruleId === 'unexpected-eof' && error.source?.includes('mdx-expression')) {
    const open = text.search(/(?<!\\)\{[^}]*$/);
    if (open >= 0) {
      const before = text.slice(0, open);
      return { line: before.split('\n').length, column: open - before.lastIndexOf('\n') };
    }
  }
  return { line: error.line, column: error.column };
}

/** Runs `run` (the pipeline over `file`) and returns the file's problems, parse errors included. */
export function bodyProblems(run: () => unknown, file: VFile): Omit<Problem, 'file'>[] {
  try {
    run();
  } catch (thrown) {
    const error = thrown as ParseError;
    if (error.line === undefined) throw thrown;
    const { found, fix } = advice(error);
    const { line, column } = place(error, String(file.value));
    const reason = (error.reason ?? error.message).split('\n')[0]!.replace(/\.$/, '');
    return [
      ...(file.data.problems ?? []),
      { line, field: 'body', message: `expected MDX text, found ${found} at column ${column ?? '?'} (${reason}); ${fix}` },
    ];
  }
  return file.data.problems ?? [];
}
