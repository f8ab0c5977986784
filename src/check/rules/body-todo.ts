import { proseLines, type Rule } from './rule.ts';

/** A published report's body has no `TODO` placeholder (a draft starts with some), outside code blocks. */
export const bodyTodo: Rule<{ line: string }> = {
  id: 'body-todo',
  checks: 'a published report\'s body has no "TODO" placeholder',
  message: ({ line }) => `expected the report's text, found the placeholder ${JSON.stringify(line.slice(0, 60))}; finish it, or keep \`draft: true\``,
  example: { change: { body: 'TODO: the keynote' }, field: 'body', finding: { line: 'TODO: the keynote' } },
  help: { shown: '`body: expected the report\'s text, found the placeholder "TODO: …"`', fix: 'finish it, or keep `draft: true`' },
  report({ body, data }) {
    if (data?.draft ?? true) return [];
    return proseLines(body).flatMap(({ line, text }) => (/\bTODO\b/.test(text) ? [{ line, field: 'body', message: this.message({ line: text }) }] : []));
  },
};
