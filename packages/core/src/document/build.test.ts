import { describe, expect, it } from 'vitest';
import { buildDocument, joinPages } from './build.js';
import { locate } from './locate.js';
import type { RawDocument } from './types.js';

const header = (n: number) => `Contrat n° 2025-117 – Page ${n} / 3 – Confidentiel`;

function pdf(pages: string[]): RawDocument {
  return { format: 'pdf', paged: true, pages: pages.map((text) => ({ text })), warnings: [] };
}

describe('buildDocument', () => {
  const raw = pdf([
    `${header(1)}\nArticle 1 – Objet\nLe présent contrat a pour objet la maintenance du logiciel de dossier patient informatisé du\nCentre hospitalier, y compris la télémaintenance.\n1`,
    `${header(2)}\nArticle 7 – Sécurité\nLe Titulaire notifie au Client tout incident de sécurité dans un délai de vingt-quatre heures à compter de sa notifi-\n2`,
    `${header(3)}\ncation par le Client ou de sa détection par le Titulaire.\nArticle 8 – Audit\nLe Client peut auditer le Titulaire une fois par an.\n3`,
  ]);
  const doc = buildDocument(raw);

  it('removes running headers and page numbers and says so', () => {
    expect(doc.text).not.toContain('Confidentiel');
    expect(doc.text).not.toMatch(/\n\n\d\n|\n\d$/);
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'header-footer-removed' })]);
    expect(doc.warnings[0]!.message).toContain('Contrat n° 2025-117 – Page 1 / 3 – Confidentiel');
  });

  it('joins a sentence cut by a page break, repairing the hyphenation', () => {
    expect(doc.text).toContain('à compter de sa notification par le Client ou de sa détection');
  });

  it('keeps offsets mapped to the right page after removal and joining', () => {
    const at = (needle: string) => locate(doc, doc.text.indexOf(needle));
    expect(at('Article 1').page).toBe(1);
    expect(at('télémaintenance').page).toBe(1);
    expect(at('Le Titulaire notifie').page).toBe(2);
    expect(at('notifi').page).toBe(2);
    expect(at('cation par le Client').page).toBe(3);
    expect(at('Article 8').page).toBe(3);
    expect(doc.pages!.map((p) => p.number)).toEqual([1, 2, 3]);
    for (const page of doc.pages!) expect(page.start).toBeLessThanOrEqual(page.end);
    expect(doc.pages![2]!.end).toBe(doc.text.length);
  });

  it('finds sections and their pages', () => {
    expect(doc.sections.map((s) => s.heading)).toEqual(['Article 1 – Objet', 'Article 7 – Sécurité', 'Article 8 – Audit']);
    expect(locate(doc, doc.text.indexOf('de sa détection')).section?.heading).toBe('Article 7 – Sécurité');
  });

  it('detects French and records one span covering everything', () => {
    expect(doc.language).toBe('fr');
    expect(doc.languageSpans).toEqual([{ start: 0, end: doc.text.length, language: 'fr' }]);
  });

  it('honours a forced language', () => {
    expect(buildDocument(raw, { language: 'en' }).language).toBe('en');
  });

  it('takes each line of a word-processor text as a paragraph and uses styled headings', () => {
    const docx: RawDocument = {
      format: 'docx',
      paged: false,
      pages: [{ text: 'Préambule\n\nLe GHT souhaite externaliser la maintenance\nArticle 1 – Objet\n\nRSSI | Jeanne Martin' }],
      warnings: [{ code: 'tracked-changes', message: 'x' }],
      headings: [{ text: 'Préambule', level: 1 }],
    };
    const built = buildDocument(docx);
    expect(built.pages).toBeNull();
    expect(built.text).toBe('Préambule\n\nLe GHT souhaite externaliser la maintenance\n\nArticle 1 – Objet\n\nRSSI | Jeanne Martin');
    expect(built.sections.map((s) => s.heading)).toEqual(['Préambule', 'Article 1 – Objet']);
    expect(built.warnings.map((w) => w.code)).toEqual(['tracked-changes']);
  });

  it('carries OCR confidence to the page spans', () => {
    const scanned: RawDocument = { format: 'pdf', paged: true, pages: [{ text: 'Texte lu.', ocrConfidence: 81 }, { text: 'Autre page.' }], warnings: [] };
    expect(buildDocument(scanned).pages).toEqual([
      { number: 1, start: 0, end: 9, ocrConfidence: 81 },
      { number: 2, start: 11, end: 22 },
    ]);
  });
});

describe('joinPages', () => {
  it('keeps empty pages as empty spans and never joins across them', () => {
    const { text, spans } = joinPages(['Le Titulaire notifie', '', 'au Client.']);
    expect(text).toBe('Le Titulaire notifie\n\nau Client.');
    expect(spans).toEqual([
      { number: 1, start: 0, end: 20 },
      { number: 2, start: 20, end: 20 },
      { number: 3, start: 22, end: 32 },
    ]);
  });

  it('joins a body paragraph that runs on to a capital on the next page, not a heading', () => {
    const body = 'The Contractor shall notify the Hospital of any';
    expect(joinPages([body, 'Major Security Incident within 12 hours.'], [50]).text).toBe(`${body} Major Security Incident within 12 hours.`);
    expect(joinPages(['Article 7 – Security', 'The Contractor shall notify.'], [50]).text).toBe('Article 7 – Security\n\nThe Contractor shall notify.');
    expect(joinPages(['7.2 Notification', 'The Contractor shall notify.'], [50]).text).toBe('7.2 Notification\n\nThe Contractor shall notify.');
  });

  it('joins a paragraph that runs on to the next page with a space', () => {
    const { text, spans } = joinPages(['Le Titulaire notifie', 'au Client tout incident.']);
    expect(text).toBe('Le Titulaire notifie au Client tout incident.');
    expect(spans).toEqual([
      { number: 1, start: 0, end: 20 },
      { number: 2, start: 21, end: 45 },
    ]);
  });
});
