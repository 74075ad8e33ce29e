import { XMLParser } from 'fast-xml-parser';
import type { DocumentWarning, RawHeading } from '../document/types.js';
import type { ExtractOptions, ExtractResult, Extractor } from './types.js';
import { inspectZip } from './zip-guard.js';
import { attributesOf, childrenOf, pushParagraph, tagOf, textOf, tidy, type XmlNode } from './xml-nodes.js';

/**
 * ODT: the zip guard, then content.xml parsed by fast-xml-parser (the guard
 * has already refused any DTD, so no entity is ever expanded). Namespace
 * prefixes are dropped: `text:p` is read as `p`. Tracked changes are read as
 * accepted: the deleted text, stored apart in `text:tracked-changes`, is skipped.
 */

const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

/** Elements whose text is not contract text: deleted changes, comments, generated indexes, declarations. */
const SKIPPED = new Set([
  'tracked-changes',
  'annotation',
  'annotation-end',
  'table-of-content',
  'illustration-index',
  'alphabetical-index',
  'object-index',
  'user-index',
  'table-index',
  'bibliography',
  'sequence-decls',
  'variable-decls',
  'user-field-decls',
  'forms',
]);

export const odtExtractor: Extractor = {
  format: 'odt',
  async extract(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
    const guard = await inspectZip(bytes, { maxUnzippedBytes: options.maxUnzippedBytes });
    if (!guard.ok) return { ok: false, format: 'odt', problem: guard.problem };
    const manifest = guard.contents.xmlParts.get('META-INF/manifest.xml') ?? '';
    if (/encryption-data\b/.test(manifest)) {
      return {
        ok: false,
        format: 'odt',
        problem: { code: 'encrypted', message: 'The ODT is protected by a password; save an unprotected copy and audit that.' },
      };
    }
    const content = guard.contents.xmlParts.get('content.xml');
    if (content === undefined) {
      return { ok: false, format: 'odt', problem: { code: 'corrupt', message: 'The ODT has no content.xml part; it is damaged.' } };
    }
    let parsed: ReturnType<typeof odtContentToText>;
    try {
      parsed = odtContentToText(content);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, format: 'odt', problem: { code: 'corrupt', message: `The ODT content cannot be parsed (${detail}).` } };
    }
    const warnings: DocumentWarning[] = [];
    if (parsed.trackedChanges) {
      warnings.push({
        code: 'tracked-changes',
        message: 'The document holds tracked changes (a negotiation in progress); it was read with every change accepted.',
      });
    }
    if (parsed.text.trim() === '') return { ok: false, format: 'odt', problem: { code: 'empty', message: 'The ODT holds no text.' } };
    return { ok: true, raw: { format: 'odt', paged: false, pages: [{ text: parsed.text }], warnings, headings: parsed.headings } };
  },
};

interface WalkState {
  paragraphs: string[];
  notes: string[];
  headings: RawHeading[];
  trackedChanges: boolean;
}

export function odtContentToText(xml: string): { text: string; headings: RawHeading[]; trackedChanges: boolean } {
  const tree = xmlParser.parse(xml) as XmlNode[];
  const state: WalkState = { paragraphs: [], notes: [], headings: [], trackedChanges: false };
  const officeBody = findFirst(tree, 'body');
  const body = officeBody ? findFirst(childrenOf(officeBody), 'text') : null;
  if (body) walkBlocks(childrenOf(body), state);
  return { text: [...state.paragraphs, ...state.notes].join('\n\n'), headings: state.headings, trackedChanges: state.trackedChanges };
}

/** First element with this local name, depth first. */
function findFirst(nodes: XmlNode[], tag: string): XmlNode | null {
  for (const node of nodes) {
    if (tagOf(node) === tag) return node;
    const found = findFirst(childrenOf(node), tag);
    if (found) return found;
  }
  return null;
}

function walkBlocks(nodes: XmlNode[], state: WalkState): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === null) continue; // whitespace between blocks
    if (tag === 'tracked-changes') {
      if (findFirst(childrenOf(node), 'changed-region')) state.trackedChanges = true;
      continue;
    }
    if (SKIPPED.has(tag)) continue;
    if (tag === 'h') {
      const text = tidy(inlineText(childrenOf(node), state));
      const level = Number(attributesOf(node)['outline-level'] ?? '1') || 1;
      if (text !== '') state.headings.push({ text, level });
      pushParagraph(state.paragraphs, text);
    } else if (tag === 'p') {
      pushParagraph(state.paragraphs, inlineText(childrenOf(node), state));
    } else if (tag === 'table') {
      for (const row of tableRows(node, state)) pushParagraph(state.paragraphs, row);
    } else {
      walkBlocks(childrenOf(node), state); // list, list-item, section, …
    }
  }
}

function tableRows(table: XmlNode, state: WalkState): string[] {
  const rows: string[] = [];
  for (const child of childrenOf(table)) {
    const tag = tagOf(child);
    if (tag === 'table-row') {
      const cells = childrenOf(child)
        .filter((cell) => tagOf(cell) === 'table-cell') // covered cells belong to a merged neighbour
        .map((cell) => cellText(childrenOf(cell), state));
      if (cells.some((cell) => cell !== '')) rows.push(cells.join(' | '));
    } else if (tag === 'table-header-rows' || tag === 'table-rows' || tag === 'table-row-group') {
      rows.push(...tableRows(child, state));
    }
  }
  return rows;
}

/** A cell's paragraphs (and nested tables) flattened to one line. */
function cellText(nodes: XmlNode[], state: WalkState): string {
  const inner: WalkState = { paragraphs: [], notes: state.notes, headings: [], trackedChanges: false };
  walkBlocks(nodes, inner);
  return inner.paragraphs.map((paragraph) => paragraph.replace(/\s+/g, ' ')).join(' ').trim();
}

function inlineText(nodes: XmlNode[], state: WalkState): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === null) {
      text += textOf(node).replace(/[\r\n\t]+/g, ' '); // XML layout whitespace, not line breaks
      continue;
    }
    if (SKIPPED.has(tag)) continue;
    switch (tag) {
      case 's':
        text += ' '.repeat(Math.min(Number(attributesOf(node)['c'] ?? '1') || 1, 100));
        break;
      case 'tab':
        text += ' ';
        break;
      case 'line-break':
        text += '\n';
        break;
      case 'note': {
        const citation = tidy(inlineText(childrenOf(findFirst(childrenOf(node), 'note-citation') ?? {}), state));
        const bodyNode = findFirst(childrenOf(node), 'note-body');
        const inner: WalkState = { paragraphs: [], notes: state.notes, headings: [], trackedChanges: false };
        if (bodyNode) walkBlocks(childrenOf(bodyNode), inner);
        const body = inner.paragraphs.join(' ');
        text += `[${citation}]`;
        if (body !== '') state.notes.push(`[${citation}] ${body}`);
        break;
      }
      default:
        text += inlineText(childrenOf(node), state); // span, a, frame/text-box, change marks…
    }
  }
  return text;
}

