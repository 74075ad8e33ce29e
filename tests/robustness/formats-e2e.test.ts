import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../packages/core/src/extract/index.js';
import { makeBrokenFiles, PDF_PASSWORD } from '../../scripts/make-broken-files.js';
import { assertBuilt, runCli, workspace } from '../cli/helpers.js';

/**
 * End to end checks of formats the extraction engineer's readers handle and
 * this suite depends on: DOCX tracked changes read as accepted, two-column PDF
 * reading order, and encrypted PDFs opened with --password.
 */

const dir = workspace('clausier-formats-');

describe('DOCX with tracked changes', () => {
  it('reads as if the changes were accepted, with a tracked-changes warning', async () => {
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      'word/document.xml',
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        '<w:p><w:r><w:t xml:space="preserve">Le Titulaire notifie tout incident dans un délai de </w:t></w:r>' +
        '<w:del w:id="1" w:author="Acheteur"><w:r><w:delText>soixante-douze (72)</w:delText></w:r></w:del>' +
        '<w:ins w:id="2" w:author="Acheteur"><w:r><w:t>vingt-quatre (24)</w:t></w:r></w:ins>' +
        '<w:r><w:t xml:space="preserve"> heures.</w:t></w:r></w:p></w:body></w:document>',
    );
    const path = join(dir, 'suivi-des-modifications.docx');
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const result = await extractFile(path);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.raw.pages.map((p) => p.text).join('\n');
    expect(text).toContain('dans un délai de vingt-quatre (24) heures.');
    expect(text).not.toContain('soixante-douze');
    expect(result.raw.warnings.map((w) => w.code)).toContain('tracked-changes');
  });
});

describe('two-column PDF', () => {
  it('reads the left column to its end before the right column', async () => {
    const left = ['Article 7 – Notification des', 'incidents. Le Titulaire notifie', 'tout incident de sécurité au', 'Client sous vingt-quatre (24)', 'heures après sa détection.'];
    const right = ['Article 8 – Journalisation. Le', 'Titulaire conserve les journaux', 'de sécurité pendant douze (12)', 'mois à la disposition du', 'Client.'];
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([595, 842]);
    left.forEach((line, i) => page.drawText(line, { x: 50, y: 760 - i * 15, size: 11, font }));
    right.forEach((line, i) => page.drawText(line, { x: 320, y: 760 - i * 15, size: 11, font }));
    const path = join(dir, 'deux-colonnes.pdf');
    writeFileSync(path, await pdf.save());
    const result = await extractFile(path, { ocr: false });
    expect(result.ok, result.ok ? '' : result.problem.message).toBe(true);
    if (!result.ok) return;
    const text = result.raw.pages[0]!.text.replace(/\s+/g, ' ');
    expect(text).toContain('Client sous vingt-quatre (24) heures après sa détection.');
    expect(text).toContain('pendant douze (12) mois à la disposition du Client.');
    expect(text.indexOf('détection.')).toBeLessThan(text.indexOf('Article 8'));
  });
});

describe('encrypted PDF with --password', () => {
  let folder = '';
  beforeAll(async () => {
    assertBuilt();
    folder = join(dir, 'chiffrés');
    mkdirSync(folder);
    await makeBrokenFiles(folder);
  }, 120_000);

  it('is audited with the right password (CLAUSIER_PDF_PASSWORD or --password)', { timeout: 120_000 }, async () => {
    const file = join(folder, 'chiffré-avec-mot-de-passe.pdf');
    const viaEnv = await runCli(['audit', file, '-f', 'json', '--no-cache', '-q', '--fail-on', 'never'], { cwd: dir, env: { CLAUSIER_PDF_PASSWORD: PDF_PASSWORD } });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    const report = JSON.parse(viaEnv.stdout);
    expect(report.files[0]).toMatchObject({ status: 'audited', format: 'pdf' });
    const notification = report.files[0].findings.find((f: { rule: string }) => f.rule === 'incident-notification');
    expect(notification).toMatchObject({ status: 'ok', value: { hours: 24 } });

    const viaFlag = await runCli(['audit', file, '-f', 'json', '--no-cache', '-q', '--fail-on', 'never', '--password', PDF_PASSWORD], { cwd: dir });
    expect(JSON.parse(viaFlag.stdout).files[0].findings).toEqual(report.files[0].findings);
  });

  it('is `encrypted` with a wrong or missing password, exit 2', { timeout: 120_000 }, async () => {
    const file = join(folder, 'chiffré.pdf');
    const wrong = await runCli(['audit', file, '-f', 'json', '--no-cache', '-q', '--password', 'pas-le-bon'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout).files[0].error).toMatchObject({ code: 'encrypted', message: expect.stringMatching(/wrong/) });
    const missing = await runCli(['audit', file, '-f', 'json', '--no-cache', '-q'], { cwd: dir });
    expect(JSON.parse(missing.stdout).files[0].error).toMatchObject({ code: 'encrypted', message: expect.stringMatching(/--password/) });
  });
});
