import { describe, expect, it } from 'vitest';
import { detectLanguage, scoreLanguage } from './detect-language.js';

const FRENCH = [
  'Article 7 – Sécurité',
  "Le Titulaire notifie au Client tout incident de sécurité dans un délai de vingt-quatre heures à compter de sa détection. La notification est adressée au responsable de la sécurité des systèmes d'information du Client.",
  "Le Titulaire conserve les journaux d'accès et d'administration pendant une durée de six mois et les tient à la disposition du Client.",
  "Le Client peut faire réaliser un audit de sécurité par un auditeur de son choix, une fois par an, moyennant un préavis de trente jours.",
];
const ENGLISH = [
  'ANNEX 3 – DATA PROCESSING AGREEMENT',
  'The Processor shall notify the Controller of any personal data breach without undue delay after becoming aware of it, and in any event within 48 hours.',
  'The Processor shall make available to the Controller all information necessary to demonstrate compliance with the obligations laid down in this Agreement.',
  'The Processor shall keep the logs of all access to personal data for a period of twelve months from their creation.',
];

describe('detectLanguage', () => {
  it('tells French from English', () => {
    expect(detectLanguage(FRENCH.join('\n\n')).language).toBe('fr');
    expect(detectLanguage(ENGLISH.join('\n\n')).language).toBe('en');
  });

  it('gives a French contract with an English annex two spans that cover the text', () => {
    const text = [...FRENCH, ...ENGLISH].join('\n\n');
    const { language, spans } = detectLanguage(text);
    expect(language).toBe('fr');
    expect(spans).toEqual([
      { start: 0, end: text.indexOf('ANNEX 3'), language: 'fr' },
      { start: text.indexOf('ANNEX 3'), end: text.length, language: 'en' },
    ]);
  });

  it('does not cut a span for a short English phrase inside French text', () => {
    const text = [FRENCH[1], 'without undue delay', FRENCH[2], FRENCH[3]].join('\n\n');
    expect(detectLanguage(text).spans).toEqual([{ start: 0, end: text.length, language: 'fr' }]);
  });

  it('counts French elisions, which English never writes', () => {
    expect(scoreLanguage("l'accès d'un qu'il n'est")).toEqual({ fr: 4, en: 0 });
  });

  it('is deterministic and defaults to French without evidence', () => {
    const text = [...ENGLISH, ...FRENCH].join('\n\n');
    expect(detectLanguage(text)).toEqual(detectLanguage(text));
    expect(detectLanguage('RSSI | 01 23 45 67 89')).toMatchObject({ language: 'fr', spans: [{ start: 0, end: 21, language: 'fr' }] });
    expect(detectLanguage('')).toMatchObject({ language: 'fr', spans: [{ start: 0, end: 0, language: 'fr' }] });
  });

  it('lets a forced language override detection', () => {
    const text = ENGLISH.join('\n\n');
    expect(detectLanguage(text, { force: 'fr' })).toMatchObject({ language: 'fr', spans: [{ start: 0, end: text.length, language: 'fr' }] });
  });
});
