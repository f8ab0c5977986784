import type { Rule } from './rule.ts';

/** A published report's summary is not the `TODO` a draft starts with. */
export const summaryTodo: Rule<Record<string, never>> = {
  id: 'summary-todo',
  checks: 'a published report\'s summary is not the "TODO" placeholder',
  message: () => 'expected a summary of the report, found the placeholder "TODO"; write one or two sentences, or keep `draft: true`',
  example: { change: { report: (text) => text.replace(/^summary: .*$/m, 'summary: TODO') }, field: 'summary', finding: {} },
  help: { shown: '`summary: … found the placeholder "TODO"`', fix: 'finish the report, or keep `draft: true`' },
  report({ data, record, lineOf }) {
    if (!data || !record || data.draft || !/\bTODO\b/.test(data.summary)) return [];
    return [{ line: lineOf(['summary']), field: 'summary', message: this.message({}) }];
  },
};
