import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { installPdfRejectionGuard, isPdfJsError, pdfExtractor, readPdfText } from './pdf.js';

const LINE = 'Le Titulaire notifie au Client tout incident de securite dans un delai de 24 heures.';

/** A PDF whose page i holds lines[i] (an empty list makes a blank page, as a scan without text layer). */
async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = document.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 10, font }));
  }
  return document.save();
}

// --- A one-page PDF encrypted with the standard security handler, revision 2 (RC4, 40-bit) ---
const PADDING = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

function encryptedPdf(text: string, userPassword: string): Uint8Array {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const owner = rc4(md5(padded('owner')).subarray(0, 5), padded(userPassword));
  const key = md5(padded(userPassword), owner, permissions, id).subarray(0, 5);
  const user = rc4(key, PADDING);
  const objectKey = (n: number) => md5(key, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`, 'latin1'));
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'),
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    Buffer.from(`<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P -4 >>`),
  ];
  const chunks = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = chunks[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    chunks.push(chunk);
    length += chunk.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)];
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>`;
  chunks.push(Buffer.from(`${xref.join('\n')}\n${trailer}\nstartxref\n${length}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

describe('readPdfText', () => {
  it('reads the text of each page, keeping page boundaries', async () => {
    const result = await readPdfText(await makePdf([['Article 1 - Objet', LINE], ['Article 2 - Audit', LINE]]));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pages.map((page) => page.number)).toEqual([1, 2]);
    expect(result.pages[0]!.text).toBe(`Article 1 - Objet\n${LINE}`);
    expect(result.pages[1]!.text).toContain('Article 2 - Audit');
    expect(result.pages.every((page) => page.hasText)).toBe(true);
  });

  it('says corrupt for a truncated or garbled PDF, without crashing the process', async () => {
    const sound = await makePdf([[LINE], [LINE], [LINE]]);
    for (const cut of [0.3, 0.6, 0.9]) {
      expect(await readPdfText(sound.subarray(0, Math.floor(sound.length * cut)))).toMatchObject({ ok: false, problem: { code: 'corrupt' } });
    }
    const garbled = new Uint8Array(sound);
    for (let i = 200; i < garbled.length; i += 97) garbled[i] = 0x7b;
    const result = await readPdfText(garbled);
    expect(result.ok === false ? result.problem.code : 'ok').toMatch(/^(corrupt|ok)$/);
    expect(await readPdfText(new Uint8Array(Buffer.from('%PDF-1.7\nnothing else')))).toMatchObject({ ok: false, problem: { code: 'corrupt' } });
  });

  it('says encrypted without a password or with a wrong one, and reads it with the right one', async () => {
    const pdf = encryptedPdf(LINE, 'secret');
    const missing = await readPdfText(pdf);
    expect(missing).toMatchObject({ ok: false, problem: { code: 'encrypted' } });
    expect(!missing.ok && missing.problem.message).toMatch(/--password/);
    const wrong = await readPdfText(pdf, { password: 'wrong' });
    expect(wrong).toMatchObject({ ok: false, problem: { code: 'encrypted' } });
    expect(!wrong.ok && wrong.problem.message).toMatch(/wrong/);
    const right = await readPdfText(pdf, { password: 'secret' });
    expect(right.ok && right.pages[0]!.text).toBe(LINE);
  });

  it('refuses more pages than maxPages', async () => {
    const pdf = await makePdf([[LINE], [LINE], [LINE]]);
    expect(await readPdfText(pdf, { maxPages: 2 })).toMatchObject({ ok: false, problem: { code: 'too-many-pages' } });
  });

  it('gives up after the timeout', async () => {
    const pdf = await makePdf(Array.from({ length: 30 }, () => [LINE, LINE, LINE]));
    expect(await readPdfText(pdf, { timeoutMs: 1 })).toMatchObject({ ok: false, problem: { code: 'timeout' } });
  });
});

describe('pdfExtractor', () => {
  it('returns paged raw text', async () => {
    const result = await pdfExtractor.extract(await makePdf([[LINE], [LINE]]), { ocr: false });
    expect(result).toMatchObject({ ok: true, raw: { format: 'pdf', paged: true, warnings: [] } });
    expect(result.ok && result.raw.pages).toHaveLength(2);
  });

  it('says no-text-layer when no page has text, and low-text when almost none does', async () => {
    expect(await pdfExtractor.extract(await makePdf([[], []]), { ocr: false })).toMatchObject({ ok: false, problem: { code: 'no-text-layer' } });
    const stamps = await makePdf([['Copie conforme'], ['Page 2 Copie conforme certifiee'], ['Page 3 Copie conforme certifiee']]);
    const result = await pdfExtractor.extract(stamps, { ocr: false });
    expect(result).toMatchObject({ ok: false, problem: { code: expect.stringMatching(/^(low-text|no-text-layer)$/) } });
  });

  it('keeps the text pages of a mixed PDF and flags the scanned ones for OCR', async () => {
    const result = await pdfExtractor.extract(await makePdf([[LINE, LINE], [], [LINE]]), { ocr: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages.map((page) => page.noTextLayer ?? false)).toEqual([false, true, false]);
    expect(result.raw.warnings).toEqual([expect.objectContaining({ code: 'pages-without-text', message: expect.stringContaining('Page 2') })]);
  });
});

describe('the pdf.js rejection guard', () => {
  it('recognises pdf.js errors only', () => {
    const formatError = Object.assign(new Error('Bad XRef entry'), { name: 'FormatError' });
    expect(isPdfJsError(formatError)).toBe(true);
    expect(isPdfJsError(Object.assign(new Error('x'), { stack: 'Error: x\n    at f (/node_modules/pdfjs-dist/legacy/build/pdf.mjs:1:1)' }))).toBe(true);
    expect(isPdfJsError(new TypeError('undefined is not a function'))).toBe(false);
    expect(isPdfJsError('a string')).toBe(false);
  });

  it('is installed once per process', () => {
    installPdfRejectionGuard();
    const before = process.listenerCount('unhandledRejection');
    installPdfRejectionGuard();
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
