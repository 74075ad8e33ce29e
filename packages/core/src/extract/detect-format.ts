import type { SourceFormat } from '../document/types.js';
import type { ExtractionProblem } from './types.js';

/**
 * Tells a file's format from its first bytes. The content wins over the
 * extension: a DOCX saved as `contrat.pdf` is read as DOCX. The extension only
 * separates Markdown from plain text, which no byte can tell apart.
 */

export type DetectedFormat = { ok: true; format: SourceFormat } | { ok: false; problem: ExtractionProblem };

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';
/** PDF readers accept the header anywhere in the first kilobyte (some files start with junk). */
const PDF_HEADER_WINDOW = 1024;
/** How much of a file we look at to decide whether it is text. */
const TEXT_SAMPLE_BYTES = 64 * 1024;

export function detectFormat(bytes: Uint8Array, nameHint = ''): DetectedFormat {
  if (bytes.length === 0) return fail('empty', 'The file is empty.');
  const head = latin1(bytes.subarray(0, PDF_HEADER_WINDOW));
  if (head.includes('%PDF-')) return { ok: true, format: 'pdf' };
  if (startsWith(bytes, ZIP_LOCAL_HEADER)) return detectZipFormat(bytes);
  if (startsWith(bytes, OLE2_SIGNATURE)) return detectOle2Format(bytes);
  if (head.startsWith('{\\rtf')) return { ok: true, format: 'rtf' };
  if (looksLikeText(bytes.subarray(0, TEXT_SAMPLE_BYTES))) {
    return { ok: true, format: /\.(md|markdown)$/i.test(nameHint) ? 'md' : 'txt' };
  }
  return fail(
    'unsupported-format',
    'The file is not a PDF, DOCX, ODT, DOC, RTF or text document; export the contract to PDF or DOCX.',
  );
}

function detectZipFormat(bytes: Uint8Array): DetectedFormat {
  // ODF requires an uncompressed `mimetype` entry first, so its value sits at a fixed offset.
  const name = latin1(bytes.subarray(30, 38));
  if (name === 'mimetype') {
    const mimetype = latin1(bytes.subarray(38, 38 + 80));
    if (mimetype.startsWith(ODT_MIMETYPE)) return { ok: true, format: 'odt' };
    if (mimetype.startsWith('application/vnd.oasis.opendocument.')) {
      return fail('unsupported-format', 'This OpenDocument file is not a text document (spreadsheet or presentation?); export the contract as ODT, DOCX or PDF.');
    }
  }
  // Entry names are stored uncompressed in the local headers and the central directory.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes('word/document.xml')) return { ok: true, format: 'docx' };
  if (buffer.includes('content.xml') && buffer.includes(ODT_MIMETYPE)) return { ok: true, format: 'odt' };
  if (buffer.includes('xl/workbook.xml') || buffer.includes('ppt/presentation.xml')) {
    return fail('unsupported-format', 'This is an Excel or PowerPoint file, not a contract document; export it as DOCX or PDF.');
  }
  return fail('unsupported-format', 'This zip archive is not a Word (DOCX) or OpenDocument (ODT) document.');
}

function detectOle2Format(bytes: Uint8Array): DetectedFormat {
  // Password-protected DOCX/XLSX are OLE2 containers holding `EncryptionInfo`
  // and `EncryptedPackage` streams; directory names are UTF-16LE.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(Buffer.from('EncryptionInfo', 'utf16le')) || buffer.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
    return fail(
      'encrypted',
      'This Office document is protected by a password (encrypted); remove the protection in Word and save it again.',
    );
  }
  return { ok: true, format: 'doc' };
}

/**
 * Text in UTF-8, UTF-16 with a BOM, or Windows-1252: no NUL bytes (other than
 * UTF-16's), and at most 1 % control characters other than tab, CR, LF, FF, SUB.
 */
export function looksLikeText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  if (hasUtf16Bom(sample)) return true;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1a) control++;
    if (byte === 0x7f) control++;
  }
  return control <= Math.max(2, sample.length * 0.01); // a stray control character in a short note is still text
}

export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((value, i) => bytes[i] === value);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function fail(code: ExtractionProblem['code'], message: string): DetectedFormat {
  return { ok: false, problem: { code, message } };
}
