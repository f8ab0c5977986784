/**
 * Astro's build output, made readable for `npm run build`. Astro lists every page it writes in
 * two pieces: "├─ /path" without a line end when it starts the page, and " (+12ms)" (or
 * " (cached)") with one when it is done. It writes several pages at once (`build.concurrency`), so
 * the pieces interleave: starts run together on one line and deltas stand on lines of their own,
 * in a terminal as in a pipe. This drops that list and, at the end, says in one line how many
 * files Astro wrote and how many it copied from the last build; with `routes`, it lists each page
 * on a line of its own instead (with "(cached)" or "(restored)" when copied, as Astro says it,
 * which comes right after its start; a rendered page's time cannot be paired, so it is left out).
 * Every other line (warnings, errors, Astro's steps) is passed on whole.
 */

/** A page's start: Astro's "HH:MM:SS   ├─ /path" (a timestamp, then the tree branch). */
const start = /^\d\d:\d\d:\d\d\s+[├└]─ \S+/;
/** A page's end: " (+12ms) ", " (+1.20s) ", " (cached)", " (restored)". */
const end = /^\s*\((\+[\d.]+m?s|cached|restored)\)\s*/;
/** Where a piece of a run-together line begins: a timestamp, or a page's end. */
const piece = /(?=\d\d:\d\d:\d\d\s)|(?=\s\((?:\+[\d.]+m?s|cached|restored)\))/;
const colour = /\x1b\[[0-9;]*m/g;

export function astroLog(options: { routes?: boolean } = {}) {
  let pending = '';
  let pages = 0;
  let copied = 0;

  /** One complete line of Astro's output, as it should be printed: any number of lines. */
  function line(raw: string): string[] {
    const text = raw.replace(colour, '');
    if (!/[├└]─ /.test(text) && !end.test(text)) return [raw];
    const kept: string[] = [];
    for (const part of text.split(piece)) {
      const page = start.exec(part);
      const done = end.exec(part);
      if (page) {
        pages++;
        if (options.routes) kept.push(page[0]);
      } else if (done) {
        // A copied page's end comes right after its start (Astro writes both at once).
        if (done[1] === 'cached' || done[1] === 'restored') {
          copied++;
          if (options.routes && kept.length) kept[kept.length - 1] += ` (${done[1]})`;
        }
        if (part.slice(done[0].length).trim()) kept.push(part.slice(done[0].length));
      } else if (part.trim()) kept.push(part);
    }
    return kept;
  }

  return {
    /** Takes a chunk of Astro's stdout; returns what to print now (whole lines only). */
    push(chunk: string): string {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      return lines.flatMap(line).map((l) => `${l}\n`).join('');
    },
    /** What is left once Astro has exited, and the count of pages. */
    end(): string {
      const last = pending ? line(pending).map((l) => `${l}\n`).join('') : '';
      pending = '';
      const summary = pages ? `Astro wrote ${pages} files, ${copied} of them copied unchanged from the last build (\`npm run build -- --routes\` lists them).\n` : '';
      return last + summary;
    },
  };
}
