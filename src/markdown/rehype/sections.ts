/**
 * Pipeline step: cuts the `##`/`###` sections out for topic pages, each with its subsections,
 * headings demoted two levels and without ids. Runs after the tool links are in, before anything
 * that is no section of the author's is appended.
 */
import type { ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { VFile } from 'vfile';
import type { Section } from '../../schemas/record.ts';
import { hasClass, headingDepth, headingsOf, sectionDepths, txt } from './hast.ts';

declare module 'vfile' {
  interface DataMap {
    /** The `##` and `###` sections, in order (src/markdown/rehype/sections.ts). */
    sections: Section[];
  }
}

/** Copies passage nodes for use on another page: headings demoted two levels (they sit under event and report headings) and stripped of ids. */
function forPassage(node: RootContent): RootContent {
  if (node.type !== 'element') return node;
  // A typo marker points into this report's notes list, which a quoting page does not have: the corrected word stays, unmarked.
  if (hasClass(node, 'ed-ref')) return txt('');
  // So does a footnote's marker (remark-rehype's <sup><a data-footnote-ref>), and the footnotes after the last section are the report's, not the section's.
  if ('dataFootnotes' in node.properties || node.children.some((c) => c.type === 'element' && 'dataFootnoteRef' in c.properties)) return txt('');
  const depth = headingDepth(node);
  const { id: _id, ...properties } = node.properties;
  return {
    ...node,
    tagName: depth ? `h${Math.min(depth + 2, 6)}` : node.tagName,
    properties: depth ? properties : node.properties,
    children: node.children.map((c) => forPassage(c) as ElementContent),
  };
}

export function rehypeSections() {
  return (tree: Root, file: VFile) => {
    const top = tree.children;
    const headings = headingsOf(tree);
    let parent: string | undefined;
    file.data.sections = headings
      .filter((h) => sectionDepths.has(h.depth))
      .map((h) => {
        const id = String(h.node.properties.id);
        if (h.depth === 2) parent = id;
        const next = headings.find((o) => o.index > h.index && o.depth <= h.depth);
        const body = top.slice(h.index + 1, next ? next.index : top.length).map(forPassage);
        return {
          id,
          depth: h.depth,
          title: h.title,
          ...(h.depth === 3 && parent ? { parent } : {}),
          html: toHtml({ type: 'root', children: body }).trim(),
        };
      });
  };
}
