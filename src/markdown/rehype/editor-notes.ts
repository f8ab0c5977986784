/**
 * Pipeline steps for editor's notes: `<Ed was="…" note="…">fix</Ed>` becomes visible note markup
 * (the guard has already refused every other component), and typo-level corrections get a notes
 * list at the end of the article. Two steps, because the list is no section of the author's: it is
 * appended after the sections are cut (src/markdown/pipeline.ts gives the order).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { el, txt } from './hast.ts';

/** A typo-level correction, numbered in order, for the notes list. */
export interface Typo {
  n: number;
  was: string;
}

declare module 'vfile' {
  interface DataMap {
    /** The body's typo-level corrections, in order (src/markdown/rehype/editor-notes.ts). */
    typos: Typo[];
  }
}

/**
 * One `<Ed>` as markup. A typo-level correction (`was` without `note`) shows the corrected word with
 * a footnote-style marker linking to the notes list; a substantive note stays inline, where it is read.
 */
function renderEditorNote(node: MdxJsxFlowElementHast | MdxJsxTextElementHast, children: ElementContent[], typos: Typo[]): Element {
  const attr = (name: string) =>
    (node.attributes as MdxJsxAttribute[]).find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value as string | undefined;
  const was = attr('was');
  const note = attr('note');
  const explanation = [was ? `the captured text reads “${was}”.` : '', note ?? ''].filter(Boolean).join(' ');
  if (node.type === 'mdxJsxFlowElement') {
    const noteBlock = el('p', { className: ['ed-note', 'ed-block'] }, [el('strong', {}, [txt('Editor’s note:')]), txt(` ${explanation}`)]);
    // A note wrapping blocks keeps them: the author's text is never dropped.
    return children.length ? el('div', { className: ['ed-wrap'] }, [...children, noteBlock]) : noteBlock;
  }
  if (was && !note && children.length) {
    const n = typos.push({ n: typos.length + 1, was });
    return el('span', { className: ['ed'] }, [
      el('ins', {}, children),
      el('a', { className: ['ed-ref'], href: `#ed-note-${n}`, id: `ed-ref-${n}`, dataPagefindIgnore: true }, [
        el('span', { ariaHidden: 'true' }, [txt(String(n))]),
        el('span', { className: ['visually-hidden'] }, [txt(` (editor’s note ${n})`)]),
      ]),
    ]);
  }
  // A correction's note carries its own leading space, so removing notes leaves the author's spacing.
  const label = (lead: string) => el('span', { className: ['ed-note'] }, [txt(`${lead}[Editor’s note: ${explanation}]`)]);
  return children.length ? el('span', { className: ['ed'] }, [el('ins', {}, children), label(' ')]) : label('');
}

function replaceJsx(parent: Root | Element, typos: Typo[]) {
  parent.children = parent.children.map((child) => {
    const node = child as unknown as MdxJsxFlowElementHast | MdxJsxTextElementHast | RootContent;
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const holder = node as unknown as Element;
      replaceJsx(holder, typos);
      return renderEditorNote(node, holder.children, typos);
    }
    if (child.type === 'element') replaceJsx(child, typos);
    return child;
  }) as typeof parent.children;
}

/** Step: renders every `<Ed>`; the typo-level corrections go to `file.data.typos`. */
export function rehypeEditorNotes() {
  return (tree: Root, file: VFile) => {
    const typos: Typo[] = [];
    replaceJsx(tree, typos);
    file.data.typos = typos;
  };
}

/** The notes of typo-level corrections, each with a link back to its marker. */
function notesList(typos: Typo[]): Element {
  return el('section', { className: ['ed-notes'], ariaLabelledBy: ['ed-notes-title'], dataPagefindIgnore: true }, [
    el('h2', { id: 'ed-notes-title' }, [txt('Editor’s corrections')]),
    el(
      'ol',
      {},
      typos.map(({ n, was }) =>
        el('li', { id: `ed-note-${n}`, className: ['ed-note'] }, [
          txt(`The captured text reads “${was}”. `),
          el('a', { href: `#ed-ref-${n}`, className: ['ed-back'] }, [
            el('span', { ariaHidden: 'true' }, [txt('↩')]),
            el('span', { className: ['visually-hidden'] }, [txt(`Back to correction ${n}`)]),
          ]),
        ]),
      ),
    ),
  ]);
}

/** Step: appends the notes list after the article's last section, when there are typo-level corrections. */
export function rehypeEditorNotesList() {
  return (tree: Root, file: VFile) => {
    if (file.data.typos?.length) tree.children.push(notesList(file.data.typos));
  };
}
