/**
 * Fuzzes the extractors with random and mutated bytes: whatever the input,
 * an extractor returns a result (never throws, never crashes the process,
 * never hangs, never reports `internal`). Inputs run in the isolation pool,
 * so a hang shows up as a `timeout` and a crash as `internal` instead of
 * stopping the run.
 *
 *   npx tsx scripts/fuzz-extractors.ts [--runs 2000] [--seed 42] [--ocr] [--out folder]   (pnpm fuzz)
 *
 * Failing inputs are written to the --out folder (default .cache/fuzz) for replay.
 * tests/robustness/fuzz.test.ts runs a short bounded version of the same property.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { SourceFormat } from '../packages/core/src/document/types.js';
import type { ExtractFileResult } from '../packages/core/src/extract/index.js';
import { createIsolationPool, type IsolatedOutcome, type IsolationPool } from '../packages/core/src/extract/isolate.js';
import type { ExtractionErrorCode } from '../packages/core/src/extract/types.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FUZZ_JOBS = new URL('../tests/robustness/jobs/extract-jobs.ts', import.meta.url);

/** Codes that mean the reader understood the bad input; `internal`, `timeout` and `out-of-memory` mean it did not. */
const HANDLED_CODES = new Set<ExtractionErrorCode>([
  'empty', 'unsupported-format', 'corrupt', 'encrypted', 'no-text-layer', 'low-text', 'too-large', 'too-many-pages', 'zip-bomb', 'xml-entities',
]);

export interface Seed {
  format: SourceFormat;
  bytes: Uint8Array;
}

/** One small valid file per format, built in memory (the .doc comes from the committed fixtures). */
export async function seedFiles(): Promise<Seed[]> {
  const lines = ['Article 7 – Sécurité', 'Le Titulaire notifie tout incident sous vingt-quatre (24) heures.', 'Journaux conservés douze (12) mois.'];
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 56, y: 780 - i * 18, size: 12, font }));

  const docx = new JSZip();
  docx.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
  docx.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${lines
      .map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`)
      .join('')}<w:p><w:ins w:id="1" w:author="A"><w:r><w:t>ajouté</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>supprimé</w:delText></w:r></w:del></w:p></w:body></w:document>`,
  );
  const odt = new JSZip();
  odt.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  odt.file(
    'content.xml',
    `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>${lines
      .map((l) => `<text:p>${l}</text:p>`)
      .join('')}</office:text></office:body></office:document-content>`,
  );
  odt.file('META-INF/manifest.xml', '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>');
  const rtf = `{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}${lines.map((l) => l.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0)}?`)).join('\\par ')}\\par\\trowd\\cellx1000 RSSI\\cell\\row}`;
  return [
    { format: 'pdf', bytes: await pdf.save({ useObjectStreams: false }) },
    { format: 'docx', bytes: await docx.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }) },
    { format: 'odt', bytes: await odt.generateAsync({ type: 'uint8array' }) },
    { format: 'rtf', bytes: Buffer.from(rtf, 'latin1') },
    { format: 'doc', bytes: readFileSync(join(ROOT, 'fixtures/eval/dev/b-fr-hebergement-hds-4.doc')) },
    { format: 'txt', bytes: Buffer.from(lines.join('\n'), 'utf8') },
  ];
}

export type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'duplicate'; at: number; length: number };

/** Positions are fractions of the length (0–1), so one mutation list fits any seed. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 512 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 64 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 4096 }) }),
) as fc.Arbitrary<Mutation>;

export function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.min(out.length, Math.floor(m.at * out.length));
    switch (m.kind) {
      case 'flip':
        if (out.length > 0) out[Math.min(at, out.length - 1)] = m.value;
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), Buffer.from(m.bytes), out.subarray(at)]);
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'duplicate':
        out = Buffer.concat([out.subarray(0, at + m.length), out.subarray(at)]);
        break;
    }
  }
  return out;
}

/** Why an outcome breaks the property, or null when the reader handled the input. */
export function violation(outcome: IsolatedOutcome<ExtractFileResult>): string | null {
  if (!outcome.ok) return `${outcome.problem.code}: ${outcome.problem.message}`;
  const result = outcome.value;
  if (result.ok) return Array.isArray(result.raw.pages) && result.raw.pages.every((p) => typeof p.text === 'string') ? null : 'malformed raw document';
  if (!HANDLED_CODES.has(result.problem.code)) return `${result.problem.code}: ${result.problem.message}`;
  if (result.problem.message.trim().length < 10) return `empty message for ${result.problem.code}`;
  return null;
}

export interface FuzzOptions {
  runs: number;
  seed?: number;
  ocr: boolean;
  timeoutMs: number;
  /** Where failing inputs are written. */
  out?: string;
}

/**
 * Runs the property: for each case, mutated bytes of one seed go to that
 * format's extractor directly (no detection in front), or random bytes to the
 * full detect-and-dispatch path.
 */
export async function fuzzExtractors(options: FuzzOptions, pool?: IsolationPool): Promise<fc.RunDetails<unknown>> {
  const seeds = await seedFiles();
  const ownPool = pool ?? createIsolationPool({ jobModule: FUZZ_JOBS, timeoutMs: options.timeoutMs, recycleAfter: 200 });
  const extractOptions = { ocr: options.ocr };
  let failures = 0;
  const check = async (label: string, bytes: Uint8Array, run: () => Promise<IsolatedOutcome<ExtractFileResult>>) => {
    const problem = violation(await run());
    if (problem && options.out) {
      mkdirSync(options.out, { recursive: true });
      writeFileSync(join(options.out, `failure-${++failures}-${label}.bin`), bytes);
    }
    return problem === null;
  };
  const mutated = fc.record({ seed: fc.constantFrom(...seeds), mutations: fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }) }).map(({ seed, mutations }) => ({
    format: seed.format,
    bytes: mutate(seed.bytes, mutations),
  }));
  const random = fc.uint8Array({ maxLength: 4096 }).map((bytes) => ({ format: null, bytes }));
  const property = fc.asyncProperty(fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: random, weight: 1 }), async ({ format, bytes }) =>
    format
      ? check(format, bytes, () => ownPool.run<ExtractFileResult>('extractAs', [format, bytes, extractOptions]))
      : check('random', bytes, () => ownPool.run<ExtractFileResult>('extractBytes', [bytes, 'fuzz.bin', extractOptions])),
  );
  try {
    return await fc.check(property, { numRuns: options.runs, seed: options.seed, endOnFailure: false });
  } finally {
    if (!pool) await ownPool.close();
  }
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runs = Number(flag('runs') ?? 2000);
  const seed = flag('seed') === undefined ? undefined : Number(flag('seed'));
  const out = resolve(flag('out') ?? join(ROOT, '.cache/fuzz'));
  const started = Date.now();
  const details = await fuzzExtractors({ runs, seed, ocr: process.argv.includes('--ocr'), timeoutMs: 20_000, out });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (details.failed) {
    console.error(fc.defaultReportMessage(details));
    console.error(`Failing inputs written to ${out}.`);
    process.exit(1);
  }
  console.log(`${details.numRuns} inputs, no crash, hang or internal error (${seconds} s, seed ${details.seed}).`);
}
