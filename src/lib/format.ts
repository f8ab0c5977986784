const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "28 June 2022". Dates are calendar days stored at UTC midnight. */
export const formatDate = (date: Date) => day.format(date);

/** "2022-06-28", for <time datetime>. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const ranges = new Map<string, string>();
/** "16–20 May 2022", "30 May – 2 June 2022", or one day. Remembered: events are few, pages many. */
export function formatRange(start: Date, end: Date): string {
  const key = `${start.getTime()}/${end.getTime()}`;
  let text = ranges.get(key);
  if (text === undefined) ranges.set(key, (text = day.formatRange(start, end)));
  return text;
}

/** An event's days as far as they are known: ingest may add an event whose dates the post does not give. */
export interface EventDays {
  year: number;
  start?: Date | undefined;
  end?: Date | undefined;
}

/** "16–20 May 2022"; "16 May 2022, end not confirmed"; "2027, dates not confirmed" — never blank. */
export const formatEventDates = ({ year, start, end }: EventDays) =>
  start && end ? formatRange(start, end) : start ? `${formatDate(start)}, end not confirmed` : `${year}, dates not confirmed`;

/** An event's city, or "city not confirmed" for an event ingest added without one. */
export const formatCity = ({ city }: { city?: string | undefined }) => city ?? 'city not confirmed';
/** An event's country, or "country not confirmed". */
export const formatCountry = ({ country }: { country?: string | undefined }) => country ?? 'country not confirmed';

/** "Valencia", or with its country "Valencia, Spain"; "city not confirmed" for an event ingest added without one. */
export const formatPlace = (event: { city?: string | undefined; country?: string | undefined }, withCountry = false) =>
  formatCity(event) + (withCountry ? `, ${formatCountry(event)}` : '');

/**
 * When an event was, for ordering and as a feed's fallback date: its first day, else its last, else
 * 1 January of its year (an order, never shown as a date).
 */
export const eventTime = ({ year, start, end }: EventDays) => (start ?? end ?? new Date(Date.UTC(year, 0, 1))).getTime();

/** "1 report" / "3 reports". */
export const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** "2026-03-03T23:30:00+02:00" (git's committer date) → "3 March 2026": the day where it was committed. */
export const formatCommitDay = (iso: string) => formatDate(new Date(iso.slice(0, 10)));
