import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docExtractor } from '../../packages/core/src/extract/doc.js';
import { rtfExtractor } from '../../packages/core/src/extract/rtf.js';

const rtf = (body: string) => Buffer.from(`{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}${body}}`, 'latin1');

describe('RTF extractor', () => {
  it('reads paragraphs, code-page accents, \\u escapes and table cells', async () => {
    const result = await rtfExtractor.extract(
      rtf(
        "Article 7 \\endash  S\\'e9curit\\'e9\\par Le Titulaire notifie tout incident sous vingt-quatre (24) heures \\u8364?.\\par" +
          '\\trowd\\cellx2000\\cellx4000 RSSI\\cell j.martin@example.fr\\cell\\row Fin.',
      ),
      {},
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.raw.pages[0]!.text;
    expect(text).toContain('Article 7 – Sécurité\n');
    expect(text).toContain('(24) heures €.');
    expect(text).toContain('RSSI\tj.martin@example.fr\t\n');
    expect(result.raw.paged).toBe(false);
    expect(result.raw.warnings).toEqual([]);
  });

  it('skips font tables, pictures and ignorable destinations', async () => {
    const result = await rtfExtractor.extract(rtf('{\\*\\generator Secret Writer;}{\\pict\\pngblip 89504e47}Clause visible.\\par'), {});
    expect(result.ok && result.raw.pages[0]!.text).toBe('Clause visible.\n');
  });

  it('reads tracked deletions as accepted and drops hidden text', async () => {
    const result = await rtfExtractor.extract(rtf('Notification sous {\\deleted 72}{\\revised 24} heures{\\v  cach\\\'e9}.\\par'), {});
    expect(result.ok && result.raw.pages[0]!.text).toBe('Notification sous 24 heures.\n');
  });

  it('reads the old DOS character set (\\pc) instead of refusing it', async () => {
    const result = await rtfExtractor.extract(Buffer.from("{\\rtf1\\pc\\deff0{\\fonttbl{\\f0 Courier;}}S\\'82curit\\'82\\par}", 'latin1'), {});
    expect(result.ok && result.raw.pages[0]!.text).toBe('Sécurité\n');
  });

  it('warns on a truncated file and keeps the text read so far', async () => {
    const result = await rtfExtractor.extract(Buffer.from('{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}Les journaux sont conserv\\\'e9s douze mois.\\par Suite', 'latin1'), {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages[0]!.text).toContain('conservés douze mois.');
    expect(result.raw.warnings.map((w) => w.code)).toEqual(['truncated']);
  });

  it('refuses absurd group nesting without parsing it', async () => {
    const result = await rtfExtractor.extract(Buffer.from('{\\rtf1' + '{'.repeat(5000) + 'x' + '}'.repeat(5001), 'latin1'), {});
    expect(result).toMatchObject({ ok: false, problem: { code: 'corrupt' } });
  });

  it('reports an RTF with no text as low-text and garbage as unsupported', async () => {
    expect(await rtfExtractor.extract(rtf('{\\pict\\pngblip 00}'), {})).toMatchObject({ ok: false, problem: { code: 'low-text' } });
    expect(await rtfExtractor.extract(Buffer.from('hello'), {})).toMatchObject({ ok: false, problem: { code: 'unsupported-format' } });
  });
});

/** A .doc needs a word processor to write; LibreOffice does it at test time when installed (never at run time). */
const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
const work = mkdtempSync(join(tmpdir(), 'clausier-doc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function makeDoc(html: string): Buffer {
  writeFileSync(join(work, 'contrat.html'), html);
  execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'doc:MS Word 97', '--outdir', work, join(work, 'contrat.html')], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  return readFileSync(join(work, 'contrat.doc'));
}

describe.skipIf(!soffice)('DOC extractor (needs LibreOffice to make the test file)', () => {
  it('reads body text with accents and table cells', { timeout: 150_000 }, async () => {
    const doc = makeDoc(
      '<html><body><h1>Article 7 – Sécurité</h1><p>Le Titulaire notifie tout incident « sous vingt-quatre (24) heures ».</p>' +
        '<table><tr><td>RSSI</td><td>j.martin@example.fr</td></tr></table></body></html>',
    );
    const result = await docExtractor.extract(doc, {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.raw.pages[0]!.text;
    expect(text).toContain('Article 7 – Sécurité');
    expect(text).toContain('« sous vingt-quatre (24) heures »');
    expect(text).toMatch(/RSSI\tj\.martin@example\.fr/);

    // The same file with the FIB's fEncrypted bit set must not be decoded as text.
    const encrypted = Buffer.from(doc);
    const fib = encrypted.indexOf(Buffer.from([0xec, 0xa5]), 512);
    encrypted.writeUInt16LE(encrypted.readUInt16LE(fib + 0x0a) | 0x0100, fib + 0x0a);
    expect(await docExtractor.extract(encrypted, {})).toMatchObject({ ok: false, problem: { code: 'encrypted' } });

    // Cut in half: the OLE sector chains point past the end.
    const truncated = doc.subarray(0, Math.floor(doc.length / 2));
    const cut = await docExtractor.extract(truncated, {});
    expect(cut.ok === false ? cut.problem.code : 'read').toMatch(/corrupt|read/);
  });
});

describe('DOC extractor on non-Word OLE files', () => {
  it('names an Excel workbook instead of calling it corrupt', async () => {
    const fake = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(fake);
    Buffer.from('Workbook', 'utf16le').copy(fake, 1024);
    expect(await docExtractor.extract(fake, {})).toMatchObject({ ok: false, problem: { code: 'unsupported-format' } });
  });
});

describe('committed fixtures (no LibreOffice needed)', () => {
  // French typography: no-break spaces inside « » and before ; : ! ?
  const spaced = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

  it('reads the Word 97 fixture with its accents and ligatures', async () => {
    const result = await docExtractor.extract(readFileSync('fixtures/eval/dev/b-fr-hebergement-hds-4.doc'), {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = spaced(result.raw.pages[0]!.text);
    expect(text).toContain("CONVENTION D'HÉBERGEMENT DE DONNÉES DE SANTÉ À CARACTÈRE PERSONNEL");
    expect(text).toContain('Groupement Hospitalier de Territoire Cœur de Loire');
    expect(text).toContain('« le GHT »');
  });

  it('reads the RTF fixture', async () => {
    const result = await rtfExtractor.extract(readFileSync('fixtures/contracts/fr-sauvegarde-externalisee.rtf'), {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(spaced(result.raw.pages[0]!.text)).toContain('CONTRAT DE SERVICE DE SAUVEGARDE EXTERNALISÉE');
    expect(spaced(result.raw.pages[0]!.text)).toContain('ci-après « le Prestataire ».');
    expect(result.raw.warnings).toEqual([]);
  });
});
