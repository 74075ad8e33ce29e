import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { Tokenize } from 'rtf-stream-parser';
import type { Transform } from 'node:stream';
import type { DocumentWarning } from '../document/types.js';
import type { ExtractOptions, ExtractResult, Extractor } from './types.js';

/**
 * RTF through `rtf-stream-parser` (maintained, pure JavaScript): its tokenizer
 * and its plain-text processor, which already knows destinations (font and
 * colour tables, pictures, `{\*\…}` groups), `\uN` with `\ucN` skips, and code
 * pages per font. We add what a contract needs on top: table cells and rows,
 * page and section breaks, and guards for hostile files.
 */

interface PlainTextProcessor {
  _pushOutput(data: string): void;
  /** The current group's state; a child group's state inherits from its parent's by prototype. */
  _state: { allDestinations?: Record<string, boolean>; [flag: string]: unknown };
}
interface PlainTextFeature {
  controlHandlers?: Record<string, (processor: PlainTextProcessor, token: { param?: number }) => void>;
  outputDataFilter?: (processor: PlainTextProcessor) => boolean | undefined;
}
type ToPlainTextClass = new (options: {
  decode: (bytes: Buffer, encoding: string) => string;
  warn: (message: string) => void;
  allowCp0: boolean;
}) => Transform & { _featureHandlers: PlainTextFeature[] };

// The plain-text processor is not re-exported from the package root.
const require = createRequire(import.meta.url);
const { ToPlainText } = require('rtf-stream-parser/dist/src/ToPlainText.js') as { ToPlainText: ToPlainTextClass };

/** Real documents nest groups a few dozen deep; thousands only serve to exhaust the parser's stack of states. */
const MAX_GROUP_DEPTH = 1000;

/** Cells are tab-separated and rows end the line, like a DOCX table read as text. */
const tableLayout: PlainTextFeature = {
  controlHandlers: {
    cell: (p) => p._pushOutput('\t'),
    nestcell: (p) => p._pushOutput('\t'),
    row: (p) => p._pushOutput('\n'),
    nestrow: (p) => p._pushOutput('\n'),
    page: (p) => p._pushOutput('\n'),
    sect: (p) => p._pushOutput('\n'),
  },
};

/**
 * Destinations that hold no contract text: pictures, embedded objects' data,
 * running headers and footers (as for paged formats), field instructions
 * (`HYPERLINK "mailto:…"`; the field's visible result is kept), index entries,
 * document properties and style/list tables the parser does not already skip.
 */
const NON_TEXT_DESTINATIONS = [
  'pict', 'nonshppict', 'objdata', 'objclass', 'info', 'fldinst', 'xe', 'tc', 'bkmkstart', 'bkmkend',
  'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf',
  'themedata', 'colorschememapping', 'datastore', 'latentstyles', 'listtable', 'listoverridetable',
  'rsidtbl', 'generator', 'filetbl', 'revtbl', 'datafield', 'xmlnstbl', 'mmathPr', 'pgdsctbl',
];

/**
 * Tracked deletions (`\deleted`) read as accepted, i.e. dropped, and hidden
 * text (`\v`) stays hidden; `\plain` resets both, like any character format.
 */
const skipNonText: PlainTextFeature = {
  controlHandlers: {
    deleted: (p, token) => {
      p._state.revisionDeleted = token.param !== 0;
    },
    v: (p, token) => {
      p._state.hidden = token.param !== 0;
    },
    plain: (p) => {
      p._state.revisionDeleted = false;
      p._state.hidden = false;
    },
  },
  outputDataFilter: (p) => {
    if (p._state.revisionDeleted === true || p._state.hidden === true) return true;
    const destinations = p._state.allDestinations;
    return destinations !== undefined && NON_TEXT_DESTINATIONS.some((name) => destinations[name]);
  },
};

export const rtfExtractor: Extractor = {
  format: 'rtf',
  async extract(bytes: Uint8Array, _options: ExtractOptions): Promise<ExtractResult> {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!buffer.subarray(0, 16).toString('latin1').trimStart().startsWith('{\\rtf')) {
      return fail('unsupported-format', 'This file does not start like an RTF document ("{\\rtf"); export the contract as DOCX or PDF.');
    }
    if (groupDepthExceeds(buffer, MAX_GROUP_DEPTH)) {
      return fail('corrupt', `This RTF file nests groups more than ${MAX_GROUP_DEPTH} deep, which no word processor writes; it was not read.`);
    }

    const parserWarnings: string[] = [];
    const unknownEncodings = new Set<string>();
    const decode = (data: Buffer, encoding: string): string => {
      const known = knownEncoding(encoding);
      if (!known) unknownEncodings.add(encoding);
      return iconv.decode(data, known ?? 'cp1252');
    };
    const processor = new ToPlainText({ decode, warn: (message) => parserWarnings.push(message), allowCp0: true });
    processor._featureHandlers.push(tableLayout, skipNonText);

    const chunks: string[] = [];
    try {
      await pipeline(Readable.from([withSupportedCharset(buffer)]), new Tokenize(), processor, async (source: AsyncIterable<unknown>) => {
        for await (const chunk of source) chunks.push(String(chunk));
      });
    } catch {
      return fail('corrupt', 'This RTF file is damaged and cannot be read; open it in Word or LibreOffice and save it again.');
    }

    const text = chunks
      .join('')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f]/g, '');
    if (text.trim() === '') {
      return fail('low-text', 'This RTF document holds no text (only images or empty pages?); export the signed contract to PDF and audit that.');
    }
    const warnings: DocumentWarning[] = [];
    if (parserWarnings.some((w) => /closing bracket/i.test(w))) {
      warnings.push({ code: 'truncated', message: 'The RTF file ends before its last group closes (truncated?); the text read so far was audited.' });
    }
    if (unknownEncodings.size > 0) {
      warnings.push({
        code: 'encoding',
        message: `Unknown code page(s) ${[...unknownEncodings].join(', ')} were read as Windows-1252; accented letters may be wrong.`,
      });
    }
    return { ok: true, raw: { format: 'rtf', paged: false, pages: [{ text }], warnings } };
  },
};

function fail(code: 'unsupported-format' | 'corrupt' | 'low-text', message: string): ExtractResult {
  return { ok: false, format: 'rtf', problem: { code, message } };
}

/** The parser names code pages `cp<N>`; `cp0` means "none given", which RTF readers take as ANSI (1252). */
function knownEncoding(encoding: string): string | null {
  if (encoding === 'cp0') return 'cp1252';
  if (encoding === 'cp10000') return 'macintosh';
  return iconv.encodingExists(encoding) ? encoding : null;
}

/**
 * The parser refuses the old `\mac`, `\pc` and `\pca` character sets outright;
 * they are only a default code page, so we spell them as one (`\ansicpgN`).
 */
function withSupportedCharset(buffer: Buffer): Buffer {
  const head = buffer.subarray(0, 64).toString('latin1');
  const match = /^(\s*\{\\rtf1?)\\(mac|pca|pc)(?![a-z])/.exec(head);
  if (!match) return buffer;
  const codePage = { mac: 10000, pc: 437, pca: 850 }[match[2] as 'mac' | 'pc' | 'pca'];
  return Buffer.concat([
    Buffer.from(`${match[1]}\\ansi\\ansicpg${codePage}`, 'latin1'),
    buffer.subarray(match[0].length),
  ]);
}

/** Counts unescaped braces; `\{` and `\}` are literal text. Binary `\binN` data is rare enough to ignore here. */
function groupDepthExceeds(buffer: Buffer, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i];
    if (byte === 0x5c /* \ */) {
      i++; // skip the escaped character, whatever it is
    } else if (byte === 0x7b /* { */) {
      if (++depth > limit) return true;
    } else if (byte === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
