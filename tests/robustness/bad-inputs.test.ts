import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIsolatedExtractor } from '../../packages/core/src/extract/isolate.js';
import type { ExtractFileResult } from '../../packages/core/src/extract/index.js';
import { makeBrokenFiles, type BrokenFile } from '../../scripts/make-broken-files.js';

/**
 * Every bad input gets its stable code and a message that says what to do,
 * through the same isolated extraction the CLI uses, and the good contracts
 * read after them are unaffected. (The CLI-level batch, exit code and reports
 * are in cli-batch.test.ts.)
 */

const folder = mkdtempSync(join(tmpdir(), 'clausier broken é 🏥 '));
const goodFolder = join('fixtures', 'contracts');
const goodFiles = readdirSync(goodFolder).filter((name) => !name.endsWith('.yaml'));
let broken: BrokenFile[] = [];
const results = new Map<string, ExtractFileResult>();
const extractor = createIsolatedExtractor();
const slowExtractor = createIsolatedExtractor({ timeoutMs: 1_500 });

beforeAll(async () => {
  broken = await makeBrokenFiles(folder);
  for (const name of goodFiles) copyFileSync(join(goodFolder, name), join(folder, `good-${name}`));
  // Bad first, then the good ones: whatever the bad files did must not leak into the rest.
  for (const file of broken) {
    const reader = file.limits?.timeoutMs ? slowExtractor : extractor;
    results.set(file.name, await reader.extractFile(join(folder, file.name), { password: file.password }));
  }
  for (const name of goodFiles) results.set(`good-${name}`, await extractor.extractFile(join(folder, `good-${name}`)));
}, 240_000);

afterAll(async () => {
  await Promise.all([extractor.close(), slowExtractor.close()]);
  rmSync(folder, { recursive: true, force: true });
});

describe('bad inputs get a stable code and a helpful message', () => {
  it('covers every code of the brief', () => {
    const codes = new Set(broken.map((file) => file.expected));
    for (const code of ['empty', 'corrupt', 'low-text', 'encrypted', 'unsupported-format', 'zip-bomb', 'xml-entities', 'too-large', 'too-many-pages', 'timeout', 'broken-link', 'unreadable']) {
      expect(codes, code).toContain(code);
    }
  });

  it.each([
    'vide.pdf', 'tronqué.pdf', 'corrompu.pdf', 'presque-vide.pdf', 'chiffré.pdf', 'protégé.docx', 'protégé.odt', 'octets-aléatoires.pdf', 'bombe.docx',
    'entités.docx', 'docx-tronqué.docx', 'trop-de-pages.pdf', 'lent.pdf', 'énorme.pdf', 'lien-cassé.pdf', 'boucle-a.pdf', 'boucle-b.pdf',
  ])('%s', (name) => {
    const file = broken.find((f) => f.name === name)!;
    const result = results.get(name)!;
    expect(result.ok, file.what).toBe(false);
    if (result.ok) return;
    expect(result.problem.code, file.what).toBe(file.expected);
    // A sentence, not a stack trace: it ends with what to do or what happened.
    expect(result.problem.message).toMatch(/^[A-Z/].{20,}[.)]$/s);
    expect(result.problem.message).not.toMatch(/\n\s+at /);
  });

  it('the unreadable file (chmod 000, or a FIFO when running as root)', () => {
    const file = broken.find((f) => f.expected === 'unreadable')!;
    expect(results.get(file.name)).toMatchObject({ ok: false, problem: { code: 'unreadable' } });
  });

  it('names the CLI flag or configuration key to change for size and page limits, and the password', () => {
    expect(results.get('énorme.pdf')).toMatchObject({ problem: { message: expect.stringContaining('--max-file-size') } });
    expect(results.get('trop-de-pages.pdf')).toMatchObject({ problem: { message: expect.stringContaining('limits.maxPages') } });
    expect(results.get('chiffré.pdf')).toMatchObject({ problem: { message: expect.stringContaining('--password') } });
    expect(results.get('lent.pdf')).toMatchObject({ problem: { message: expect.stringContaining('--timeout') } });
  });
});

describe('odd but good inputs are read', () => {
  it.each(['chiffré-avec-mot-de-passe.pdf', 'en-fait-un-docx.pdf', 'en-fait-un-pdf.docx', 'windows-1252.txt', "Contrat d'hébergement 🏥 v2 final.pdf"])('%s', (name) => {
    const file = broken.find((f) => f.name === name)!;
    const result = results.get(name)!;
    expect(result.ok, result.ok ? '' : `${result.problem.code}: ${result.problem.message}`).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages.map((page) => page.text).join('\n')).toContain(file.contains);
  });

  it('content wins over the extension', () => {
    expect(results.get('en-fait-un-docx.pdf')?.format).toBe('docx');
    expect(results.get('en-fait-un-pdf.docx')?.format).toBe('pdf');
  });

  it('Windows-1252 text is decoded with a warning', () => {
    const result = results.get('windows-1252.txt')!;
    expect(result.ok && result.raw.warnings.map((w) => w.code)).toEqual(['decoded-cp1252']);
  });
});

describe('the rest of the batch', () => {
  it.each(goodFiles)('good-%s is read normally after the bad files', (name) => {
    const result = results.get(`good-${name}`)!;
    expect(result.ok, result.ok ? '' : `${result.problem.code}: ${result.problem.message}`).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages.map((page) => page.text).join('').length).toBeGreaterThan(1000);
  });

  it('used a bounded number of reader processes', () => {
    // Recycled after each failure, reused otherwise: never one per file.
    expect(extractor.started).toBeLessThan(results.size);
  });
});
