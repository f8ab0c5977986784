/**
 * Pipeline step: records the body's links and images into this site, as written, for the link
 * check (src/lib/site-paths.ts); the root-relative ones (`/reports/x/`) get the base path in front
 * (`/kb/reports/x/`), as every link of ours does. Relative ones and `#fragments` resolve under the
 * base already. Runs before any step adds links of its own.
 */
import type { ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import type { SiteLink } from '../../schemas/record.ts';
import { isProtocolRelative, urlScheme } from '../guard.ts';
import { photoFileClass } from '../rehype-images.ts';

declare module 'vfile' {
  interface DataMap {
    /** The author's links into this site (src/markdown/rehype/site-links.ts). */
    siteLinks: SiteLink[];
  }
}

export function rehypeSiteLinks({ base }: { base: string }) {
  const root = base.endsWith('/') ? base : `${base}/`;
  return (tree: Root, file: VFile) => {
    const links: SiteLink[] = [];
    const visit = (node: Root | ElementContent) => {
      // Footnote markers and their way back are the pipeline's links (remark-rehype's), not the author's;
      // so are a photo's published files (rehype-images.ts).
      const classes = node.type === 'element' ? ([] as unknown[]).concat(node.properties.className ?? []) : [];
      const footnote = node.type === 'element' && ('dataFootnoteRef' in node.properties || 'dataFootnoteBackref' in node.properties || classes.includes(photoFileClass));
      if (node.type === 'element' && (node.tagName === 'a' || node.tagName === 'img') && !footnote) {
        const key = node.tagName === 'a' ? 'href' : 'src';
        const url = node.properties[key];
        if (typeof url === 'string' && url && !urlScheme(url) && !isProtocolRelative(url)) {
          links.push({ url, ...(node.position && { line: node.position.start.line }) });
          if (url.startsWith('/')) node.properties[key] = root + url.slice(1);
        }
      }
      if ('children' in node) for (const child of node.children as ElementContent[]) visit(child);
    };
    visit(tree);
    file.data.siteLinks = links;
  };
}
