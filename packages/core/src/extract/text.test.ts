import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, markdownToPlain, mdExtractor, txtExtractor } from './text.js';

describe('decodeText', () => {
  it('decodes UTF-8 with and without BOM, and UTF-16 with a BOM', () => {
    expect(decodeText(new Uint8Array(Buffer.from('\uFEFFSécurité', 'utf8')))).toEqual({ text: 'Sécurité', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array(Buffer.from('Sécurité', 'utf8')))).toEqual({ text: 'Sécurité', encoding: 'utf-8' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Sécurité', 'utf16le')]);
    expect(decodeText(new Uint8Array(le))).toEqual({ text: 'Sécurité', encoding: 'utf-16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toEqual({ text: 'Sécurité', encoding: 'utf-16be' });
  });

  it('falls back on Windows-1252, € and ’ included', () => {
    const bytes = new Uint8Array(iconv.encode('Sécurité : 500 € par jour d’incident', 'windows-1252'));
    expect(decodeText(bytes)).toEqual({ text: 'Sécurité : 500 € par jour d’incident', encoding: 'windows-1252' });
  });
});

describe('text extractors', () => {
  it('warns when a text file was read as Windows-1252', async () => {
    const result = await txtExtractor.extract(new Uint8Array(iconv.encode('Sécurité des systèmes', 'windows-1252')), {});
    expect(result).toMatchObject({ ok: true, raw: { format: 'txt', paged: false, pages: [{ text: 'Sécurité des systèmes' }] } });
    expect(result.ok && result.raw.warnings.map((w) => w.code)).toEqual(['decoded-cp1252']);
  });

  it('says empty for whitespace only', async () => {
    expect(await txtExtractor.extract(new Uint8Array(Buffer.from(' \n\t\n')), {})).toMatchObject({ ok: false, problem: { code: 'empty' } });
  });

  it('reads Markdown as the text a reader sees, with its headings', async () => {
    const markdown = [
      '---',
      'format: md',
      '---',
      '# CONTRAT',
      '## Article 7 – **Sécurité**',
      'Le Titulaire *notifie* tout [incident](https://example.fr).',
      '| Rôle | Nom |',
      '|---|---|',
      '| RSSI | Jeanne Martin |',
    ].join('\n');
    expect(markdownToPlain(markdown)).toEqual({
      text: '\nCONTRAT\n\n\nArticle 7 – Sécurité\n\nLe Titulaire notifie tout incident.\nRôle | Nom\nRSSI | Jeanne Martin',
      headings: [
        { text: 'CONTRAT', level: 1 },
        { text: 'Article 7 – Sécurité', level: 2 },
      ],
    });
    const result = await mdExtractor.extract(new Uint8Array(Buffer.from(markdown)), {});
    expect(result.ok && result.raw.headings).toHaveLength(2);
  });
});
