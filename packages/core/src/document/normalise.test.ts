import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, linesAsParagraphs, normalise, normaliseCharacters, rebuildParagraphs } from './normalise.js';

describe('normaliseCharacters', () => {
  it('spells every character one way', () => {
    expect(normaliseCharacters('la noti\uFB01cation, le ﬂux, l\u2019e\u00ADxécution\u00A0: 24\u202Fh')).toBe(
      "la notification, le flux, l'exécution : 24 h",
    );
    expect(normaliseCharacters('e\u0301tablissement\u200B et e\uFB03cace ﬀ')).toBe('établissement et efficace ff');
    expect(normaliseCharacters('sous\u2011traitant, ‘Services’')).toBe("sous-traitant, 'Services'");
  });

  it('keeps œ and the guillemets', () => {
    expect(normaliseCharacters('la main-d\u2019œuvre « Titulaire »')).toBe("la main-d'œuvre « Titulaire »");
  });

  it('turns CRLF and form feeds into line breaks and trims lines', () => {
    expect(normaliseCharacters('a  b \r\n  c\fd')).toBe('a b\nc\n\nd');
  });
});

describe('joinLines: words hyphenated across a line break', () => {
  it.each([
    ['La notifi-', 'cation est faite', 'La notification est faite'],
    ['the notifi-', 'cation is sent', 'the notification is sent'],
    ['au sous-', 'traitant', 'au sous-traitant'],
    ['un délai de vingt-', 'quatre heures', 'un délai de vingt-quatre heures'],
    ['celle-', 'ci est', 'celle-ci est'],
    ['a third-', 'party auditor', 'a third-party auditor'],
    ['le non-', 'respect', 'le non-respect'],
    ['Jean-', 'Pierre Martin', 'Jean-Pierre Martin'],
    ['contrat n° 2025-', '117', 'contrat n° 2025-117'],
    ['le Titulaire', 'notifie', 'le Titulaire notifie'],
  ])('%s + %s', (previous, next, joined) => {
    expect(joinLines(previous, next)).toBe(joined);
  });
});

describe('rebuildParagraphs', () => {
  it('rebuilds French paragraphs from PDF lines', () => {
    const lines = [
      'ARTICLE 7 – SÉCURITÉ',
      'Le Titulaire notifie au Client tout incident de sécurité dans un délai de vingt-',
      'quatre (24) heures à compter de sa détection. La notifi-',
      "cation est adressée au responsable de la sécurité du Client et, s'il y a lieu,",
      'au sous-traitant concerné.',
      'Les journaux conservés sont :',
      "- les journaux d'accès ;",
      "- les journaux d'administration.",
      '7.2 Audit',
      'Le Client peut auditer le Titulaire une fois par an.',
    ].join('\n');
    expect(rebuildParagraphs(lines).split('\n\n')).toEqual([
      'ARTICLE 7 – SÉCURITÉ',
      "Le Titulaire notifie au Client tout incident de sécurité dans un délai de vingt-quatre (24) heures à compter de sa détection. La notification est adressée au responsable de la sécurité du Client et, s'il y a lieu, au sous-traitant concerné.",
      'Les journaux conservés sont :',
      "- les journaux d'accès ;",
      "- les journaux d'administration.",
      '7.2 Audit',
      'Le Client peut auditer le Titulaire une fois par an.',
    ]);
  });

  it('rebuilds English paragraphs, joining a full line that ends before a capital', () => {
    const lines = [
      '8. Audit',
      'The Customer, or an independent auditor appointed by the Customer, may audit the',
      'Provider once a year on giving thirty (30) days notice to the Provider in writing.',
      'Audits are at the Customer’s cost.',
    ].join('\n');
    expect(rebuildParagraphs(normaliseCharacters(lines)).split('\n\n')).toEqual([
      '8. Audit',
      "The Customer, or an independent auditor appointed by the Customer, may audit the Provider once a year on giving thirty (30) days notice to the Provider in writing.",
      "Audits are at the Customer's cost.",
    ]);
  });

  it('does not start a paragraph at "(48) heures" nor at a reference to a schedule', () => {
    const lines = [
      'Le Titulaire informe le Client de tout incident de sécurité au plus tard quarante-huit',
      '(48) heures après en avoir pris connaissance, par courriel et par téléphone au RSSI.',
      'If the Supplier fails to meet a service level, Service Credits shall accrue as set out in',
      'Schedule 2. Service Credits are a price adjustment and are without prejudice to other rights.',
    ].join('\n');
    const paragraphs = rebuildParagraphs(lines).split('\n\n');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toContain('quarante-huit (48) heures après');
    expect(paragraphs[1]).toContain('as set out in Schedule 2. Service Credits');
  });

  it('keeps table rows as single lines and never merges them', () => {
    const text = 'Contacts :\nRôle | Nom | Téléphone\nRSSI | Jeanne Martin | 01 23 45 67 89\nfin du tableau';
    expect(rebuildParagraphs(text).split('\n\n')).toEqual([
      'Contacts :',
      'Rôle | Nom | Téléphone',
      'RSSI | Jeanne Martin | 01 23 45 67 89',
      'fin du tableau',
    ]);
  });

  it('keeps a short heading apart from the body that follows', () => {
    expect(rebuildParagraphs('Article 3 – Durée\nLe contrat est conclu pour trois ans.')).toBe(
      'Article 3 – Durée\n\nLe contrat est conclu pour trois ans.',
    );
  });

  it('joins the pieces of a PDF table cell wrapped over short lines', () => {
    const lines = [
      'Le présent article fixe les coordonnées des interlocuteurs de sécurité du Titulaire.',
      'Responsable de la sécurité',
      'Clémence',
      'Aubertin',
    ].join('\n');
    expect(rebuildParagraphs(lines)).toContain('Clémence Aubertin');
  });
});

describe('linesAsParagraphs', () => {
  it('takes every line of a word-processor text as a paragraph', () => {
    expect(linesAsParagraphs('Article 1. Objet\n\nLe contrat\nArticle 2. Durée')).toBe('Article 1. Objet\n\nLe contrat\n\nArticle 2. Durée');
  });
});

describe('normalise (property-based)', () => {
  const tricky = fc.constantFrom(
    '\u00AD', '\u00A0', '\u202F', '\uFB01', '\uFB02', '\uFB00', '\uFB03', '\uFB04', '\u200B', '\u2019', '-', '\n', '\n\n',
    ' ', '\t', '.', ';', ' | ', 'é', 'e\u0301', 'Article 7 – ', '7.2 ', 'sous-', 'notifi-', 'cation', 'A', 'a', '(48) ',
  );
  const text = fc.array(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), tricky), { maxLength: 40 }).map((parts) => parts.join(''));

  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = normalise(input);
        expect(normalise(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no soft hyphen, no-break space, ligature or zero-width character', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(normalise(input)).not.toMatch(/[\u00AD\u00A0\u202F\uFB00-\uFB06\u200B\uFEFF]/);
      }),
      { numRuns: 500 },
    );
  });

  it('separates paragraphs by exactly one blank line and keeps no line break inside them', () => {
    fc.assert(
      fc.property(text, (input) => {
        const output = normalise(input);
        expect(output).not.toMatch(/\n\n\n|^\n|\n$/);
        for (const paragraph of output.split('\n\n')) expect(paragraph).not.toContain('\n');
      }),
      { numRuns: 300 },
    );
  });
});
