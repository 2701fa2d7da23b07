// Every image a Markdown file names: `image` nodes, and `imageReference`
// nodes through their definitions, with the line and column they start at.
import { dirname } from 'node:path';
import type { Nodes, Root } from 'mdast';
import type { ContentDocument } from '../content/types.js';
import type { ImageReference } from './locate.js';

function definitions(tree: Root): Map<string, string> {
  const urls = new Map<string, string>();
  const walk = (node: Nodes): void => {
    if (node.type === 'definition' && !urls.has(node.identifier)) urls.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return urls;
}

export function imageReferences(doc: ContentDocument<unknown>): ImageReference[] {
  const found: ImageReference[] = [];
  const baseDir = dirname(doc.source.absPath);
  const defs = definitions(doc.tree);
  const walk = (node: Nodes): void => {
    const url = node.type === 'image' ? node.url : node.type === 'imageReference' ? defs.get(node.identifier) : undefined;
    if (url !== undefined) {
      const start = node.position?.start;
      found.push({ url, baseDir, at: { file: doc.source.path, line: start?.line ?? 1, column: start?.column ?? 1 } });
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(doc.tree);
  return found;
}
