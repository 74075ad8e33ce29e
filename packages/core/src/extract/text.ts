import iconv from 'iconv-lite';
import type { DocumentWarning, RawDocument, RawHeading } from '../document/types.js';
import type { ExtractOptions, ExtractResult, Extractor } from './types.js';

/**
 * Plain text and Markdown. Encodings, in order: a BOM (UTF-8, UTF-16LE/BE),
 * strict UTF-8, else Windows-1252 — what Notepad and older French office
 * tools write. Windows-1252 goes through iconv-lite: Node 20's TextDecoder
 * decodes 'windows-1252' as ISO-8859-1, turning 0x92 (’) and 0x80 (€) into
 * control characters.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252'), encoding: 'windows-1252' };
  }
}

function extractText(format: 'txt' | 'md'): Extractor {
  return {
    format,
    async extract(bytes: Uint8Array, _options: ExtractOptions): Promise<ExtractResult> {
      const { text, encoding } = decodeText(bytes);
      const warnings: DocumentWarning[] = [];
      if (encoding === 'windows-1252') {
        warnings.push({
          code: 'decoded-cp1252',
          message: 'The file is not valid UTF-8; it was read as Windows-1252 (check accented letters in quotes).',
        });
      }
      if (text.trim() === '') {
        return { ok: false, format, problem: { code: 'empty', message: 'The file holds no text.' } };
      }
      if (format === 'txt') return { ok: true, raw: { format, paged: false, pages: [{ text }], warnings } };
      const { text: plain, headings } = markdownToPlain(text);
      return { ok: true, raw: { format, paged: false, pages: [{ text: plain }], warnings, headings } };
    },
  };
}

export const txtExtractor = extractText('txt');
export const mdExtractor = extractText('md');

/**
 * Markdown to the plain text a reader sees: heading markers, emphasis and
 * table pipes go, table rows become "cell | cell" lines, headings are
 * reported so sections can use them even when unnumbered.
 */
export function markdownToPlain(markdown: string): { text: string; headings: RawHeading[] } {
  const headings: RawHeading[] = [];
  const out: string[] = [];
  let inFrontMatter = false;
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    if (index === 0 && line.trim() === '---') {
      inFrontMatter = true;
      return;
    }
    if (inFrontMatter) {
      if (line.trim() === '---') inFrontMatter = false;
      return;
    }
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const text = stripInline(heading[2] ?? '');
      headings.push({ text, level: heading[1]!.length });
      // A heading is its own paragraph whatever surrounds it.
      out.push('', text, '');
      return;
    }
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line) && line.includes('-')) return; // table rule
    if (/^\s*\|.*\|\s*$/.test(line)) {
      const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => stripInline(cell.trim()));
      out.push(cells.join(' | '));
      return;
    }
    out.push(stripInline(line));
  });
  return { text: out.join('\n'), headings };
}

function stripInline(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*|__(.+?)__/g, (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '')
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1$2')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
}
