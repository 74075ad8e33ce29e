import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

async function zip(entries: Record<string, string>, options: { storeFirst?: boolean } = {}): Promise<Uint8Array> {
  const archive = new JSZip();
  for (const [name, content] of Object.entries(entries)) archive.file(name, content, { compression: options.storeFirst && name === 'mimetype' ? 'STORE' : 'DEFLATE' });
  return archive.generateAsync({ type: 'uint8array' });
}

/** A minimal OLE2 header followed by directory names in UTF-16LE. */
function ole2(...streamNames: string[]): Uint8Array {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  return new Uint8Array(Buffer.concat([header, ...streamNames.map((name) => Buffer.from(name, 'utf16le'))]));
}

describe('detectFormat', () => {
  it('reads the format from the content, not the name', async () => {
    const docx = await zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
    expect(detectFormat(docx, 'contrat.pdf')).toEqual({ ok: true, format: 'docx' });
    expect(detectFormat(bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'contrat.docx')).toEqual({ ok: true, format: 'pdf' });
    expect(detectFormat(bytes('{\\rtf1\\ansi Contrat}'), 'contrat.txt')).toEqual({ ok: true, format: 'rtf' });
  });

  it('finds a PDF header after leading junk within the first kilobyte', () => {
    expect(detectFormat(bytes(`${' '.repeat(300)}%PDF-1.4`))).toEqual({ ok: true, format: 'pdf' });
  });

  it('tells ODT by its stored mimetype and refuses other OpenDocument kinds', async () => {
    const odt = await zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<office:document-content/>' }, { storeFirst: true });
    expect(detectFormat(odt, 'x.bin')).toEqual({ ok: true, format: 'odt' });
    const ods = await zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }, { storeFirst: true });
    expect(detectFormat(ods)).toMatchObject({ ok: false, problem: { code: 'unsupported-format' } });
    const xlsx = await zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect(detectFormat(xlsx)).toMatchObject({ ok: false, problem: { code: 'unsupported-format' } });
  });

  it('tells a legacy Word file from a password-protected OOXML one', () => {
    expect(detectFormat(ole2('WordDocument', '1Table'), 'a.doc')).toEqual({ ok: true, format: 'doc' });
    const encrypted = detectFormat(ole2('EncryptionInfo', 'EncryptedPackage'), 'a.docx');
    expect(encrypted).toMatchObject({ ok: false, problem: { code: 'encrypted' } });
    if (!encrypted.ok) expect(encrypted.problem.message).toMatch(/password/);
  });

  it('reads text as txt or md by extension, including Windows-1252 text', () => {
    expect(detectFormat(new Uint8Array(Buffer.from('Article 1 – Objet\n')), 'contrat.txt')).toEqual({ ok: true, format: 'txt' });
    expect(detectFormat(bytes('# Contrat\n'), 'contrat.MD')).toEqual({ ok: true, format: 'md' });
    expect(detectFormat(new Uint8Array([0x53, 0xe9, 0x63, 0x75, 0x72, 0x69, 0x74, 0xe9, 0x0d, 0x0a]), 'x')).toEqual({ ok: true, format: 'txt' });
    expect(detectFormat(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'x')).toEqual({ ok: true, format: 'txt' });
  });

  it('refuses random bytes and empty input', () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256);
    expect(detectFormat(random, 'contrat.pdf')).toMatchObject({ ok: false, problem: { code: 'unsupported-format' } });
    expect(detectFormat(new Uint8Array(0))).toMatchObject({ ok: false, problem: { code: 'empty' } });
  });
});
