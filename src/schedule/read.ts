/**
 * Reads a schedule export from a file (never from the network) and tells its format by its
 * content, not its name: a frab/Pretalx or Sessionize JSON object, or an iCalendar file. Anything
 * else, or a file cut short, is a problem in our format; nothing throws.
 */
import { readFileSync, statSync } from 'node:fs';
import { shown, type Problem } from '../lib/problems.ts';
import { isICalendar, readICalendar } from './icalendar.ts';
import { isFrab, readFrab } from './pretalx.ts';
import type { Programme } from './programme.ts';
import { isSessionize, readSessionize } from './sessionize.ts';

/** Larger than any programme (5,000 sessions with long abstracts are about 20 MB). */
const maxBytes = 64 * 1024 * 1024;

const formats = 'a Pretalx/frab schedule.json, a Sessionize "All data" JSON or an iCalendar (.ics) file';

/** The programme in `file`, or the problems that stop its import. `zone`: the event's time zone, for UTC times. */
export function readProgramme(file: string, zone?: string): { programme?: Programme; problems: Problem[] } {
  const fail = (message: string, line?: number) => ({ problems: [{ file, line, field: '(file)', message }] });
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) return fail('expected a schedule file, found a folder or a device');
    if (statSync(file).size > maxBytes) return fail(`expected a schedule of at most ${maxBytes / 1024 / 1024} MB, found ${Math.round(statSync(file).size / 1024 / 1024)} MB`);
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'expected a schedule file, found nothing there' : `expected a readable schedule file, found the error ${code ?? String(error)}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return fail('expected UTF-8 text, found bytes that are not; export the schedule again (programmes export UTF-8)');
  }
  if (!text.trim()) return fail(`expected ${formats}, found an empty file`);
  if (isICalendar(text)) {
    try {
      const { problems, ...programme } = readICalendar(text, file, zone);
      return problems.length ? { problems } : { programme, problems };
    } catch (error) {
      const cut = /did not end/.test((error as Error).message);
      return fail(`expected a complete iCalendar file, found ${cut ? 'it ending inside a component (cut short?)' : `an error: ${shown((error as Error).message)}`}; download it again`, cut ? text.trimEnd().split('\n').length : undefined);
    }
  }
  if (/^\s*[{[]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const line = /line (\d+)/.exec(message)?.[1];
      const end = /end of (?:JSON|data)|Unterminated/i.test(message);
      return fail(`expected complete JSON, found ${end ? 'the file ending in the middle of it (cut short? download it again)' : `an error: ${shown(message.replace(/ in JSON at position.*$/, ''))}`}`, line ? Number(line) : end ? text.split('\n').length : undefined);
    }
    if (isFrab(data)) return { programme: readFrab(data as Record<string, unknown>, file), problems: [] };
    if (isSessionize(data)) return { programme: readSessionize(data as Record<string, unknown>, file), problems: [] };
    const keys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).slice(0, 5).join(', ') : Array.isArray(data) ? 'a list' : typeof data;
    return fail(`expected ${formats}, found JSON of another shape (${shown(keys, 80)}); Sessionize's "All data" export has sessions and speakers, Pretalx's schedule.json has schedule.conference`);
  }
  if (/^\s*<(?:\?xml|schedule)/i.test(text)) return fail(`expected ${formats}, found XML; download Pretalx's schedule.json instead of schedule.xml`);
  return fail(`expected ${formats}, found text that is none of them (it starts with ${shown(JSON.stringify(text.trimStart().slice(0, 30)))})`, 1);
}
