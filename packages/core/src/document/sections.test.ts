import { describe, expect, it } from 'vitest';
import { classifyHeading, detectSections } from './sections.js';

const doc = (...paragraphs: string[]) => paragraphs.join('\n\n');

describe('classifyHeading', () => {
  it.each([
    ['Article 7 – Sécurité', 'article', '7', 1],
    ['ARTICLE 7 :', 'article', '7', 1],
    ['Art. 7. Audit', 'article', '7', 1],
    ['Article 1er – Objet', 'article', '1', 1],
    ['Article premier – Objet', 'article', '1', 1],
    ['ARTICLE VII – SÉCURITÉ', 'article', '7', 1],
    ['Article 7.2 – Notification des incidents', 'clause', '7.2', 2],
    ['Article 9 bis – Sous-traitance', 'article', '9 bis', 1],
    ['7. Security', 'article', '7', 1],
    ['7.2 Notification', 'clause', '7.2', 2],
    ['7.2.1 The Supplier shall notify the Customer within 24 hours.', 'clause', '7.2.1', 3],
    ['12.3(b)(ii) Audit reports', 'clause', '12.3(b)(ii)', 4],
    ['VII.1 L’Hébergeur met en œuvre les mesures', 'clause', '7.1', 2],
    ['§ 9 – Sécurité', 'article', '9', 1],
    ['Clause 8 – Security', 'article', '8', 1],
    ['ANNEXE 3 – Plan d’assurance sécurité', 'annex', '3', 1],
    ['Annexe n°2', 'annex', '2', 1],
    ['Schedule 2 – Service Levels', 'annex', '2', 1],
    ['Appendix B', 'annex', 'B', 1],
    ['Exhibit A to the Master Services Agreement', 'annex', 'A', 1],
    ['Avenant n° 1 au contrat de maintenance', 'amendment', '1', 1],
    ['Amendment No. 2', 'amendment', '2', 1],
    ['CHAPITRE II – EXÉCUTION', 'article', '2', 0],
    ['TITRE I – DISPOSITIONS GÉNÉRALES', 'article', '1', 0],
  ])('%s', (paragraph, kind, number, depth) => {
    expect(classifyHeading(paragraph)).toMatchObject({ kind, number, depth });
  });

  it.each([
    ['1. le Titulaire tient à jour la liste des comptes ;'],
    ['1. Le Titulaire tient à jour la liste des comptes à privilèges et la communique au Client chaque trimestre.'],
    ['Article 7 du CCAG-TIC prévoit que les pénalités sont plafonnées.'],
    ['Clause 7.2 of this Agreement applies to all incidents.'],
    ['2.4 du logiciel est livrée en mars.'],
    ['RSSI | Jeanne Martin | 01 23 45 67 89'],
    ['7.2 Notification | 24 heures'],
    ['Annexe 2 du contrat : elle précise les contacts.'],
    ['Article 7 – Sécurité ........ 12'],
    ['24 heures après la détection.'],
  ])('not a heading: %s', (paragraph) => {
    expect(classifyHeading(paragraph)).toBeNull();
  });
});

describe('detectSections', () => {
  it('nests clauses in articles and closes each section at the next one of its level', () => {
    const text = doc(
      'CONTRAT',
      'Article 7 – Sécurité',
      '7.1 Le Titulaire applique la PSSI du Client.',
      '7.2 Notification',
      'Le Titulaire notifie tout incident sous 24 heures.',
      '7.2.1 La notification est écrite.',
      'Article 8 – Audit',
      'Le Client peut auditer le Titulaire.',
    );
    const sections = detectSections(text);
    expect(sections.map((s) => [s.number, s.kind, s.level, s.parent])).toEqual([
      ['7', 'article', 1, null],
      ['7.1', 'clause', 2, 0],
      ['7.2', 'clause', 2, 0],
      ['7.2.1', 'clause', 3, 2],
      ['8', 'article', 1, null],
    ]);
    expect(sections[0]!.start).toBe(text.indexOf('Article 7'));
    expect(sections[0]!.end).toBe(text.indexOf('Article 8'));
    expect(sections[2]!.end).toBe(text.indexOf('Article 8'));
    expect(sections[1]!.end).toBe(text.indexOf('7.2 Notification'));
    expect(sections[4]!.end).toBe(text.length);
  });

  it('makes an amendment’s own articles its children, and annexes siblings of articles', () => {
    const text = doc(
      'Article 11 – Audit',
      'Le Client peut auditer le Titulaire tous les deux ans.',
      'ANNEXE 1 – Contacts',
      'RSSI | Jeanne Martin | 01 23 45 67 89',
      'AVENANT N° 1 AU CONTRAT',
      'Article 1 – L’article 11 du contrat est remplacé par les stipulations suivantes.',
      'Article 2 – Les autres stipulations demeurent inchangées.',
    );
    const sections = detectSections(text);
    expect(sections.map((s) => [s.kind, s.number, s.level, s.parent])).toEqual([
      ['article', '11', 1, null],
      ['annex', '1', 1, null],
      ['amendment', '1', 1, null],
      ['article', '1', 2, 2],
      ['article', '2', 2, 2],
    ]);
  });

  it('nests articles in chapters', () => {
    const sections = detectSections(doc('TITRE I – GÉNÉRALITÉS', 'Article 1 – Objet', 'Texte.', 'TITRE II – EXÉCUTION', 'Article 2 – Durée', 'Texte.'));
    expect(sections.map((s) => [s.heading, s.level, s.parent])).toEqual([
      ['TITRE I – GÉNÉRALITÉS', 0, null],
      ['Article 1 – Objet', 1, 0],
      ['TITRE II – EXÉCUTION', 0, null],
      ['Article 2 – Durée', 1, 2],
    ]);
  });

  it('does not take a list of the annexes or a table of contents for headings', () => {
    const text = doc(
      'Sommaire',
      'Article 1 – Objet',
      'Article 2 – Durée',
      'Article 3 – Prix',
      'Article 1 – Objet',
      'Le contrat a pour objet la maintenance. Les pièces contractuelles sont :',
      'Annexe 1 : Plan d’assurance sécurité',
      'Annexe 2 : Contacts',
      'Article 2 – Durée',
      'Trois ans.',
    );
    const sections = detectSections(text);
    expect(sections.map((s) => s.heading)).toEqual(['Article 1 – Objet', 'Article 2 – Durée']);
    expect(sections[0]!.start).toBe(text.indexOf('Article 1 – Objet\n\nLe contrat'));
  });

  it('completes "ARTICLE 7 :" with the title on the next line', () => {
    const sections = detectSections(doc('ARTICLE 7 :', 'SÉCURITÉ', 'Le Titulaire notifie tout incident.'));
    expect(sections).toHaveLength(1);
    expect(sections[0]!.heading).toBe('ARTICLE 7 : SÉCURITÉ');
  });

  it('uses Markdown markers and styled headings for unnumbered headings', () => {
    expect(detectSections(doc('# Conditions', '## Sécurité', 'Texte.')).map((s) => [s.heading, s.level, s.number])).toEqual([
      ['Conditions', 1, null],
      ['Sécurité', 2, null],
    ]);
    const styled = detectSections(doc('Préambule', 'Texte du préambule.', 'Article 1 – Objet', 'Texte.'), [{ text: 'Préambule', level: 1 }]);
    expect(styled.map((s) => s.heading)).toEqual(['Préambule', 'Article 1 – Objet']);
  });

  it('falls back on title lines when a plain text has no numbered heading at all', () => {
    const sections = detectSections(doc('Objet', 'Le contrat a pour objet la maintenance du logiciel de soins.', 'Durée', 'Le contrat est conclu pour trois ans.'));
    expect(sections.map((s) => s.heading)).toEqual(['Objet', 'Durée']);
  });

  it('clips a clause that opens with its text to its first sentence', () => {
    const long = `7.2 Le Titulaire notifie au Client tout incident. ${'Il précise la nature de l’incident et les mesures prises. '.repeat(4)}`.trim();
    expect(detectSections(long)[0]!.heading).toBe('7.2 Le Titulaire notifie au Client tout incident.');
  });
});
