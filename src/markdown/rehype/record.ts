/**
 * Pipeline step: gathers what the steps before it added to the file into the body's record
 * (`file.data.record`, src/schemas/record.ts), which the check, the catalog and the pages read.
 * Strict (the site build), it then throws every problem found, so nothing of a bad body goes on.
 * It does not compare the record with the frontmatter (src/lib/validate.ts does).
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { ReportRecord } from '../../schemas/record.ts';
import { throwProblems } from '../problems.ts';
import { sectionWords } from '../../lib/words.ts';

declare module 'vfile' {
  interface DataMap {
    /** The body's record (src/markdown/rehype/record.ts). */
    record: ReportRecord;
  }
}

export function rehypeRecord({ strict }: { strict: boolean }) {
  return (_tree: Root, file: VFile) => {
    const { headings = [], sections = [], mentions = [], siteLinks = [] } = file.data;
    file.data.record = { headings, sections, mentions, words: sectionWords(sections), links: siteLinks };
    if (strict) throwProblems(file);
  };
}
