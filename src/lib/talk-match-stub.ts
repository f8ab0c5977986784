/**
 * STUB, to be replaced when merging: the "schedule" branch writes `proposeTalks` in
 * src/lib/talk-match.ts with this exact signature (title, speaker and subject matching with
 * normalisation shared with import-schedule). This local stand-in only lets `check --fix` be built
 * and tested against it: sure when the text holds a talk's whole title (two words at least), a
 * hint when it names a speaker by full name. The lead swaps the import in src/check/talk-links.ts.
 */

export interface TalkProposal {
  /** The talk's id. */
  id: string;
  /** True when the text names the talk's title: safe to write without asking. */
  sure: boolean;
  /** Why it is proposed, for a person to judge, e.g. `names the title "Warm Pools, Four Years Later"`. */
  why: string;
}

/** Lower case, accents off, punctuation as spaces, spaces collapsed, padded with spaces for whole-word search. */
const norm = (text: string) => ` ${text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** Talk ids a report section (its heading and text) is likely about, sure ones first. */
export function proposeTalks(
  text: string,
  talks: { id: string; title: string; speakers: string[] }[],
  people: Record<string, { name: string }>,
): TalkProposal[] {
  const haystack = norm(text);
  const proposals: TalkProposal[] = [];
  for (const talk of talks) {
    const title = norm(talk.title);
    if (title.trim().includes(' ') && haystack.includes(title)) {
      proposals.push({ id: talk.id, sure: true, why: `names the title "${talk.title}"` });
      continue;
    }
    const speaker = talk.speakers.map((id) => people[id]?.name).find((name) => name?.includes(' ') && haystack.includes(norm(name)));
    if (speaker) proposals.push({ id: talk.id, sure: false, why: `names its speaker ${speaker}` });
  }
  return proposals.sort((a, b) => Number(b.sure) - Number(a.sure));
}
