import { describe, expect, it } from 'vitest';
import { findDurations, type DurationMention } from './durations.js';

/** The single mention in `text`; fails when there is not exactly one. */
function only(text: string, lang?: 'fr' | 'en'): DurationMention {
  const mentions = findDurations(text, lang);
  expect(mentions.map((m) => m.text), `mentions in ${JSON.stringify(text)}`).toHaveLength(1);
  return mentions[0]!;
}

describe('findDurations – figures in digits, words and both', () => {
  it.each([
    ['quarante-huit (48) heures', 'fr', 48, 'hour', 'quarante-huit (48) heures'],
    ['48 (quarante-huit) heures', 'fr', 48, 'hour', '48 (quarante-huit) heures'],
    ['48 (forty-eight) hours', 'en', 48, 'hour', '48 (forty-eight) hours'],
    ['seventy-two (72) hours', 'en', 72, 'hour', 'seventy-two (72) hours'],
    ['vingt-quatre heures', 'fr', 24, 'hour', 'vingt-quatre heures'],
    ['cent quatre-vingts jours', 'fr', 180, 'day', 'cent quatre-vingts jours'],
    ['trois cent soixante-cinq (365) jours', 'fr', 365, 'day', 'trois cent soixante-cinq (365) jours'],
    ['un (1) an', 'fr', 1, 'year', 'un (1) an'],
    ['twelve (12) months', 'en', 12, 'month', 'twelve (12) months'],
    ['six (6) mois', 'fr', 6, 'month', 'six (6) mois'],
    ['one hundred and eighty (180) days', 'en', 180, 'day', 'one hundred and eighty (180) days'],
    ['deux ans', 'fr', 2, 'year', 'deux ans'],
    ['UN (1) AN', 'fr', 1, 'year', 'UN (1) AN'],
    ['une année', 'fr', 1, 'year', 'une année'],
    ['quinze (15) minutes', 'fr', 15, 'minute', 'quinze (15) minutes'],
    ['nonante jours', 'fr', 90, 'day', 'nonante jours'],
  ] as const)('%j', (text, lang, amount, unit, whole) => {
    const m = only(text, lang);
    expect(m).toMatchObject({ amount, unit, text: whole, placeholder: false });
  });

  it('lets the words win when the words and the digits disagree', () => {
    expect(only('quarante-huit (24) heures', 'fr').amount).toBe(48);
    expect(only('72 (forty-eight) hours', 'en').amount).toBe(48);
  });

  it('reads a figure with a decimal comma or point and grouped thousands', () => {
    expect(only('1,5 jour', 'fr').amount).toBe(1.5);
    expect(only('1.5 days', 'en').amount).toBe(1.5);
    expect(only('1 000 heures', 'fr').amount).toBe(1000);
  });
});

describe('findDurations – compact and event forms', () => {
  it.each([
    ['sous 48h', 48, 'hour', '48h'],
    ['sous 48 h', 48, 'hour', '48 h'],
    ['sous 24H', 24, 'hour', '24H'],
    ['48hrs', 48, 'hour', '48hrs'],
    ['15 min', 15, 'minute', '15 min'],
    ['30mn', 30, 'minute', '30mn'],
    ['H+24', 24, 'hour', 'H+24'],
    ['J+2', 2, 'day', 'J+2'],
    ['T+72h', 72, 'hour', 'T+72h'],
    ['3 j', 3, 'day', '3 j'],
    ['2 sem.', 2, 'week', '2 sem.'],
  ] as const)('%j', (text, amount, unit, whole) => {
    expect(only(text)).toMatchObject({ amount, unit, text: whole });
  });

  it('reads hours and minutes after a deadline cue ("dans un délai de 1h30")', () => {
    expect(only('dans un délai de 1h30', 'fr')).toMatchObject({ amount: 1.5, unit: 'hour', text: '1h30' });
  });

  it('does not read "T+3" without a unit', () => {
    expect(findDurations('T+3')).toEqual([]);
  });

  it('reads business hours and days in compact forms', () => {
    expect(only('4h ouvrées', 'fr')).toMatchObject({ amount: 4, unit: 'hour', dayKind: 'business' });
    expect(only('4 HO', 'fr')).toMatchObject({ amount: 4, unit: 'hour', dayKind: 'business' });
    expect(only('2 j.o.', 'fr')).toMatchObject({ amount: 2, unit: 'day', dayKind: 'business', text: '2 j.o.' });
    expect(only('J+1 ouvré', 'fr')).toMatchObject({ amount: 1, unit: 'day', dayKind: 'business' });
  });
});

describe('findDurations – hyphenated English', () => {
  it.each([
    ['a 48-hour period', 48, 'hour', '48-hour'],
    ['a seventy-two-hour period', 72, 'hour', 'seventy-two-hour'],
    ['a 12-month period', 12, 'month', '12-month'],
    ['a six-month term', 6, 'month', 'six-month'],
    ['on thirty-day notice', 30, 'day', 'thirty-day'],
  ] as const)('%j', (text, amount, unit, whole) => {
    expect(only(text, 'en')).toMatchObject({ amount, unit, text: whole });
  });
});

describe('findDurations – day kinds', () => {
  it.each([
    ['cinq (5) jours ouvrés', 'business'],
    ['10 jours ouvrables', 'business'],
    ['quarante-huit (48) heures ouvrées', 'business'],
    ['4 heures ouvrables', 'business'],
    ['5 business days', 'business'],
    ['five (5) Business Days', 'business'],
    ['2 working days', 'business'],
    ['8 business hours', 'business'],
    ['30 jours calendaires', 'calendar'],
    ['30 calendar days', 'calendar'],
    ['15 consecutive days', 'calendar'],
    ['huit jours francs', 'calendar'],
    ['30 jours', null],
    ['30 days', null],
  ] as const)('%j → %s', (text, dayKind) => {
    expect(only(text).dayKind).toBe(dayKind);
  });

  it('keeps the whole mention, day kind included', () => {
    expect(only('quarante-huit (48) heures ouvrées', 'fr').text).toBe('quarante-huit (48) heures ouvrées');
  });
});

describe('findDurations – hours and months', () => {
  it('converts minute/hour/day/week to hours, counting 24 h a day', () => {
    expect(only('90 minutes').hours).toBe(1.5);
    expect(only('48 heures').hours).toBe(48);
    expect(only('3 jours').hours).toBe(72);
    expect(only('2 jours ouvrés').hours).toBe(48);
    expect(only('une semaine').hours).toBe(168);
    expect(only('6 mois').hours).toBeNull();
    expect(only('1 year').hours).toBeNull();
  });

  it('converts day/week/month/year to months', () => {
    expect(only('6 mois').months).toBe(6);
    expect(only('un an').months).toBe(12);
    expect(only('183 jours').months).toBeCloseTo(6.01, 2);
    expect(only('26 weeks').months).toBeCloseTo(5.98, 2);
    expect(only('48 heures').months).toBeNull();
    expect(only('30 minutes').months).toBeNull();
  });
});

describe('findDurations – cue phrases around the figure', () => {
  it.each([
    ['dans un délai de 48 heures', 'deadline'],
    ['dans un délai maximum de quarante-huit (48) heures', 'deadline'],
    ['au plus tard 72 heures après la détection', 'deadline'],
    ['72 heures au plus tard après la détection', 'deadline'],
    ['sous 24h', 'deadline'],
    ['dans les 48 heures', 'deadline'],
    ['within 48 hours', 'deadline'],
    ['no later than seventy-two (72) hours', 'deadline'],
    ['not later than 24 hours after', 'deadline'],
    ["jusqu'à 3 mois", 'ceiling'],
    ['up to 90 days', 'ceiling'],
    ['pendant trois mois au maximum', 'ceiling'],
    ['pour une durée maximale de 3 mois', 'ceiling'],
    ['a maximum of 30 days', 'ceiling'],
    ['not more than 30 days', 'ceiling'],
    ['no longer than 90 days', 'ceiling'],
    ['not exceeding 90 days', 'ceiling'],
    ["n'est pas tenu de conserver les journaux au-delà de trente jours", 'ceiling'],
    ['ne conserve pas les journaux au-delà de 30 jours', 'ceiling'],
    ['au moins six (6) mois', 'floor'],
    ['pendant au minimum 12 mois', 'floor'],
    ['une durée minimale de 12 mois', 'floor'],
    ['at least 12 months', 'floor'],
    ['minimum 6 mois', 'floor'],
    ['no less than six months', 'floor'],
    ['pas moins de six mois', 'floor'],
    ['24 mois minimum', 'floor'],
    ["d'une durée de six (6) mois", null],
    ['pendant 12 mois', null],
    ['pour une période de 12 mois', null],
    ['for a period of 12 months', null],
    ['moyennant un préavis de 30 jours', null],
  ] as const)('%j → %s', (text, bound) => {
    expect(only(text).bound).toBe(bound);
  });

  it('reads a cue across a wrapped line but not across a sentence', () => {
    expect(only('dans un délai\nde soixante (60) jours', 'fr').bound).toBe('deadline');
    const two = findDurations('Le délai est de 48 heures. Les journaux sont conservés 6 mois.', 'fr');
    expect(two.map((m) => m.bound)).toEqual(['deadline', null]);
  });

  it('gives each figure its own cue', () => {
    const mentions = findDurations('notification sous 24 heures, rapport complet pendant 30 jours', 'fr');
    expect(mentions.map((m) => [m.amount, m.bound])).toEqual([
      [24, 'deadline'],
      [30, null],
    ]);
  });
});

describe('findDurations – ranges, halves, compounds, counted periods', () => {
  it('reports a range by its lower figure, as a floor, with both figures', () => {
    for (const [text, low, high, unit] of [
      ['entre 6 et 12 mois', 6, 12, 'month'],
      ['de 6 à 12 mois', 6, 12, 'month'],
      ['six à douze mois', 6, 12, 'month'],
      ['between 24 and 72 hours', 24, 72, 'hour'],
      ['6-12 months', 6, 12, 'month'],
      ['24 to 48 hours', 24, 48, 'hour'],
    ] as const) {
      expect(only(text), text).toMatchObject({ amount: low, unit, bound: 'floor', range: { low, high } });
    }
  });

  it('does not take "et"/"and" for a range without "entre"/"between"', () => {
    expect(findDurations('articles 5 et 6 mois', 'fr').map((m) => m.amount)).toEqual([6]);
  });

  it('reads halves', () => {
    expect(only('1 an et demi', 'fr')).toMatchObject({ amount: 1.5, unit: 'year', months: 18, text: '1 an et demi' });
    expect(only('une heure et demie', 'fr')).toMatchObject({ amount: 1.5, unit: 'hour' });
    expect(only('one and a half years', 'en')).toMatchObject({ amount: 1.5, unit: 'year' });
    expect(only('une demi-journée', 'fr')).toMatchObject({ amount: 0.5, unit: 'day', hours: 12, text: 'une demi-journée' });
    expect(only('half a day', 'en')).toMatchObject({ amount: 0.5, unit: 'day' });
    expect(only('half an hour', 'en')).toMatchObject({ amount: 0.5, unit: 'hour' });
    expect(only('a half-day', 'en')).toMatchObject({ amount: 0.5, unit: 'day' });
  });

  it('expresses a compound in the smaller unit', () => {
    expect(only('un an et six mois', 'fr')).toMatchObject({ amount: 18, unit: 'month', text: 'un an et six mois' });
    expect(only('2 ans et 6 mois', 'fr')).toMatchObject({ amount: 30, unit: 'month' });
    expect(only('one year and six months', 'en')).toMatchObject({ amount: 18, unit: 'month' });
    expect(only('2 days and 12 hours', 'en')).toMatchObject({ amount: 60, unit: 'hour' });
  });

  it('keeps two figures apart when the second is not a remainder', () => {
    expect(findDurations('30 jours et 48 heures', 'fr').map((m) => m.amount)).toEqual([30, 48]);
  });

  it('reads counted periods', () => {
    expect(only('une semaine', 'fr')).toMatchObject({ amount: 1, unit: 'week' });
    expect(only('quinze jours', 'fr')).toMatchObject({ amount: 15, unit: 'day' });
    expect(only('huit jours', 'fr')).toMatchObject({ amount: 8, unit: 'day' });
    expect(only('a fortnight', 'en')).toMatchObject({ amount: 14, unit: 'day' });
    expect(only('a full calendar year', 'en')).toMatchObject({ amount: 1, unit: 'year', months: 12 });
    expect(only('two Contract Years', 'en')).toMatchObject({ amount: 2, unit: 'year', months: 24 });
    expect(only('a calendar quarter', 'en')).toMatchObject({ unit: 'month', months: 3 });
    expect(findDurations('a quarter of the monthly fee', 'en')).toEqual([]);
    expect(only('un semestre', 'fr')).toMatchObject({ amount: 6, unit: 'month' });
    expect(only('deux trimestres', 'fr')).toMatchObject({ amount: 6, unit: 'month' });
    expect(only('sous quinzaine', 'fr')).toMatchObject({ amount: 15, unit: 'day', bound: 'deadline' });
    expect(only('dans la huitaine', 'fr')).toMatchObject({ amount: 8, unit: 'day' });
    expect(only('an hour', 'en')).toMatchObject({ amount: 1, unit: 'hour', text: 'an hour' });
    expect(only('a year', 'en')).toMatchObject({ amount: 1, unit: 'year' });
    expect(only('a business day', 'en')).toMatchObject({ amount: 1, unit: 'day', dayKind: 'business' });
  });

  it('reads French adjectives between figure and unit', () => {
    expect(only('les 12 derniers mois', 'fr')).toMatchObject({ amount: 12, unit: 'month' });
  });
});

describe('findDurations – placeholders', () => {
  it.each([
    ['XX heures', 'hour'],
    ['xx jours', 'day'],
    ['[●] jours', 'day'],
    ['[•] mois', 'month'],
    ['[à compléter] heures', 'hour'],
    ['[A COMPLETER] heures', 'hour'],
    ['TBD hours', 'hour'],
    ['[TBD] days', 'day'],
    ['___ jours', 'day'],
    ['... heures', 'hour'],
    ['XX (XX) heures', 'hour'],
    ['[●] ([●]) heures', 'hour'],
  ] as const)('%j', (text, unit) => {
    expect(only(text)).toMatchObject({ amount: null, unit, hours: null, months: null, placeholder: true, text });
  });

  it('prefers a real figure to a placeholder echo', () => {
    expect(only('48 ([●]) heures', 'fr')).toMatchObject({ amount: 48, placeholder: false });
  });
});

describe('findDurations – what is not a duration', () => {
  it.each([
    ['chaque semestre', 'fr'],
    ['le premier trimestre', 'fr'],
    ['un rapport annuel', 'fr'],
    ['semestriel', 'fr'],
    ['le 1er janvier 2026', 'fr'],
    ['avant le 31/12/2025', 'fr'],
    ['Article 6 – Sécurité', 'fr'],
    ['48 000 euros', 'fr'],
    ['€48,000', 'en'],
    ['une pénalité de 48 %', 'fr'],
    ['du lundi au vendredi de 9h à 18h', 'fr'],
    ['9h-18h', 'fr'],
    ['de 8 heures à 18 heures', 'fr'],
    ['entre 8h et 18h', 'fr'],
    ['le lendemain à 12 heures', 'fr'],
    ['à 14h', 'fr'],
    ['reçue à 8h30', 'fr'],
    ['ouvert 8h30-17h30', 'fr'],
    ['Tél. : 01 23 45 67 89', 'fr'],
    ['+33 1 48 24 72 00', 'fr'],
    ['support 24/7', 'en'],
    ['support 7j/7', 'fr'],
    ['astreinte H24', 'fr'],
    ['24h/24 et 7j/7', 'fr'],
    ['24 heures sur 24 et 7 jours sur 7', 'fr'],
    ['24 hours a day, 7 days a week', 'en'],
    ['a 24-hour support line', 'en'],
    ['4 heures par mois', 'fr'],
    ['5 days a week', 'en'],
    ['€500 a day of delay', 'en'],
    ['les jours fériés', 'fr'],
    ['5 jours fériés', 'fr'],
    ['2 d’entre eux', 'fr'],
    ['la mise a jour', 'fr'],
    ['il a 48 ans', 'en'],
    ['ISO 27001', 'en'],
    ['Mammographe Mammex 3D', 'fr'],
    ['8.2 An audit may be carried out', 'en'],
    ['8.2 An audit may be carried out', undefined],
    ['version 2.4.5', 'en'],
  ] as const)('%j (%s)', (text, lang) => {
    expect(findDurations(text, lang)).toEqual([]);
  });

  it('reads a clock-like figure that a delay was set to', () => {
    expect(only('le délai est porté à 24 heures', 'fr')).toMatchObject({ amount: 24, bound: 'deadline' });
    expect(only("jusqu'à 24 heures", 'fr')).toMatchObject({ amount: 24, bound: 'ceiling' });
  });

  it('reads the duration next to a non-duration', () => {
    const mentions = findDurations('Support 24/7 ; notification sous 4 heures ouvrées (9h-18h).', 'fr');
    expect(mentions.map((m) => m.text)).toEqual(['4 heures ouvrées']);
  });
});

describe('findDurations – offsets', () => {
  it('gives half-open offsets into the text', () => {
    const text = 'Le Titulaire notifie tout incident dans un délai de quarante-huit (48) heures à compter de sa détection.';
    const [m] = findDurations(text, 'fr');
    expect(text.slice(m!.start, m!.end)).toBe('quarante-huit (48) heures');
    expect(m!.text).toBe('quarante-huit (48) heures');
  });

  it('finds every mention in order', () => {
    const text =
      'Les journaux sont conservés douze (12) mois. Tout incident est notifié sous 24h. Un audit peut être mené avec un préavis de 15 jours ouvrés.';
    expect(findDurations(text, 'fr').map((m) => [m.amount, m.unit])).toEqual([
      [12, 'month'],
      [24, 'hour'],
      [15, 'day'],
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(findDurations('')).toEqual([]);
  });
});
