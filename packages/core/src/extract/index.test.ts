import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../document/build.js';
import { extractBytes, extractFile, extractorFor, registerExtractor } from './index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clausier-extract-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extractFile', () => {
  it('reads a DOCX named .pdf as DOCX and reports its identity', async () => {
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Article 1 – Objet')] }] }));
    await writeFile(join(dir, 'contrat.pdf'), bytes);
    const result = await extractFile(join(dir, 'contrat.pdf'));
    expect(result).toMatchObject({ ok: true, format: 'docx', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('reads a Windows-1252 text file down to a ContractDocument', async () => {
    await writeFile(join(dir, 'contrat.txt'), iconv.encode('ARTICLE 7 – SÉCURITÉ\r\nLe Titulaire notifie tout incident.\r\n', 'windows-1252'));
    const result = await extractFile(join(dir, 'contrat.txt'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const document = buildDocument(result.raw);
    expect(document.text).toBe('ARTICLE 7 – SÉCURITÉ\n\nLe Titulaire notifie tout incident.');
    expect(document.sections[0]).toMatchObject({ number: '7', heading: 'ARTICLE 7 – SÉCURITÉ' });
    expect(document.warnings.map((w) => w.code)).toEqual(['decoded-cp1252']);
  });

  it('passes file problems through and never throws', async () => {
    expect(await extractFile(join(dir, 'absent.docx'))).toMatchObject({ ok: false, problem: { code: 'not-found' } });
    await writeFile(join(dir, 'empty.pdf'), '');
    expect(await extractFile(join(dir, 'empty.pdf'))).toMatchObject({ ok: false, problem: { code: 'empty' } });
  });
});

describe('extractBytes', () => {
  it('refuses random bytes as unsupported-format', async () => {
    let seed = 11;
    const random = Uint8Array.from({ length: 2048 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256);
    expect(await extractBytes(random, 'contrat.pdf')).toMatchObject({ ok: false, problem: { code: 'unsupported-format' }, bytes: 2048 });
  });

  it('turns an extractor that throws into an internal problem', async () => {
    const original = extractorFor('md')!;
    registerExtractor({ format: 'md', extract: () => Promise.reject(new Error('boom')) });
    try {
      expect(await extractBytes(new Uint8Array(Buffer.from('# Contrat')), 'contrat.md')).toMatchObject({ ok: false, problem: { code: 'internal' } });
    } finally {
      registerExtractor(original);
    }
  });

  it('has an extractor for every format it detects', () => {
    for (const format of ['pdf', 'docx', 'odt', 'doc', 'rtf', 'txt', 'md'] as const) expect(extractorFor(format)?.format).toBe(format);
  });
});
