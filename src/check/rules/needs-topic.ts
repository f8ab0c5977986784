import type { Rule } from './rule.ts';

/** A published report has at least one topic: readers find reports through their topics. */
export const needsTopic: Rule<Record<string, never>> = {
  id: 'needs-topic',
  checks: 'a published report has at least one topic',
  message: () => 'expected at least one topic (readers find reports through their topics), found none; add one, or keep `draft: true` until it has one',
  example: { change: { report: (text) => text.replace(/^topics:\n(?: .*\n)*/m, 'topics: []\n') }, field: 'topics', finding: {} },
  help: { shown: '`topics: expected at least one topic …`', fix: 'add a topic, or keep `draft: true`' },
  report({ data, record, lineOf }) {
    if (!data || !record || data.draft || data.topics.length) return [];
    return [{ line: lineOf(['topics']) ?? 1, field: 'topics', message: this.message({}) }];
  },
};
