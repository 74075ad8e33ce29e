import { XMLParser } from 'fast-xml-parser';
import type { DocumentWarning, RawHeading } from '../document/types.js';
import type { ExtractOptions, ExtractResult, Extractor } from './types.js';
import { inspectZip } from './zip-guard.js';
import { attributesOf, childrenOf, pushParagraph, tagOf, textOf, type XmlNode } from './xml-nodes.js';

/**
 * DOCX through mammoth's HTML, walked with fast-xml-parser so tables keep
 * their rows and cells ("cell | cell", one line per row). Mammoth reads
 * tracked changes as accepted (w:ins kept, w:del dropped) and ignores
 * comments; it does not expose headers and footers, so they are not read.
 * Footnotes come last, as "[n] text" paragraphs.
 */

const htmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
});

const TRACKED_CHANGE = /<w:(ins|del|moveFrom|moveTo)\b/;

export const docxExtractor: Extractor = {
  format: 'docx',
  async extract(bytes: Uint8Array, options: ExtractOptions): Promise<ExtractResult> {
    const guard = await inspectZip(bytes, { maxUnzippedBytes: options.maxUnzippedBytes });
    if (!guard.ok) return { ok: false, format: 'docx', problem: guard.problem };
    const documentXml = guard.contents.xmlParts.get('word/document.xml');
    if (documentXml === undefined) {
      return { ok: false, format: 'docx', problem: { code: 'corrupt', message: 'The DOCX has no word/document.xml part; it is damaged.' } };
    }
    const warnings: DocumentWarning[] = [];
    if (TRACKED_CHANGE.test(documentXml)) {
      warnings.push({
        code: 'tracked-changes',
        message: 'The document holds tracked changes (a negotiation in progress); it was read with every change accepted.',
      });
    }
    let html: string;
    try {
      // Loaded on first use: mammoth and its dependencies take a noticeable share of start-up.
      const { default: mammoth } = await import('mammoth');
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
        // Images are not read at all: only text matters, and data URIs would bloat the HTML.
        { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
      );
      html = result.value;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, format: 'docx', problem: { code: 'corrupt', message: `The DOCX is damaged and cannot be read (${detail}).` } };
    }
    const { text, headings } = htmlToText(html);
    if (text.trim() === '') return { ok: false, format: 'docx', problem: { code: 'empty', message: 'The DOCX holds no text.' } };
    return { ok: true, raw: { format: 'docx', paged: false, pages: [{ text }], warnings, headings } };
  },
};

/** Mammoth's HTML → paragraphs separated by blank lines, table rows as "a | b", footnotes last. */
export function htmlToText(html: string): { text: string; headings: RawHeading[] } {
  const tree = htmlParser.parse(`<root>${html}</root>`) as XmlNode[];
  const state: WalkState = { paragraphs: [], notes: [], headings: [] };
  walkBlocks(childrenOf(tree[0] ?? {}), state);
  return { text: [...state.paragraphs, ...state.notes].join('\n\n'), headings: state.headings };
}

interface WalkState {
  paragraphs: string[];
  notes: string[];
  headings: RawHeading[];
}

function walkBlocks(nodes: XmlNode[], state: WalkState): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === null) {
      pushParagraph(state.paragraphs, textOf(node)); // stray text between blocks
    } else if (/^h[1-6]$/.test(tag)) {
      const text = inlineText(childrenOf(node)).trim();
      if (text !== '') state.headings.push({ text, level: Number(tag[1]) });
      pushParagraph(state.paragraphs, text);
    } else if (tag === 'p') {
      pushParagraph(state.paragraphs, inlineText(childrenOf(node)));
    } else if (tag === 'table') {
      for (const row of tableRows(node)) pushParagraph(state.paragraphs, row);
    } else if (tag === 'ul' || tag === 'ol') {
      walkList(node, state);
    } else {
      walkBlocks(childrenOf(node), state);
    }
  }
}

function walkList(list: XmlNode, state: WalkState): void {
  for (const item of childrenOf(list)) {
    if (tagOf(item) !== 'li') continue;
    const id = attributesOf(item)['id'] ?? '';
    const note = /^(footnote|endnote)-(\d+)$/.exec(id);
    if (note) {
      const body = blockText(childrenOf(item));
      if (body !== '') state.notes.push(`[${note[2]}] ${body}`);
      continue;
    }
    // An item holds inline text, paragraphs, and maybe a nested list: the nested list gets its own paragraphs.
    const own: XmlNode[] = [];
    const nested: XmlNode[] = [];
    for (const child of childrenOf(item)) (['ul', 'ol', 'table'].includes(tagOf(child) ?? '') ? nested : own).push(child);
    pushParagraph(state.paragraphs, blockText(own));
    walkBlocks(nested, state);
  }
}

/** Rows of a table, each "cell | cell"; a cell's paragraphs are joined by spaces. */
function tableRows(table: XmlNode): string[] {
  const rows: string[] = [];
  for (const child of childrenOf(table)) {
    const tag = tagOf(child);
    if (tag === 'tr') {
      const cells = childrenOf(child)
        .filter((cell) => tagOf(cell) === 'td' || tagOf(cell) === 'th')
        .map((cell) => blockText(childrenOf(cell)).replace(/\s+/g, ' '));
      if (cells.some((cell) => cell !== '')) rows.push(cells.join(' | '));
    } else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      rows.push(...tableRows(child));
    }
  }
  return rows;
}

/** Text of block content flattened to one line (cells, list items, footnotes). */
function blockText(nodes: XmlNode[]): string {
  const parts: string[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === 'table') parts.push(...tableRows(node));
    else if (tag === 'p' || tag === 'li' || tag === 'ul' || tag === 'ol' || (tag !== null && /^h[1-6]$/.test(tag))) {
      parts.push(tag === 'p' || /^h/.test(tag) ? inlineText(childrenOf(node)) : blockText(childrenOf(node)));
    } else parts.push(inlineText([node]));
  }
  return parts
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' ');
}

function inlineText(nodes: XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === null) text += textOf(node).replace(/\t/g, ' ');
    else if (tag === 'br') text += '\n';
    else if (tag === 'img') continue;
    else if (tag === 'a' && /^#(footnote|endnote)-ref-/.test(attributesOf(node)['href'] ?? '')) continue; // the "↑" back-link
    else text += inlineText(childrenOf(node));
  }
  return text;
}

