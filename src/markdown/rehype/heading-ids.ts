/**
 * Pipeline step: gives every heading an id (github-slugger, as Astro would, but never one of the
 * frame's: src/lib/frame-ids.ts) and checks what keeps ids meaningful and unique: no `#`
 * heading, no empty id, no duplicate, no empty section.
 */
import GithubSlugger, { slug as slugOf } from 'github-slugger';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { ReportRecord } from '../../schemas/record.ts';
import { isFrameId } from '../../lib/frame-ids.ts';
import { addProblem } from '../problems.ts';
import { headingsOf, sectionDepths } from './hast.ts';

declare module 'vfile' {
  interface DataMap {
    /** Every heading of the body with its id, in order (src/markdown/rehype/heading-ids.ts). */
    headings: ReportRecord['headings'];
  }
}

export function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const slugger = new GithubSlugger();
    const seen = new Map<string, number | undefined>();
    const headings = headingsOf(tree);
    for (const { index, depth, node, title } of headings) {
      const line = node.position?.start.line;
      const key = slugOf(title);
      if (depth === 1) {
        addProblem(file, node, `expected headings from ## down (the page shows the title as its only # heading), found "# ${title}"; write ## ${title}`);
      }
      if (!key) {
        addProblem(file, node, `expected a heading with letters or digits (its link id is made of them), found ${JSON.stringify(title)}; add words to it`);
      } else if (seen.has(key)) {
        const first = seen.get(key);
        addProblem(file, node, `expected each heading once (its link id must be unique), found "${title}" again${first ? ` (first on line ${first})` : ''}; rename one`);
      }
      seen.set(key, line);
      // A heading named like a part of the frame ("Credit", "Main") takes the next free id, "credit-1".
      let id = slugger.slug(title);
      while (isFrameId(id)) id = slugger.slug(title);
      node.properties.id ??= id || `section-${index}`;
    }
    const top = tree.children;
    headings.forEach((h, i) => {
      const next = headings[i + 1];
      const between = top.slice(h.index + 1, next ? next.index : top.length);
      const empty = between.every((n) => n.type === 'text' && !n.value.trim()) && (!next || next.depth <= h.depth);
      if (empty && sectionDepths.has(h.depth)) {
        addProblem(file, h.node, `expected text under the heading "${h.title}", found ${next ? 'the next heading' : 'the end of the report'}; add text or remove the heading`);
      }
    });
    file.data.headings = headings.map((h) => ({ id: String(h.node.properties.id), depth: h.depth, title: h.title, line: h.node.position?.start.line }));
  };
}
