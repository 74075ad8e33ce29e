import { describe, expect, it } from 'vitest';
import { parseNumberWords, readNumberWordsAt } from './numbers.js';

describe('parseNumberWords – French', () => {
  it.each([
    ['un', 1],
    ['une', 1],
    ['douze', 12],
    ['quinze', 15],
    ['dix-sept', 17],
    ['vingt et un', 21],
    ['vingt-quatre', 24],
    ['trente', 30],
    ['quarante-huit', 48],
    ['soixante', 60],
    ['soixante-dix', 70],
    ['soixante et onze', 71],
    ['soixante-douze', 72],
    ['soixante-dix-neuf', 79],
    ['quatre-vingts', 80],
    ['quatre-vingt-un', 81],
    ['quatre-vingt-dix', 90],
    ['quatre-vingt-dix-neuf', 99],
    ['cent', 100],
    ['cent un', 101],
    ['cent quatre-vingts', 180],
    ['deux cents', 200],
    ['trois cent soixante-cinq', 365],
    ['mille', 1000],
    ['deux mille', 2000],
    ['neuf mille neuf cent quatre-vingt-dix-neuf', 9999],
    ['Quarante-Huit', 48],
    ['zéro', 0],
  ])('%s = %d', (text, value) => {
    expect(parseNumberWords(text, 'fr')).toBe(value);
  });

  it('reads the Belgian and Swiss tens', () => {
    expect(parseNumberWords('septante', 'fr')).toBe(70);
    expect(parseNumberWords('septante-deux', 'fr')).toBe(72);
    expect(parseNumberWords('huitante', 'fr')).toBe(80);
    expect(parseNumberWords('octante', 'fr')).toBe(80);
    expect(parseNumberWords('nonante et un', 'fr')).toBe(91);
  });

  it('reads half', () => {
    expect(parseNumberWords('demi', 'fr')).toBe(0.5);
    expect(parseNumberWords('une demie', 'fr')).toBe(0.5);
  });
});

describe('parseNumberWords – English', () => {
  it.each([
    ['one', 1],
    ['a', 1],
    ['an', 1],
    ['twelve', 12],
    ['twenty four', 24],
    ['twenty-four', 24],
    ['forty-eight', 48],
    ['seventy-two', 72],
    ['ninety', 90],
    ['a hundred', 100],
    ['one hundred and eighty', 180],
    ['three hundred sixty-five', 365],
    ['three hundred and sixty-five', 365],
    ['a thousand', 1000],
    ['two thousand and five', 2005],
    ['nine thousand nine hundred ninety-nine', 9999],
    ['Seventy-Two', 72],
    ['half', 0.5],
    ['a half', 0.5],
  ])('%s = %d', (text, value) => {
    expect(parseNumberWords(text, 'en')).toBe(value);
  });
});

describe('parseNumberWords – what is not one number', () => {
  it.each([
    ['', 'fr'],
    ['deux trois', 'fr'],
    ['vingt vingt', 'fr'],
    ['cent cent', 'fr'],
    ['forty twelve', 'en'],
    ['one two', 'en'],
    ['quarante-huit heures', 'fr'],
    ['douzième', 'fr'],
    ['deuxième', 'fr'],
    ['twelfth', 'en'],
    ['48', 'fr'],
    ['and', 'en'],
    ['et', 'fr'],
  ] as const)('%j is null', (text, lang) => {
    expect(parseNumberWords(text, lang)).toBeNull();
  });

  it('does not read English words as French and vice versa', () => {
    expect(parseNumberWords('twelve', 'fr')).toBeNull();
    expect(parseNumberWords('douze', 'en')).toBeNull();
  });

  it('tries both languages without a language', () => {
    expect(parseNumberWords('douze')).toBe(12);
    expect(parseNumberWords('twelve')).toBe(12);
  });
});

describe('readNumberWordsAt', () => {
  it('reads the longest number and stops before the echo in digits', () => {
    const text = 'dans les quarante-huit (48) heures';
    const reading = readNumberWordsAt(text, text.indexOf('quarante'), 'fr');
    expect(reading).toMatchObject({ value: 48, lang: 'fr' });
    expect(text.slice(reading!.start, reading!.end)).toBe('quarante-huit');
  });

  it('stops before a hyphenated unit', () => {
    const text = 'a seventy-two-hour period';
    const reading = readNumberWordsAt(text, 2, 'en');
    expect(text.slice(reading!.start, reading!.end)).toBe('seventy-two');
  });

  it('keeps the longest valid prefix of a run that is not one number', () => {
    const text = 'deux trois jours';
    const reading = readNumberWordsAt(text, 0, 'fr');
    expect(reading?.value).toBe(2);
    expect(reading?.end).toBe(4);
  });

  it('does not end on a connector', () => {
    const text = 'six et sept';
    expect(readNumberWordsAt(text, 0, 'fr')?.end).toBe(3);
  });

  it('reads only at the start of a word', () => {
    expect(readNumberWordsAt('deuxième', 0, 'fr')).toBeNull();
    expect(readNumberWordsAt('undo', 0, 'fr')).toBeNull();
    expect(readNumberWordsAt('ladeux', 2, 'fr')).toBeNull();
  });

  it('reads an English article only when asked', () => {
    expect(readNumberWordsAt('an hour', 0, 'en')).toBeNull();
    expect(readNumberWordsAt('an hour', 0, 'en', { allowArticle: true })?.value).toBe(1);
  });
});
