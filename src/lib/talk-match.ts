/**
 * Matching talk titles and people's names as people and programmes write them: pure functions,
 * shared by `import-schedule` (a programme's sessions against talks.yaml and people.yaml) and by
 * whatever proposes talk ids for a report's sections (`check --fix`, ingest). A title is compared
 * without case, accents, punctuation or quotes, and without the " - Speaker, Company" tail Sched
 * puts in its iCalendar summaries; a name matches its full form or, alone, its first name.
 */

/** Lower case, accents off, quotes and punctuation as spaces, spaces collapsed: "“Warm Pools,” Revisited!" → "warm pools revisited". */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The subject of a placeholder title "Untitled talk on sizing a database tier", or undefined. */
export function untitledSubject(title: string): string | undefined {
  return /^untitled (?:talk|session|keynote|panel|workshop)(?: on| about)? (.+)$/i.exec(title.trim())?.[1];
}

/**
 * The title part of a Sched-style summary "Title - Speaker, Company & Other, Company", when the
 * part after the last " - " names one of `speakers` (or, with no speakers known, reads like a
 * "Name, Company" credit); else the summary as it is.
 */
export function titleOfSummary(summary: string, speakers: string[] = []): string {
  const at = summary.lastIndexOf(' - ');
  if (at < 0) return summary.trim();
  const tail = normalizeText(summary.slice(at + 3));
  const names = speakers.map(normalizeText).filter(Boolean);
  const credited = names.length ? names.some((n) => tail.includes(n)) : /^[^,]+,[^,]+(?:[,&][^,]+)*$/.test(summary.slice(at + 3));
  return credited ? summary.slice(0, at).trim() : summary.trim();
}

/** True when two titles are the same once normalized (either may carry Sched's speaker tail). */
export function sameTitle(a: string, b: string): boolean {
  const [na, nb] = [normalizeText(a), normalizeText(b)];
  if (!na || !nb) return false;
  return na === nb || normalizeText(titleOfSummary(a)) === nb || na === normalizeText(titleOfSummary(b));
}

/**
 * How the person named `known` (as people.yaml has them) relates to a programme's `full` name:
 * 'same' (equal once normalized), 'first' (`known` is `full`'s first name alone, as "Marvin" for
 * "Marvin Keller"), or undefined.
 */
export function nameMatch(known: string, full: string): 'same' | 'first' | undefined {
  const [k, f] = [normalizeText(known), normalizeText(full)];
  if (!k || !f) return undefined;
  if (k === f) return 'same';
  if (!k.includes(' ') && f.split(' ')[0] === k && f.includes(' ')) return 'first';
  return undefined;
}

/** Words of a title that say something (three letters or more, not "the", "and", "with" …). */
const stopWords = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'our', 'your', 'how', 'what', 'why', 'are', 'you', 'its', 'not', 'talk', 'untitled']);
const contentWords = (text: string) => normalizeText(text).split(' ').filter((w) => w.length >= 3 && !stopWords.has(w));

/** ` normalized text ` contains ` phrase ` as whole words. */
const containsPhrase = (haystack: string, phrase: string) => phrase !== '' && ` ${haystack} `.includes(` ${phrase} `);

export interface TalkProposal {
  /** The talk's id. */
  id: string;
  /** True when the text names the talk's title: safe to write without asking. */
  sure: boolean;
  /** Why it is proposed, for a person to judge, e.g. `names the title "Warm Pools, Four Years Later"`. */
  why: string;
}

/**
 * Talk ids a report section (its heading and text) is likely about, best first. Sure: the text
 * contains a talk's whole title (normalized, at least two words). Not sure, a hint: it names one of
 * its speakers by full name, names the subject of an "Untitled talk on …", or has most of its
 * title's words (two at least).
 */
export function proposeTalks(
  text: string,
  talks: { id: string; title: string; speakers: string[] }[],
  people: Record<string, { name: string }>,
): TalkProposal[] {
  const haystack = normalizeText(text);
  const words = new Set(haystack.split(' '));
  const proposals: (TalkProposal & { score: number })[] = [];
  for (const talk of talks) {
    const subject = untitledSubject(talk.title);
    const title = normalizeText(subject === undefined ? titleOfSummary(talk.title) : '');
    if (title.includes(' ') && containsPhrase(haystack, title)) {
      proposals.push({ id: talk.id, sure: true, why: `names the title "${talk.title}"`, score: 3 });
      continue;
    }
    const speaker = talk.speakers.map((id) => people[id]?.name).find((name) => name && normalizeText(name).includes(' ') && containsPhrase(haystack, normalizeText(name)));
    if (speaker) {
      proposals.push({ id: talk.id, sure: false, why: `names its speaker ${speaker}`, score: 2 });
      continue;
    }
    if (subject !== undefined) {
      const wanted = contentWords(subject);
      if (wanted.length >= 2 && wanted.every((w) => words.has(w))) proposals.push({ id: talk.id, sure: false, why: `names its subject "${subject}"`, score: 1.5 });
      continue;
    }
    const wanted = contentWords(talk.title);
    const found = wanted.filter((w) => words.has(w));
    if (found.length >= 2 && found.length * 3 >= wanted.length * 2) {
      proposals.push({ id: talk.id, sure: false, why: `has most words of the title "${talk.title}" (${found.join(', ')})`, score: found.length / wanted.length });
    }
  }
  return proposals.sort((a, b) => b.score - a.score).map(({ id, sure, why }) => ({ id, sure, why }));
}
