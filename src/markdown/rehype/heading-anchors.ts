/**
 * Pipeline step: adds a “#” link to every heading of the body and to the editor's notes list, the
 * last step, so that nothing before it reads the link's text as the heading's.
 */
import type { Element, Root } from 'hast';
import { el, hasClass, headingsOf, textOf, txt } from './hast.ts';

export function rehypeHeadingAnchors() {
  return (tree: Root) => {
    const notes = tree.children.find((node): node is Element => node.type === 'element' && hasClass(node, 'ed-notes'));
    const notesHeading = notes?.children[0] as Element | undefined;
    for (const { node, title } of [...headingsOf(tree), ...(notesHeading ? [{ node: notesHeading, title: textOf(notesHeading) }] : [])]) {
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
