import { createRequire } from 'node:module';
import type { DocumentWarning } from '../document/types.js';
import type { ExtractOptions, ExtractResult, Extractor } from './types.js';

/**
 * Legacy Word 97–2003 (.doc, an OLE2 compound file) through `word-extractor`,
 * a maintained pure-JavaScript reader: no LibreOffice or Word on the user's
 * machine. We reach into its OLE extractor (rather than its `extract()` front
 * door) to check the encryption flag before it decodes the text: an encrypted
 * .doc would otherwise come out as plausible-looking garbage.
 */

interface WordDocumentText {
  getBody(options?: { filterUnicode?: boolean }): string;
  getFootnotes(options?: { filterUnicode?: boolean }): string;
  getEndnotes(options?: { filterUnicode?: boolean }): string;
  getTextboxes(options?: { filterUnicode?: boolean; includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
}

interface OleReader {
  open(): Promise<void>;
  close(): Promise<void>;
}

type WordOleExtractorClass = new () => {
  extract(reader: OleReader): Promise<WordDocumentText>;
  extractWordDocument(document: unknown, wordDocumentStream: Buffer): Promise<WordDocumentText>;
};

const require = createRequire(import.meta.url);
const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as WordOleExtractorClass;
const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (buffer: Buffer) => OleReader;

/** File Information Block: `wIdent` at offset 0 is 0xA5EC for Word 97 and later. */
const WORD97_IDENT = 0xa5ec;
/** Word 6.0/95 files carry 0xA5DC; word-extractor does not read them. */
const WORD95_IDENT = 0xa5dc;
/** FIB flags at offset 0x0A; bit 8 (`fEncrypted`) marks a password-protected document. */
const FIB_FLAGS_OFFSET = 0x0a;
const FIB_ENCRYPTED = 0x0100;

class UnreadableWordFile extends Error {
  constructor(
    readonly code: 'encrypted' | 'unsupported-format',
    message: string,
  ) {
    super(message);
  }
}

class GuardedWordOleExtractor extends WordOleExtractor {
  override extractWordDocument(document: unknown, wordDocumentStream: Buffer): Promise<WordDocumentText> {
    if (wordDocumentStream.length < FIB_FLAGS_OFFSET + 2) {
      throw new Error('WordDocument stream too short for a File Information Block');
    }
    const ident = wordDocumentStream.readUInt16LE(0);
    if (ident === WORD95_IDENT) {
      throw new UnreadableWordFile(
        'unsupported-format',
        'This is a Word 6.0/95 document, older than clausier reads; open it in Word or LibreOffice and save it as DOCX.',
      );
    }
    if (ident === WORD97_IDENT && (wordDocumentStream.readUInt16LE(FIB_FLAGS_OFFSET) & FIB_ENCRYPTED) !== 0) {
      throw new UnreadableWordFile(
        'encrypted',
        'This Word (.doc) document is protected by a password; remove the protection in Word and save it again as DOCX.',
      );
    }
    return super.extractWordDocument(document, wordDocumentStream);
  }
}

/** Names of other Office formats' main streams, as stored (UTF-16LE) in the OLE directory. */
const OTHER_OLE_FORMATS: Array<[stream: string, what: string]> = [
  ['Workbook', 'an Excel workbook'],
  ['PowerPoint Document', 'a PowerPoint presentation'],
  ['__substg1.0_', 'an Outlook message'],
];

export const docExtractor: Extractor = {
  format: 'doc',
  async extract(bytes: Uint8Array, _options: ExtractOptions): Promise<ExtractResult> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const reader = new BufferReader(buffer);
    let parsed: WordDocumentText;
    try {
      await reader.open();
      parsed = await new GuardedWordOleExtractor().extract(reader);
    } catch (error) {
      return { ok: false, format: 'doc', problem: problemFor(error, buffer) };
    } finally {
      await reader.close();
    }

    const plain = { filterUnicode: false };
    const body = normaliseWordText(parsed.getBody(plain));
    // Footnotes, endnotes and text boxes can hold clauses ("¹ dans un délai de 24 heures");
    // headers and footers are running text and stay out, as for paged formats.
    const extras = [parsed.getFootnotes(plain), parsed.getEndnotes(plain), parsed.getTextboxes({ ...plain, includeHeadersAndFooters: false })]
      .map(normaliseWordText)
      .filter((part) => part.trim() !== '');
    const warnings: DocumentWarning[] = [];
    if (body.trim() === '' && extras.length === 0) {
      return {
        ok: false,
        format: 'doc',
        problem: { code: 'low-text', message: 'This Word (.doc) document holds no text (only images or empty pages?); export the signed contract to PDF and audit that.' },
      };
    }
    return { ok: true, raw: { format: 'doc', paged: false, pages: [{ text: [body, ...extras].join('\n\n') }], warnings } };
  },
};

/** Word's own control characters: 0x0D paragraph, 0x0B line break, 0x07 cell end, 0x0C page break. */
function normaliseWordText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u000b\u000c]/g, '\n')
    .replace(/\u0007/g, '\t')
    .replace(/[\u0000-\u0008\u000e-\u001f]/g, '');
}

function problemFor(error: unknown, buffer: Buffer): { code: 'encrypted' | 'unsupported-format' | 'corrupt'; message: string } {
  if (error instanceof UnreadableWordFile) return { code: error.code, message: error.message };
  if (directoryIsPastTheEnd(buffer)) {
    return {
      code: 'corrupt',
      message: 'This Word (.doc) file is truncated (its directory lies past the end of the file); find a complete copy or save it again as DOCX.',
    };
  }
  const noWordStream = !buffer.includes(Buffer.from('WordDocument', 'utf16le'));
  if (noWordStream) {
    const other = OTHER_OLE_FORMATS.find(([stream]) => buffer.includes(Buffer.from(stream, 'utf16le')));
    return {
      code: 'unsupported-format',
      message: other
        ? `This file is ${other[1]}, not a Word document; export the contract as DOCX or PDF.`
        : 'This OLE2 file is not a Word document; export the contract as DOCX or PDF.',
    };
  }
  return {
    code: 'corrupt',
    message: 'This Word (.doc) file is damaged or truncated and cannot be read; open it in Word or LibreOffice and save it again as DOCX.',
  };
}

/** OLE2 header: sector size is `1 << uint16 at 0x1E`; the directory's first sector number is at 0x30; sector N starts at `(N + 1) << shift` (the header fills sector -1). */
function directoryIsPastTheEnd(buffer: Buffer): boolean {
  if (buffer.length < 0x34) return true;
  const sectorShift = buffer.readUInt16LE(0x1e);
  if (sectorShift < 7 || sectorShift > 16) return false;
  const firstDirectorySector = buffer.readUInt32LE(0x30);
  return (firstDirectorySector + 1) * 2 ** sectorShift >= buffer.length;
}
