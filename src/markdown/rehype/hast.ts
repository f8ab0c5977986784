/** Small HTML-tree helpers the pipeline's rehype steps share. */
import type { Element, ElementContent, Nodes, Root, Text } from 'hast';

export const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

export const txt = (value: string): Text => ({ type: 'text', value });

export const hasClass = (node: Element, name: string) => ([] as unknown[]).concat(node.properties.className ?? []).includes(name);

export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';
}

export function headingDepth(node: Nodes): number | undefined {
  if (node.type !== 'element') return undefined;
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : undefined;
}

/** `##` and `###`: the depths that make sections (topic pages quote them, mentions are per section). */
export const sectionDepths = new Set([2, 3]);

export interface Heading {
  /** Index among the body's top-level nodes. */
  index: number;
  depth: number;
  node: Element;
  /** Its text, trimmed. */
  title: string;
}

/** The body's headings: the top-level `h1`…`h6` (an author's headings are never nested). */
export function headingsOf(tree: Root): Heading[] {
  return tree.children.flatMap((node, index) => {
    const depth = headingDepth(node);
    return depth && node.type === 'element' ? [{ index, depth, node, title: textOf(node).trim() }] : [];
  });
}
