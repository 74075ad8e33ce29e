import yauzl from 'yauzl';
import type { Readable } from 'node:stream';
import type { ExtractionProblem } from './types.js';

/**
 * Checks a DOCX/ODT archive before any parser inflates it, and hands back its
 * XML parts so the caller does not unzip twice.
 *
 * Why yauzl: it streams each entry and, with `validateEntrySizes`, fails an
 * entry that inflates past its declared size, so a lying header cannot hide a
 * bomb; we stop reading as soon as the running total passes the cap. jszip and
 * fflate inflate whole entries into memory before we could count them.
 */

export const DEFAULT_MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Office documents hold tens to a few hundred parts; thousands mean an attack or a wrong file. */
export const DEFAULT_MAX_ZIP_ENTRIES = 10_000;

export interface ZipGuardOptions {
  /** Cap on the total decompressed size, bytes (declared and actual). */
  maxUnzippedBytes?: number;
  maxEntries?: number;
}

export interface ZipContents {
  /** Every entry name, in archive order. */
  names: string[];
  /** Text of the XML parts (`*.xml`, `*.rels`), decoded as UTF-8, by entry name. */
  xmlParts: Map<string, string>;
}

export type ZipGuardResult = { ok: true; contents: ZipContents } | { ok: false; problem: ExtractionProblem };

const XML_PART = /\.(xml|rels)$/i;
/** A DTD in an Office part serves no purpose but entity expansion (billion laughs, XXE). */
const DTD_DECLARATION = /<!(DOCTYPE|ENTITY)\b/i;

class GuardStop extends Error {
  constructor(readonly problem: ExtractionProblem) {
    super(problem.message);
  }
}

const bomb = (detail: string): GuardStop =>
  new GuardStop({ code: 'zip-bomb', message: `The archive ${detail}, the signature of a zip bomb; it was not opened.` });

export async function inspectZip(bytes: Uint8Array, options: ZipGuardOptions = {}): Promise<ZipGuardResult> {
  const cap = options.maxUnzippedBytes ?? DEFAULT_MAX_UNZIPPED_BYTES;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ZIP_ENTRIES;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
    if (zip.entryCount > maxEntries) throw bomb(`has ${zip.entryCount} entries (limit ${maxEntries})`);
    const names: string[] = [];
    const xmlParts = new Map<string, string>();
    let declared = 0;
    let actual = 0;
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (entry.fileName.endsWith('/')) continue;
      declared += entry.uncompressedSize;
      if (declared > cap) throw bomb(`declares ${formatBytes(declared)} once decompressed (limit ${formatBytes(cap)})`);
      if (entry.isEncrypted()) continue; // zip-level encryption: nothing to read; callers decide
      const keep = XML_PART.test(entry.fileName);
      const chunks: Buffer[] = [];
      const stream = await zip.openReadStreamPromise(entry);
      actual = await drain(stream, actual, cap, keep ? chunks : null);
      if (keep) {
        const text = Buffer.concat(chunks).toString('utf8');
        if (DTD_DECLARATION.test(text)) {
          throw new GuardStop({
            code: 'xml-entities',
            message: `The part ${entry.fileName} declares a DOCTYPE or entities, which Office files never need; it was not parsed.`,
          });
        }
        xmlParts.set(entry.fileName, text);
      }
    }
    return { ok: true, contents: { names, xmlParts } };
  } catch (error) {
    if (error instanceof GuardStop) return { ok: false, problem: error.problem };
    const detail = error instanceof Error ? error.message : String(error);
    if (/too many bytes|uncompressed size/i.test(detail)) {
      return { ok: false, problem: bomb('holds an entry that inflates past its declared size').problem };
    }
    return { ok: false, problem: { code: 'corrupt', message: `The archive is damaged and cannot be read (${detail}).` } };
  } finally {
    zip?.close();
  }
}

/** Reads a stream to its end, counting toward the cap; returns the new running total. */
function drain(stream: Readable, soFar: number, cap: number, into: Buffer[] | null): Promise<number> {
  return new Promise((resolve, reject) => {
    let total = soFar;
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        stream.destroy();
        reject(bomb(`decompresses to more than ${formatBytes(cap)}`));
        return;
      }
      into?.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(total));
  });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${n} bytes`;
}
