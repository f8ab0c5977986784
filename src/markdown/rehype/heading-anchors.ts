/**
 * Pipeline step: adds a “#” link to every heading of the body and to the editor's notes and footnotes lists, the
 * last step, so that nothing before it reads the link's text as the heading's.
 */
import type { Element, Root } from 'hast';
import { el, hasClass, headingsOf, textOf, txt } from './hast.ts';

export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    // The lists after the body, each under its own heading: the editor's notes, and the footnotes (remark-rehype's <section data-footnotes>).
    const lists = tree.children.filter((node): node is Element => node.type === 'element' && (hasClass(node, 'ed-notes') || 'dataFootnotes' in node.properties));
    const listHeadings = lists.map((list) => list.children.find((c): c is Element => c.type === 'element' && /^h[2-6]$/.test(c.tagName))).filter((h) => h !== undefined);
    for (const { node, title } of [...headingsOf(tree), ...listHeadings.map((h) => ({ node: h, title: textOf(h) }))]) {
      node.children.push(
        txt(' '),
        el('a', { className: ['anchor'], href: `#${String(node.properties.id)}`, dataPagefindIgnore: true }, [
          el('span', { ariaHidden: 'true' }, [txt('#')]),
          el('span', { className: ['visually-hidden'] }, [txt(`Link to “${title}”`)]),
        ]),
      );
    }
  };
}
