import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxExtractor } from './docx.js';

const revision = { author: 'Juriste', date: '2025-01-15T10:00:00Z' };

async function contract(): Promise<Uint8Array> {
  const document = new Document({
    comments: { children: [{ id: 0, author: 'RSSI', date: new Date(0), children: [new Paragraph('Trop long, demander 24 h')] }] },
    footnotes: { 1: { children: [new Paragraph('Au sens du CCAG-TIC.')] } },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('Contrat n° 2025-117 – Confidentiel')] }) },
        children: [
          new Paragraph({ text: 'Préambule', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('Le GHT confie la maintenance du DPI au Titulaire.'),
          new Paragraph({ text: 'Article 7 – Sécurité', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun('Le Titulaire notifie tout incident de sécurité dans un délai de '),
              new DeletedTextRun({ text: 'soixante-douze (72)', id: 1, ...revision }),
              new InsertedTextRun({ text: 'vingt-quatre (24)', id: 2, ...revision }),
              new TextRun(' heures'),
              new FootnoteReferenceRun(1),
              new CommentRangeStart(0),
              new TextRun('.'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: ['Rôle', 'Nom', 'Téléphone'].map((text) => new TableCell({ children: [new Paragraph(text)] })) }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('RSSI')] }),
                  new TableCell({ children: [new Paragraph('Jeanne Martin'), new Paragraph('(titulaire)')] }),
                  new TableCell({ children: [new Paragraph('01 23 45 67 89')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

describe('docxExtractor', () => {
  it('reads paragraphs, headings, table rows and footnotes, with tracked changes accepted and comments ignored', async () => {
    const result = await docxExtractor.extract(await contract(), {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.raw.pages[0]!.text.split('\n\n')).toEqual([
      'Préambule',
      'Le GHT confie la maintenance du DPI au Titulaire.',
      'Article 7 – Sécurité',
      'Le Titulaire notifie tout incident de sécurité dans un délai de vingt-quatre (24) heures[1].',
      'Rôle | Nom | Téléphone',
      'RSSI | Jeanne Martin (titulaire) | 01 23 45 67 89',
      '[1] Au sens du CCAG-TIC.',
    ]);
    expect(result.raw.headings).toEqual([
      { text: 'Préambule', level: 1 },
      { text: 'Article 7 – Sécurité', level: 2 },
    ]);
    expect(result.raw.warnings.map((w) => w.code)).toEqual(['tracked-changes']);
  });

  it('does not warn about tracked changes when there are none', async () => {
    const plain = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Contrat sans révision.')] }] })));
    const result = await docxExtractor.extract(plain, {});
    expect(result).toMatchObject({ ok: true, raw: { warnings: [] } });
  });

  it('refuses entity declarations and archives over the decompression cap', async () => {
    const archive = await JSZip.loadAsync(await contract());
    const xml = await archive.file('word/document.xml')!.async('string');
    archive.file('word/document.xml', xml.replace('?>', '?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'));
    const withEntities = await archive.generateAsync({ type: 'uint8array' });
    expect(await docxExtractor.extract(withEntities, {})).toMatchObject({ ok: false, problem: { code: 'xml-entities' } });
    expect(await docxExtractor.extract(await contract(), { maxUnzippedBytes: 1000 })).toMatchObject({ ok: false, problem: { code: 'zip-bomb' } });
  });

  it('says corrupt when the archive is damaged', async () => {
    const bytes = await contract();
    expect(await docxExtractor.extract(bytes.subarray(0, bytes.length / 2), {})).toMatchObject({ ok: false, problem: { code: 'corrupt' } });
  });
});
