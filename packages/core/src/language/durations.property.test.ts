/**
 * Property tests: every number 1–999 in every unit, written the ways contracts
 * write it, reads back to itself; and no input at all makes the reader throw or
 * return offsets outside the text.
 *
 * The renderers below are written from French and English spelling rules,
 * independently of numbers.ts, so a grammar bug cannot hide in a shared table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDurations, type DurationUnit } from './durations.js';
import { parseNumberWords } from './numbers.js';

const FR_SMALL = [
  '', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix',
  'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept', 'dix-huit', 'dix-neuf',
];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

function frenchBelow100(n: number): string {
  if (n < 20) return FR_SMALL[n]!;
  if (n < 70) {
    const tens = FR_TENS[Math.floor(n / 10)]!;
    const unit = n % 10;
    if (unit === 0) return tens;
    return unit === 1 ? `${tens} et un` : `${tens}-${FR_SMALL[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${FR_SMALL[n - 60]}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${FR_SMALL[n - 80]}`;
}

/** French cardinal, traditional spelling; `rectified` joins every word with hyphens (1990 spelling). */
function frenchWords(n: number, feminine: boolean, rectified: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  let words: string;
  if (hundreds === 0) words = frenchBelow100(rest);
  else {
    const head = hundreds === 1 ? 'cent' : `${FR_SMALL[hundreds]} cent${rest === 0 ? 's' : ''}`;
    words = rest === 0 ? head : `${head} ${frenchBelow100(rest)}`;
  }
  if (feminine) words = words.replace(/\bun$/, 'une');
  return rectified ? words.replace(/ /g, '-') : words;
}

const EN_SMALL = [
  '', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function englishWords(n: number, withAnd: boolean, hyphen: boolean): string {
  const below100 = (m: number): string => {
    if (m < 20) return EN_SMALL[m]!;
    const unit = m % 10;
    return unit === 0 ? EN_TENS[Math.floor(m / 10)]! : `${EN_TENS[Math.floor(m / 10)]}${hyphen ? '-' : ' '}${EN_SMALL[unit]}`;
  };
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return below100(rest);
  const head = `${EN_SMALL[hundreds]} hundred`;
  return rest === 0 ? head : `${head}${withAnd ? ' and ' : ' '}${below100(rest)}`;
}

const UNITS: DurationUnit[] = ['minute', 'hour', 'day', 'week', 'month', 'year'];
const FR_UNIT: Record<DurationUnit, { one: string; many: string; feminine: boolean }> = {
  minute: { one: 'minute', many: 'minutes', feminine: true },
  hour: { one: 'heure', many: 'heures', feminine: true },
  day: { one: 'jour', many: 'jours', feminine: false },
  week: { one: 'semaine', many: 'semaines', feminine: true },
  month: { one: 'mois', many: 'mois', feminine: false },
  year: { one: 'an', many: 'ans', feminine: false },
};
const frUnit = (unit: DurationUnit, n: number) => (n === 1 ? FR_UNIT[unit].one : FR_UNIT[unit].many);
const enUnit = (unit: DurationUnit, n: number) => (n === 1 ? unit : `${unit}s`);

type Style = 'digits' | 'words' | 'words (digits)' | 'digits (words)';
const STYLES: Style[] = ['digits', 'words', 'words (digits)', 'digits (words)'];

function renderFrench(n: number, unit: DurationUnit, style: Style, rectified: boolean): string {
  const words = frenchWords(n, FR_UNIT[unit].feminine, rectified);
  const figure = { digits: `${n}`, words, 'words (digits)': `${words} (${n})`, 'digits (words)': `${n} (${words})` }[style];
  return `${figure} ${frUnit(unit, n)}`;
}

function renderEnglish(n: number, unit: DurationUnit, style: Style, withAnd: boolean, hyphen: boolean): string {
  const words = englishWords(n, withAnd, hyphen);
  const figure = { digits: `${n}`, words, 'words (digits)': `${words} (${n})`, 'digits (words)': `${n} (${words})` }[style];
  return `${figure} ${enUnit(unit, n)}`;
}

const amount = fc.integer({ min: 1, max: 999 });
const unit = fc.constantFrom(...UNITS);
const style = fc.constantFrom(...STYLES);

describe('number words read back (renderer independent of the parser)', () => {
  it('French words', () => {
    fc.assert(
      fc.property(amount, fc.boolean(), fc.boolean(), (n, feminine, rectified) => {
        expect(parseNumberWords(frenchWords(n, feminine, rectified), 'fr')).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('English words', () => {
    fc.assert(
      fc.property(amount, fc.boolean(), fc.boolean(), (n, withAnd, hyphen) => {
        expect(parseNumberWords(englishWords(n, withAnd, hyphen), 'en')).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('every rendering of n in a unit reads back to n in that unit', () => {
  it('French: digits, words, words (digits), digits (words)', () => {
    fc.assert(
      fc.property(amount, unit, style, fc.boolean(), fc.constantFrom<'fr' | undefined>('fr', undefined), (n, u, s, rectified, lang) => {
        const text = renderFrench(n, u, s, rectified);
        const mentions = findDurations(text, lang);
        expect(mentions).toHaveLength(1);
        expect(mentions[0]).toMatchObject({ amount: n, unit: u, text, start: 0, end: text.length, placeholder: false });
      }),
      { numRuns: 1500 },
    );
  });

  it('English: digits, words, words (digits), digits (words)', () => {
    fc.assert(
      fc.property(amount, unit, style, fc.boolean(), fc.boolean(), fc.constantFrom<'en' | undefined>('en', undefined), (n, u, s, withAnd, hyphen, lang) => {
        const text = renderEnglish(n, u, s, withAnd, hyphen);
        const mentions = findDurations(text, lang);
        expect(mentions).toHaveLength(1);
        expect(mentions[0]).toMatchObject({ amount: n, unit: u, text, start: 0, end: text.length, placeholder: false });
      }),
      { numRuns: 1500 },
    );
  });

  it('inside a deadline sentence, with the cue read as a deadline', () => {
    fc.assert(
      fc.property(amount, unit, style, fc.boolean(), (n, u, s, french) => {
        const duration = french ? renderFrench(n, u, s, false) : renderEnglish(n, u, s, true, true);
        const sentence = french
          ? `Le Titulaire notifie l'incident dans un délai de ${duration} à compter de sa détection.`
          : `The Supplier shall notify the incident within ${duration} of becoming aware of it.`;
        const mentions = findDurations(sentence, french ? 'fr' : 'en');
        expect(mentions).toHaveLength(1);
        const [m] = mentions;
        expect(m).toMatchObject({ amount: n, unit: u, text: duration, bound: 'deadline' });
        expect(sentence.slice(m!.start, m!.end)).toBe(duration);
      }),
      { numRuns: 1000 },
    );
  });
});

/** Fragments that exercise every branch, so random joins hit the hard cases. */
const FRAGMENTS = [
  '48', '24', '9', '1', '30', '12', '6', ' ', '  ', '\n', '-', '–', '(', ')', '[', ']', '●', 'XX', '/', '+', ',', '.', '...',
  'h', 'H', 'J', 'T', 'D', 'heures', 'heure', 'jours', 'jour', 'mois', 'an', 'ans', 'hours', 'days', 'months', 'a', 'an',
  'quarante', 'huit', 'vingt', 'et', 'un', 'une', 'demi', 'demie', 'half', 'and', 'seventy', 'two', 'hundred', 'cent',
  'ouvrés', 'ouvrées', 'business', 'calendar', 'à', 'entre', 'between', 'au plus tard', 'within', 'sous', 'délai',
  "n'", 'pas', 'au-delà de', 'au moins', 'par', 'sur', 'fériés', 'quinzaine', 'semestre', 'fortnight', 'TBD', 'j.o.',
  '%', '€', 'ó', '\u00A0', '\u202F', '’', "'", 'é', '🙂',
];

describe('robustness', () => {
  const check = (text: string, lang?: 'fr' | 'en') => {
    const mentions = findDurations(text, lang);
    let previousEnd = 0;
    for (const m of mentions) {
      expect(m.start).toBeGreaterThanOrEqual(previousEnd);
      expect(m.end).toBeGreaterThan(m.start);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.text).toBe(text.slice(m.start, m.end));
      expect(m.placeholder).toBe(m.amount === null);
      if (m.amount !== null) expect(Number.isFinite(m.amount)).toBe(true);
      previousEnd = m.end;
    }
  };
  const lang = fc.constantFrom<'fr' | 'en' | undefined>('fr', 'en', undefined);

  it('never throws and keeps offsets inside the text on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), lang, check), { numRuns: 1500 });
  });

  it('never throws on random joins of tricky fragments', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join('')), lang, check),
      { numRuns: 3000 },
    );
  });
});
