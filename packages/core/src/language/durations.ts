/**
 * Finds durations in contract text, French and English: "quarante-huit (48)
 * heures ouvrées", "within seventy-two (72) hours", "6 mois", "J+2", "H+24",
 * "XX heures" (a placeholder). Pure, no I/O, never throws.
 *
 * What it deliberately does NOT report (each has a test in durations.test.ts):
 * dates, times of day ("9h-18h", "à 14h", "8h30"), round-the-clock phrases
 * ("24/7", "7j/7", "H24", "24h/24", "24 heures sur 24", "24 hours a day"),
 * rates and schedules ("4 heures par mois", "5 days a week"), amounts, percentages,
 * phone numbers, article numbers, public holidays ("jours fériés"), and the
 * period nouns "semestre"/"trimestre" unless counted ("un semestre" = 6 months).
 *
 * Choices a rule must know about:
 * - Figures in words and in digits ("quarante-huit (48)"): the words win when they
 *   disagree, as French and common-law drafting conventions say.
 * - Ranges ("entre 6 et 12 mois", "24 to 72 hours"): one mention whose `amount` is
 *   the LOWER figure, `bound` 'floor' (the only figure the text guarantees) and
 *   `range` holding both, so a deadline rule can read `range.high`.
 * - Compounds ("un an et six mois", "2 days and 12 hours") are expressed in the
 *   smaller unit (18 months, 60 hours); "et demi"/"and a half" adds 0.5 of the unit.
 * - Counted period nouns are converted: "un semestre" = 6 months, "un trimestre" =
 *   3 months, "a fortnight" = 14 days, "une quinzaine"/"sous quinzaine" = 15 days,
 *   "huitaine" = 8 days.
 */

import { isNumberWord, normaliseWord, readNumberWordsAt, type NumberLanguage } from './numbers.js';
import { lowered } from './lowered.js';

export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export type DayKind = 'calendar' | 'business';
export type DurationBound = 'deadline' | 'ceiling' | 'floor';

export interface DurationMention {
  /** Half-open offsets into the text passed to findDurations; `text === input.slice(start, end)`. */
  start: number;
  end: number;
  /** The whole mention, e.g. "quarante-huit (48) heures ouvrées"; cue words such as "within" are outside. */
  text: string;
  /** The figure in `unit`; null for a placeholder ("XX heures", "[●] jours", "TBD hours"). */
  amount: number | null;
  unit: DurationUnit;
  /** Business ("jours ouvrés", "business hours", "HO", "j.o.") or calendar ("calendaires", "calendar", "consecutive", "francs"); null when unsaid. */
  dayKind: DayKind | null;
  /** Amount in hours for minute/hour/day/week, counting a day as 24 h even for business days; null otherwise. */
  hours: number | null;
  /** Amount in months for day (÷ 30.4375)/week/month/year; null for minutes/hours or placeholders. */
  months: number | null;
  /** What the surrounding words make of the figure; null when they say nothing. */
  bound: DurationBound | null;
  placeholder: boolean;
  /** For ranges only: both figures in `unit`; `amount` is `low`. */
  range?: { low: number; high: number };
}

// ------------------------------------------------------------------ units

interface UnitForm {
  pattern: RegExp;
  unit: DurationUnit;
  /** Multiplier into `unit`: "semestre" is 6 months, "fortnight" 14 days. */
  factor: number;
  /** 'any' for forms shared by both languages or abbreviations. */
  lang: NumberLanguage | 'any';
  /** Abbreviations only follow digits or placeholders: "48 h" yes, "un h" no. */
  abbreviation: boolean;
  /** Business/calendar carried by the form itself ("HO", "j.o."). */
  dayKind?: DayKind;
  /** Forms that must touch the digits ("2d"). */
  attached?: boolean;
}

/** A unit ends where no letter, digit or apostrophe follows ("2 d'entre eux" is no duration). */
const END = String.raw`(?![\p{L}\p{N}'’])`;
/** "h" may be followed by minutes: "1h30". */
const END_HOUR = String.raw`(?![\p{L}'’])`;
const form = (
  source: string,
  unit: DurationUnit,
  lang: UnitForm['lang'],
  extra: Partial<Omit<UnitForm, 'pattern' | 'unit' | 'lang'>> & { end?: string } = {},
  flags = 'iuy',
): UnitForm => ({
  pattern: new RegExp(source + (extra.end ?? END), flags),
  unit,
  lang,
  factor: extra.factor ?? 1,
  abbreviation: extra.abbreviation ?? false,
  ...(extra.dayKind ? { dayKind: extra.dayKind } : {}),
  ...(extra.attached ? { attached: true } : {}),
});

/** Longest forms first, so "heures" is never read as "h". */
const UNIT_FORMS: UnitForm[] = [
  form('minutes?', 'minute', 'any'),
  form('mins?\\.?', 'minute', 'any', { abbreviation: true }),
  form('mn', 'minute', 'any', { abbreviation: true }),
  form('heures?', 'hour', 'fr'),
  form('hours?', 'hour', 'en'),
  form('hrs?\\.?', 'hour', 'any', { abbreviation: true }),
  form('(?:HO|H\\.O\\.|h\\.o\\.)', 'hour', 'any', { abbreviation: true, dayKind: 'business' }, 'uy'),
  form('h', 'hour', 'any', { abbreviation: true, end: END_HOUR }),
  form('journ[ée]es?', 'day', 'fr'),
  form('jours?', 'day', 'fr'),
  form('days?', 'day', 'en'),
  form('(?:j\\.\\s?o\\.|JO|jo)', 'day', 'any', { abbreviation: true, dayKind: 'business' }, 'uy'),
  form('jrs?\\.?', 'day', 'any', { abbreviation: true }),
  form('j\\.?', 'day', 'any', { abbreviation: true }),
  // Lower case only: "3D" is a product name ("mammographe 3D"), "2d" is two days.
  form('d', 'day', 'any', { abbreviation: true, attached: true }, 'uy'),
  form('semaines?', 'week', 'fr'),
  form('weeks?', 'week', 'en'),
  form('sem\\.?', 'week', 'any', { abbreviation: true }),
  form('wks?\\.?', 'week', 'any', { abbreviation: true }),
  form('mois', 'month', 'fr'),
  form('months?', 'month', 'en'),
  form('ann[ée]es?', 'year', 'fr'),
  // Case-sensitive: "8.2 An audit…" is an English article after a clause number.
  form('(?:ans?|ANS?)', 'year', 'fr', {}, 'uy'),
  form('years?', 'year', 'en'),
  form('yrs?\\.?', 'year', 'any', { abbreviation: true }),
  form('semestres?', 'month', 'fr', { factor: 6 }),
  form('trimestres?', 'month', 'fr', { factor: 3 }),
  form('fortnights?', 'day', 'en', { factor: 14 }),
  form('quarters?(?!\\s+of\\b)', 'month', 'en', { factor: 3 }),
];

const HOURS_PER: Partial<Record<DurationUnit, number>> = { minute: 1 / 60, hour: 1, day: 24, week: 168 };
/** Average Gregorian month: 365.25 / 12 days. */
const DAYS_PER_MONTH = 30.4375;
const MONTHS_PER: Partial<Record<DurationUnit, number>> = {
  day: 1 / DAYS_PER_MONTH,
  week: 7 / DAYS_PER_MONTH,
  month: 1,
  year: 12,
};
/** "un an et six mois": how many of the next smaller unit one unit holds. */
const SMALLER: Partial<Record<DurationUnit, { unit: DurationUnit; per: number }>> = {
  year: { unit: 'month', per: 12 },
  week: { unit: 'day', per: 7 },
  day: { unit: 'hour', per: 24 },
  hour: { unit: 'minute', per: 60 },
};

// ------------------------------------------------------------------ regexes

const SPACE = '[\\s\\u00A0\\u202F]';
const sticky = (source: string, flags = 'iuy') => new RegExp(source, flags);

const DIGITS = sticky(String.raw`\d{1,3}(?:[ \u00A0\u202F\u2009]\d{3})+(?!\d)|\d+(?:[.,]\d+)?(?![\d])`);
const PLACEHOLDERS = [
  sticky(String.raw`\[[^\]\n]{0,30}\]`),
  sticky(String.raw`[Xx]{1,3}(?![\p{L}\p{N}])`),
  sticky(String.raw`_{2,}`),
  sticky(String.raw`\.{3,}|…`),
  sticky(String.raw`[●•◾■]+`),
  sticky(String.raw`\?{2,}`),
  sticky(String.raw`(?:TBD|TBC|TBA|t\.b\.d\.)(?![\p{L}])`),
  sticky(String.raw`<[^>\n]{1,30}>`),
  sticky(String.raw`(?:à|a)\s+(?:compl[ée]ter|d[ée]finir|pr[ée]ciser)(?![\p{L}])`),
];
const PAREN_OPEN = sticky(String.raw`${SPACE}*\(${SPACE}*`);
const PAREN_CLOSE = sticky(String.raw`${SPACE}*\)`);
const AND_A_HALF = sticky(String.raw`${SPACE}+and${SPACE}+a${SPACE}+half(?![\p{L}])`);
const UNIT_GAP = sticky(String.raw`${SPACE}{0,3}(?:[-\u2010\u2011]${SPACE}{0,2})?`);
/** French adjectives between figure and unit: "les 12 derniers mois". */
const FR_UNIT_ADJECTIVE = sticky(String.raw`(?:derni[eè]re?s|premi[eè]re?s|prochaine?s|suivante?s)${SPACE}+`);
const EN_DAY_KIND_PREFIX = sticky(String.raw`(business|working|banking|calendar|consecutive|clear|contract)(?:${SPACE}+|-)`);
// "a full calendar year", "one whole month": says the period is entire, not its length.
const EN_UNIT_ADJECTIVE = sticky(String.raw`(?:full|whole|entire|complete)${SPACE}+`);
const FR_DAY_KIND_SUFFIX = sticky(
  String.raw`(?:${SPACE}*[-\u2010\u2011])?${SPACE}*\(?(ouvr[ée]e?s?|ouvrables?|calendaires?|francs?|cons[ée]cuti(?:fs?|ves?))\)?(?![\p{L}])`,
);
const PUBLIC_HOLIDAY = sticky(String.raw`${SPACE}+f[ée]ri[ée]e?s?(?![\p{L}])`);
const HALF_AFTER_UNIT = sticky(String.raw`${SPACE}+(?:et${SPACE}+demie?|and${SPACE}+a${SPACE}+half)(?![\p{L}])`);
const COMPOUND_JOIN = sticky(String.raw`${SPACE}*,?${SPACE}*(?:et|and)${SPACE}+`);
const HHMM_MINUTES = sticky(String.raw`${SPACE}?(\d{2})(?!\d)`);
const RANGE_JOIN = sticky(String.raw`${SPACE}*(?:[-\u2013\u2014]|(?:à|a|au|to|through|ou|or|et|and)(?![\p{L}]))${SPACE}*`);
const EVENT_OFFSET = sticky(String.raw`([JHTDjd])${SPACE}?([+\u002B])${SPACE}?(\d{1,4})(?![\d])`);
const FR_HALF_FORM = sticky(
  String.raw`(?:(?:une|la)${SPACE}+)?demi${SPACE}?-?${SPACE}?(journ[ée]e|heure|jour|ann[ée]e)s?(?![\p{L}])`,
);
const EN_HALF_FORM = sticky(
  String.raw`(?:(?:a|one)${SPACE}+)?half(?:${SPACE}+|-)(?:an?${SPACE}+)?(hour|day|month|year)s?(?![\p{L}-])`,
);
const FR_COUNTED_DAYS = sticky(
  String.raw`(?:(?:une|la)${SPACE}+)?(huitaine|quinzaine)(?:${SPACE}+de${SPACE}+jours)?(?![\p{L}])`,
);
/** "24 heures sur 24", "7j/7", "24 hours a day", "4 heures par mois": schedules and rates, not durations. */
const RATE_TAIL = sticky(
  String.raw`${SPACE}*(?:\/|(?:par|per|a|an|each|every|chaque|sur|out${SPACE}+of)(?![\p{L}]))${SPACE}*(?:\d+(?![\d\p{L}])|(?:jours?|journ[ée]es?|semaines?|mois|ans?|ann[ée]es?|heures?|days?|weeks?|months?|years?|hours?|j|h)(?![\p{L}]))`,
);
const ROUND_THE_CLOCK_NOUN = sticky(
  String.raw`${SPACE}+(?:support|services?|coverage|hotline|help${SPACE}?desk|service${SPACE}+desk|monitoring|availability|operations|access|surveillance|on-call|SOC|NOC)(?![\p{L}])`,
);
const TIME_RANGE_TAIL = sticky(
  String.raw`${SPACE}*(?:[-\u2013\u2014]|(?:à|a|au|to|until|till|et|and)(?![\p{L}]))${SPACE}*(\d{1,2})(?:${SPACE}?h(?:${SPACE}?\d{2})?|:\d{2}|${SPACE}*heures?)(?![\p{L}])`,
);

// ------------------------------------------------------------------ amounts

interface Amount {
  value: number | null;
  placeholder: boolean;
  start: number;
  end: number;
  /** Language of the number words, null for digits and placeholders. */
  wordsLang: NumberLanguage | null;
  /** English "a"/"an" read as 1. */
  article: boolean;
  /** Followed by its echo in brackets ("quarante-huit (48)"), so an abbreviation may follow. */
  echoed?: boolean;
}

const LETTER = /\p{L}/u;
/** Called for most characters of a contract: ASCII answers without the regex engine. */
function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(c);
}
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function matchAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

function parseDigits(raw: string): number {
  return Number(raw.replace(/[\s\u00A0\u202F\u2009]/g, '').replace(',', '.'));
}

/** Digits that are not the tail of another number, a date, a version or a phone number. */
function digitsStartHere(text: string, index: number): boolean {
  const before = text[index - 1];
  if (before === undefined) return true;
  if (isDigit(before) || isLetter(before)) return false;
  if ('+/:°#§'.includes(before)) return false;
  if ((before === '.' || before === ',' || before === '-') && isDigit(text[index - 2])) return false;
  return true;
}

function readPlaceholder(text: string, index: number): Amount | null {
  if (isLetter(text[index]) && isLetter(text[index - 1])) return null;
  for (const pattern of PLACEHOLDERS) {
    const match = matchAt(pattern, text, index);
    if (match && match[0].length > 0) {
      return { value: null, placeholder: true, start: index, end: index + match[0].length, wordsLang: null, article: false };
    }
  }
  return null;
}

/** Every way of reading a figure at `index`: digits, placeholder, number words per language. */
function readAmounts(text: string, index: number, lang: NumberLanguage | undefined, secondOfRange = false): Amount[] {
  const amounts: Amount[] = [];
  if (isDigit(text[index])) {
    if (!secondOfRange && !digitsStartHere(text, index)) return amounts;
    const match = matchAt(DIGITS, text, index);
    if (match) {
      amounts.push({ value: parseDigits(match[0]), placeholder: false, start: index, end: index + match[0].length, wordsLang: null, article: false });
    }
    return amounts;
  }
  const placeholder = readPlaceholder(text, index);
  if (placeholder) amounts.push(placeholder);
  const languages: NumberLanguage[] = lang ? [lang] : ['fr', 'en'];
  for (const language of languages) {
    const reading = readNumberWordsAt(text, index, language, { allowArticle: language === 'en' });
    if (!reading) continue;
    const word = text.slice(reading.start, reading.end).toLowerCase();
    const article = language === 'en' && (word === 'a' || word === 'an');
    amounts.push({ value: reading.value, placeholder: false, start: index, end: reading.end, wordsLang: language, article });
  }
  return amounts;
}

/**
 * "quarante-huit (48)", "48 (forty-eight)", "[●] ([●])": the figure and its echo in
 * brackets. One reading per way of reading the echo ("six" is French and English).
 */
function withEchoes(text: string, amount: Amount, lang: NumberLanguage | undefined): Amount[] {
  const open = matchAt(PAREN_OPEN, text, amount.end);
  if (!open) return [amount];
  const innerStart = amount.end + open[0].length;
  const readings: Amount[] = [];
  for (const inner of readAmounts(text, innerStart, lang)) {
    if (inner.article) continue;
    const close = matchAt(PAREN_CLOSE, text, inner.end);
    if (!close) continue;
    // A real figure prevails over a placeholder; words prevail over digits.
    let chosen = amount;
    if (amount.placeholder && !inner.placeholder) chosen = inner;
    else if (amount.wordsLang === null && inner.wordsLang !== null && !inner.placeholder) chosen = inner;
    readings.push({
      ...chosen,
      start: amount.start,
      end: inner.end + close[0].length,
      wordsLang: amount.wordsLang ?? inner.wordsLang,
      article: false,
      echoed: true,
    });
  }
  return readings.length > 0 ? readings : [amount];
}

// ------------------------------------------------------------------ unit reading

interface UnitReading {
  unit: DurationUnit;
  factor: number;
  dayKind: DayKind | null;
  end: number;
  abbreviation: boolean;
}

/** Reads the unit (with an English "business"/"calendar" before it) right after an amount. */
function readUnit(text: string, amount: Amount, lang: NumberLanguage | undefined): UnitReading | null {
  const gap = matchAt(UNIT_GAP, text, amount.end);
  let position = amount.end + (gap ? gap[0].length : 0);
  const touching = position === amount.end;
  const wordsJustBefore = amount.wordsLang !== null && !amount.echoed;
  if (touching && wordsJustBefore) return null;
  let dayKind: DayKind | null = null;
  let prefixed = false;

  const adjective = amount.wordsLang !== 'en' ? matchAt(FR_UNIT_ADJECTIVE, text, position) : null;
  if (adjective) position += adjective[0].length;

  const whole = amount.wordsLang !== 'fr' && lang !== 'fr' ? matchAt(EN_UNIT_ADJECTIVE, text, position) : null;
  if (whole) position += whole[0].length;
  const prefix = amount.wordsLang !== 'fr' && lang !== 'fr' ? matchAt(EN_DAY_KIND_PREFIX, text, position) : null;
  if (prefix) {
    const word = (prefix[1] ?? '').toLowerCase();
    dayKind = word === 'business' || word === 'working' || word === 'banking' ? 'business' : 'calendar';
    position += prefix[0].length;
    prefixed = true;
  }

  for (const candidate of UNIT_FORMS) {
    if (candidate.abbreviation && wordsJustBefore) continue;
    if (candidate.attached && !touching) continue;
    if (prefixed && candidate.abbreviation) continue;
    if (amount.wordsLang !== null && candidate.lang !== 'any' && candidate.lang !== amount.wordsLang) continue;
    if (candidate.lang === 'fr' && lang === 'en' && amount.wordsLang === null && candidate.unit === 'year') continue;
    const match = matchAt(candidate.pattern, text, position);
    if (!match) continue;
    // "calendar year", "contract year", "calendar quarter": a calendar period of that length.
    if (prefixed && !['day', 'hour', 'week', 'month', 'year'].includes(candidate.unit)) return null;
    if (prefixed && dayKind === 'business' && candidate.unit !== 'day' && candidate.unit !== 'hour') return null;
    return {
      unit: candidate.unit,
      factor: candidate.factor,
      dayKind: candidate.dayKind ?? dayKind,
      end: position + match[0].length,
      abbreviation: candidate.abbreviation,
    };
  }
  return null;
}

function readDayKindSuffix(text: string, reading: UnitReading): UnitReading {
  if (reading.dayKind !== null || !['day', 'hour', 'week', 'month'].includes(reading.unit)) return reading;
  const match = matchAt(FR_DAY_KIND_SUFFIX, text, reading.end);
  if (!match) return reading;
  const word = (match[1] ?? '').toLowerCase();
  if (word.startsWith('ouvr')) {
    if (reading.unit !== 'day' && reading.unit !== 'hour') return reading;
    return { ...reading, dayKind: 'business', end: reading.end + match[0].length };
  }
  return { ...reading, dayKind: 'calendar', end: reading.end + match[0].length };
}

// ------------------------------------------------------------------ context

/**
 * Where a clause ends: punctuation, a table cell, a blank line or a list item.
 * A single line break does not: PDF text wraps lines mid-sentence
 * ("dans un délai\nde soixante (60) jours").
 */
const CLAUSE_BREAK = /[;!?,|]|\.(?!\d)|\n[ \t]*(?:\n|[-*•#]|\d+[.)][ \t])/g;
const WINDOW = 100;

/** The text before `start` within the same clause, not reaching back past `floor`. */
function clauseBefore(text: string, start: number, floor: number): string {
  const from = Math.max(floor, start - WINDOW);
  const slice = text.slice(from, start);
  let cut = 0;
  for (const match of slice.matchAll(CLAUSE_BREAK)) cut = (match.index ?? 0) + match[0].length;
  return slice.slice(cut);
}

function clauseAfter(text: string, end: number): string {
  const slice = text.slice(end, end + 40);
  const cut = slice.search(/[.;!?,(|]|\n[ \t]*\n/);
  return cut === -1 ? slice : slice.slice(0, cut);
}

type CueKind = DurationBound | 'neutral' | 'beyond';
interface Cue {
  pattern: RegExp;
  kind: CueKind;
}

// Read on the lower-cased clause: every duration mention runs all the cues, and case-insensitive Unicode
// patterns are many times slower (see lowered.ts).
const cue = (source: string, kind: CueKind): Cue => ({ pattern: lowered(new RegExp(source, 'giu')), kind });
const W = String.raw`(?<![\p{L}])`; // word start
const E = String.raw`(?![\p{L}])`; // word end

const CUES_BEFORE: Cue[] = [
  cue(`${W}au plus tard${E}`, 'deadline'),
  cue(`${W}d[ée]lais?${E}`, 'deadline'),
  cue(`${W}dans les${E}`, 'deadline'),
  cue(`${W}(?:sous|dans|en|within|in|d['’]ici)\\s*$`, 'deadline'),
  cue(`${W}within${E}`, 'deadline'),
  cue(`${W}(?:no|not|in no event)\\s+later\\s+than${E}`, 'deadline'),
  cue(`${W}at the latest${E}`, 'deadline'),
  cue(`${W}en moins de${E}`, 'deadline'),
  cue(`${W}(?:jusqu['’]\\s?à|up to|as much as)${E}`, 'ceiling'),
  cue(`${W}(?:au\\s+)?maxim(?:um|ale?s?)${E}`, 'ceiling'),
  cue(`${W}max\\.?(?![\\p{L}])`, 'ceiling'),
  cue(`${W}au plus(?!\\s+tard)${E}`, 'ceiling'),
  cue(`${W}at (?:the )?most${E}`, 'ceiling'),
  cue(`${W}(?:not|no|pas)\\s+(?:more|longer|plus)\\s+(?:than|de|d['’])`, 'ceiling'),
  cue(`${W}(?:n['’]\\s?exc[ée]dant pas|ne d[ée]passant pas|not exceeding|n['’]exc[ée]der?a?i?t? pas|ne (?:peut|pourra|doit|saurait) (?:exc[ée]der|d[ée]passer)|(?:shall|may|must|will) not exceed|ne pouvant (?:exc[ée]der|d[ée]passer))`, 'ceiling'),
  cue(`${W}(?:moins de|less than|inf[ée]rieure?s? (?:ou [ée]gale?s? )?à|dans la limite de)${E}`, 'ceiling'),
  cue(`${W}under\\s*$`, 'ceiling'),
  cue(`${W}(?:au[- ]del[àa] d[e'’]|beyond|longer than|more than|plus de|exceed\\p{L}*|exc[ée]d\\p{L}*|d[ée]pass\\p{L}*|sup[ée]rieure?s? à)`, 'beyond'),
  cue(`${W}(?:au moins|at least|au minimum|minim(?:um|ale?s?)|a minimum of|min\\.)(?![\\p{L}])`, 'floor'),
  cue(`${W}(?:no|not|pas)\\s+(?:less|shorter|moins)\\s+(?:than|de|d['’])`, 'floor'),
  cue(`${W}(?:pr[ée]avis|notice)${E}`, 'neutral'),
];
const CUES_AFTER: Cue[] = [
  cue(`^\\s*(?:au plus tard|at the latest)${E}`, 'deadline'),
  cue(`^\\s*(?:au\\s+)?maxim(?:um|al)${E}|^\\s*(?:at most|or less|ou moins|au plus)${E}`, 'ceiling'),
  cue(`^\\s*(?:au\\s+)?minim(?:um|al)${E}|^\\s*(?:at least|at a minimum|at minimum|au moins|or more|ou plus)${E}`, 'floor'),
];
const NEGATION = lowered(/(?<![\p{L}])(?:(?:ne|not|no|never|jamais|pas)(?![\p{L}])|n['’])/iu);
const DEADLINE_WORDS = lowered(/(?<![\p{L}])(?:d[ée]lais?|within|sous|dans|no later|not later|au plus tard)(?![\p{L}])/iu);

interface CueHit {
  kind: CueKind;
  index: number;
  end: number;
}

function lastCue(window: string): CueHit | null {
  let best: CueHit | null = null;
  for (const { pattern, kind } of CUES_BEFORE) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(window)) !== null) {
      const index = match.index;
      const end = index + match[0].length;
      if (!best || end > best.end || (end === best.end && index < best.index)) best = { kind, index, end };
      if (match[0].length === 0) pattern.lastIndex++;
    }
  }
  return best;
}

/** deadline / ceiling / floor from the cue nearest the figure (before it, else right after it). */
function boundFrom(clause: string, following: string): DurationBound | null {
  const window = clause.toLowerCase();
  const after = following.toLowerCase();
  const hit = lastCue(window);
  if (hit) {
    let kind = hit.kind;
    // "ne … pas au-delà de trente jours" caps the figure; "au-delà de 4 heures" starts above it.
    if (kind === 'beyond') kind = NEGATION.test(window.slice(0, hit.index)) ? 'ceiling' : 'floor';
    if (kind === 'neutral') return null;
    // "dans un délai maximum de 48 heures" is a deadline qualified by "maximum".
    if (kind === 'ceiling' && DEADLINE_WORDS.test(window.slice(0, hit.index))) return 'deadline';
    return kind;
  }
  for (const { pattern, kind } of CUES_AFTER) {
    pattern.lastIndex = 0;
    if (pattern.test(after)) return kind as DurationBound;
  }
  return null;
}

const DURATION_CONTEXT = /(?<![\p{L}])(?:d[ée]lais?|dans|sous|en|within|in|under|dur[ée]e|duration|pendant|during|for|p[ée]riode|period|maxim\w*|minim\w*|moins|plus|less|more|jusqu['’]\s?à|up to|au plus tard|at the latest|later than)\s*(?:[\p{L}'’]+\s*){0,2}$/iu;
/** Right before a figure, these make a deadline of what would otherwise read as a clock time. */
const DEADLINE_ADJACENT = /(?<![\p{L}])(?:d[ée]lai(?:\s+\p{L}+)?\s+d[e'’]|within|sous|under|dans|en|in)\s*$/iu;
const CLOCK_PREPOSITION = /(?:^|[\s\u00A0\u202F])(?:à|a|at|vers|around|dès|from)\s*$/iu;
/** "porté à 24 heures", "set at 4 hours": a figure given to a delay, not a clock time. */
const SET_TO = /(?<![\p{L}])(?:\p{L}+[ée]e?s?|[ée]gale?s?|inf[ée]rieure?s?|sup[ée]rieure?s?|jusqu['’]|set|fixed|capped|limited|reduced|increased|extended|estimated)\s+(?:à|a|at)\s*$/iu;
const RANGE_OPENER = /(?<![\p{L}])(?:de|du|from|entre|between)\s*$/iu;

// ------------------------------------------------------------------ assembling a mention

type Attempt = { mention: Omit<DurationMention, 'bound'> } | { skipTo: number } | null;

function buildMention(
  text: string,
  start: number,
  end: number,
  amount: number | null,
  unit: DurationUnit,
  dayKind: DayKind | null,
  range?: { low: number; high: number },
): Omit<DurationMention, 'bound'> {
  const hoursPer = HOURS_PER[unit];
  const monthsPer = MONTHS_PER[unit];
  return {
    start,
    end,
    text: text.slice(start, end),
    amount,
    unit,
    dayKind,
    hours: amount !== null && hoursPer !== undefined ? amount * hoursPer : null,
    months: amount !== null && monthsPer !== undefined ? amount * monthsPer : null,
    placeholder: amount === null,
    ...(range ? { range } : {}),
  };
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

/** "J+2", "H+24", "T+72h", "D+1 business day". */
function readEventOffset(text: string, index: number, lang: NumberLanguage | undefined): Attempt {
  if (isLetter(text[index - 1]) || isDigit(text[index - 1])) return null;
  const match = matchAt(EVENT_OFFSET, text, index);
  if (!match) return null;
  const letter = (match[1] ?? '').toUpperCase();
  const value = Number(match[3]);
  const digitsStart = index + match[0].length - (match[3] ?? '').length;
  const amount: Amount = { value, placeholder: false, start: digitsStart, end: index + match[0].length, wordsLang: null, article: false };
  const explicit = readUnit(text, amount, lang);
  if (explicit && explicit.unit !== 'hour' && explicit.unit !== 'day') return null;
  let unit: DurationUnit;
  let end = amount.end;
  let dayKind: DayKind | null = null;
  if (explicit) {
    const withKind = readDayKindSuffix(text, explicit);
    unit = explicit.unit;
    end = withKind.end;
    dayKind = withKind.dayKind;
  } else if (letter === 'T') {
    return null; // "T+3" says no unit
  } else {
    unit = letter === 'H' ? 'hour' : 'day';
    const suffix = readDayKindSuffix(text, { unit, factor: 1, dayKind: null, end, abbreviation: true });
    end = suffix.end;
    dayKind = suffix.dayKind;
  }
  return { mention: buildMention(text, index, end, value, unit, dayKind) };
}

/** "une demi-journée", "half an hour", "a half-day", "sous quinzaine", "une huitaine". */
function readFixedForm(text: string, index: number, lang: NumberLanguage | undefined): Attempt {
  if (isLetter(text[index - 1])) return null;
  const unitOf = (word: string): DurationUnit => {
    const w = word.toLowerCase();
    if (w.startsWith('heure') || w === 'hour') return 'hour';
    if (w.startsWith('ann') || w === 'year') return 'year';
    if (w === 'month') return 'month';
    return 'day';
  };
  if (lang !== 'en') {
    const half = matchAt(FR_HALF_FORM, text, index);
    if (half) return { mention: buildMention(text, index, index + half[0].length, 0.5, unitOf(half[1] ?? ''), null) };
    const counted = matchAt(FR_COUNTED_DAYS, text, index);
    if (counted) {
      const days = (counted[1] ?? '').toLowerCase() === 'huitaine' ? 8 : 15;
      return { mention: buildMention(text, index, index + counted[0].length, days, 'day', null) };
    }
  }
  if (lang !== 'fr') {
    const half = matchAt(EN_HALF_FORM, text, index);
    if (half) return { mention: buildMention(text, index, index + half[0].length, 0.5, unitOf(half[1] ?? ''), null) };
  }
  return null;
}

/** The word before `index`, for telling "an hour" from "hours a day" and "€500 a day". */
function previousWord(text: string, index: number): string {
  const match = /([\p{L}\p{N}€$£]+)[\s\u00A0\u202F]*$/u.exec(text.slice(Math.max(0, index - 30), index));
  return (match?.[1] ?? '').toLowerCase();
}
const RATE_BEFORE_ARTICLE = /\d|[€$£]|^(?:eur(?:os?)?|dollars?|pounds?|times|once|twice|thrice|minutes?|hours?|days?|weeks?|months?|years?|hrs?)$/;

function isTimeOfDay(
  text: string,
  start: number,
  end: number,
  value: number,
  minutes: boolean,
  compact: boolean,
  floor: number,
): { skipTo: number } | null {
  if (value > 24 || !Number.isInteger(value)) return null;
  const before = clauseBefore(text, start, floor);
  const inDurationContext = DURATION_CONTEXT.test(before);
  const rangeTail = matchAt(TIME_RANGE_TAIL, text, end);
  if (rangeTail && Number(rangeTail[1]) <= 24 && Number(rangeTail[1]) > value) {
    // "9h-18h", "de 8 heures à 18 heures": opening hours, unless a deadline cue sits right before.
    if (compact && !DEADLINE_ADJACENT.test(before)) return { skipTo: end + rangeTail[0].length };
    if (RANGE_OPENER.test(before) && !inDurationContext) return { skipTo: end + rangeTail[0].length };
  }
  if (CLOCK_PREPOSITION.test(before) && !SET_TO.test(before)) return { skipTo: end };
  if (minutes && !inDurationContext) return { skipTo: end };
  return null;
}

function readCounted(text: string, index: number, lang: NumberLanguage | undefined, floor: number): Attempt {
  const amounts = readAmounts(text, index, lang)
    .filter((a) => !(a.article && RATE_BEFORE_ARTICLE.test(previousWord(text, index))))
    .flatMap((a) => withEchoes(text, a, lang));
  for (const echoed of amounts) {
    let amount = echoed;
    let value = amount.value;
    const half = amount.wordsLang === 'en' && value !== null ? matchAt(AND_A_HALF, text, amount.end) : null;
    if (half && value !== null) {
      value += 0.5;
      amount = { ...amount, value, end: amount.end + half[0].length };
    }

    let unit = readUnit(text, amount, lang);
    let range: { low: number; high: number } | undefined;
    let compactHour = false;
    if (!unit) {
      // "entre 6 et 12 mois", "24 to 72 hours", "6-12 months": a range sharing one unit.
      if (amount.value === null) continue;
      const join = matchAt(RANGE_JOIN, text, amount.end);
      if (!join) continue;
      const joinWord = join[0].trim().toLowerCase();
      if ((joinWord === 'et' || joinWord === 'and') && !/(?<![\p{L}])(?:entre|between)\s*$/iu.test(text.slice(Math.max(0, index - 12), index))) continue;
      const secondStart = amount.end + join[0].length;
      const second = readAmounts(text, secondStart, lang, true)
        .filter((a) => !a.article && !a.placeholder)
        .flatMap((a) => withEchoes(text, a, lang))
        .map((a) => ({ amount: a, unit: readUnit(text, a, lang) }))
        .find((r) => r.unit !== null && (amount.wordsLang === null || r.amount.wordsLang === amount.wordsLang || r.amount.wordsLang === null));
      if (!second || !second.unit || second.amount.value === null) continue;
      const low = Math.min(amount.value, second.amount.value) * second.unit.factor;
      const high = Math.max(amount.value, second.amount.value) * second.unit.factor;
      unit = readDayKindSuffix(text, second.unit);
      if (unit.unit === 'hour' && high <= 24 && Number.isInteger(low) && Number.isInteger(high)) {
        const before = clauseBefore(text, index, floor);
        if (RANGE_OPENER.test(before) && !DURATION_CONTEXT.test(before)) return { skipTo: unit.end }; // "de 9 à 18 heures"
      }
      range = { low, high };
      const end = trimEnd(text, index, unit.end);
      return { mention: buildMention(text, index, end, low, unit.unit, unit.dayKind, range) };
    }

    unit = readDayKindSuffix(text, unit);
    if (matchAt(PUBLIC_HOLIDAY, text, unit.end)) return { skipTo: unit.end };
    let unitName = unit.unit;
    let total = value === null ? null : value * unit.factor;
    let end = unit.end;

    // "1h30": hours and minutes in the compact form.
    let hasMinutes = false;
    if (unitName === 'hour' && unit.abbreviation && total !== null && amount.wordsLang === null) {
      const mm = matchAt(HHMM_MINUTES, text, end);
      if (mm && Number(mm[1]) < 60) {
        total += Number(mm[1]) / 60;
        end += mm[0].length;
        hasMinutes = true;
      }
      compactHour = true;
    }
    if (unitName === 'hour' && value !== null) {
      const clock = isTimeOfDay(text, index, end, Math.floor(total ?? 0), hasMinutes, compactHour, floor);
      if (clock) return clock;
    }

    const rate = matchAt(RATE_TAIL, text, end);
    if (rate) return { skipTo: end + rate[0].length };
    if (total === 24 && unitName === 'hour' && matchAt(ROUND_THE_CLOCK_NOUN, text, end)) {
      if (!DEADLINE_ADJACENT.test(clauseBefore(text, index, floor))) return { skipTo: end }; // "24-hour support"
    }

    if (total !== null) {
      const halfAfter = matchAt(HALF_AFTER_UNIT, text, end);
      if (halfAfter) {
        total += 0.5 * unit.factor;
        end += halfAfter[0].length;
      } else {
        const smaller = SMALLER[unitName];
        const join = smaller ? matchAt(COMPOUND_JOIN, text, end) : null;
        if (smaller && join) {
          const partStart = end + join[0].length;
          for (const part of readAmounts(text, partStart, lang).flatMap((a) => withEchoes(text, a, lang))) {
            if (part.value === null) continue;
            const partUnit = readUnit(text, part, lang);
            // "2 ans et 6 mois" yes; "30 jours et 48 heures" is two figures, not one.
            if (!partUnit || partUnit.unit !== smaller.unit || partUnit.factor !== 1 || part.value >= smaller.per) continue;
            const partWithKind = readDayKindSuffix(text, partUnit);
            total = total * smaller.per + part.value;
            unitName = smaller.unit;
            end = partWithKind.end;
            break;
          }
        }
      }
    }
    end = trimEnd(text, index, end);
    return { mention: buildMention(text, index, end, total, unitName, unit.dayKind) };
  }
  return null;
}

/** Words other than number words that may open a mention: placeholders, halves, counted periods. */
const OPENING_WORDS = new Set(['x', 'xx', 'xxx', 'tbd', 'tbc', 'tba', 't', 'a', 'la', 'half', 'demi', 'huitaine', 'quinzaine']);
const WORD_AT = /\p{L}+/uy;

/** A cheap test before the full reading: most words of a contract open no mention. */
function isCandidate(text: string, index: number): boolean {
  const c = text[index];
  if (c === undefined) return false;
  if (isDigit(c)) return true;
  if (isLetter(c)) {
    if (isLetter(text[index - 1]) || isDigit(text[index - 1])) return false;
    const word = matchAt(WORD_AT, text, index)?.[0] ?? '';
    if (word.length === 1 && /[JHTDjhtd]/.test(word) && /^\s?\+/.test(text.slice(index + 1, index + 3))) return true;
    return isNumberWord(word) || OPENING_WORDS.has(normaliseWord(word));
  }
  return '[_.…●•◾■?<'.includes(c);
}

/**
 * Every duration in `text`, in order, non-overlapping. `lang` narrows number
 * words and the ambiguous "a"/"an" (English article) and "an" (French year);
 * without it both languages are read.
 */
export function findDurations(text: string, lang?: 'fr' | 'en'): DurationMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // Several checks read the same sentence: read it once. Mentions are never mutated by callers.
  const key = `${lang ?? '*'}\u0000${text}`;
  let mentions = recentReadings.get(key);
  if (!mentions) {
    if (recentReadings.size >= RECENT_READINGS_MAX) recentReadings.clear();
    mentions = readDurations(text, lang);
    recentReadings.set(key, mentions);
  }
  return mentions.slice();
}

/** Readings of the sentences of the contract(s) being audited, bounded so a long batch does not grow it. */
const recentReadings = new Map<string, DurationMention[]>();
const RECENT_READINGS_MAX = 4_096;

function readDurations(text: string, lang?: 'fr' | 'en'): DurationMention[] {
  const mentions: DurationMention[] = [];
  let floor = 0;
  let index = 0;
  while (index < text.length) {
    if (!isCandidate(text, index)) {
      index++;
      continue;
    }
    const attempt =
      readEventOffset(text, index, lang) ?? readFixedForm(text, index, lang) ?? readCounted(text, index, lang, floor);
    if (!attempt) {
      index++;
      continue;
    }
    if ('skipTo' in attempt) {
      index = Math.max(index + 1, attempt.skipTo);
      floor = index;
      continue;
    }
    const { mention } = attempt;
    const bound = mention.range ? 'floor' : boundFrom(clauseBefore(text, mention.start, floor), clauseAfter(text, mention.end));
    mentions.push({ ...mention, bound });
    index = Math.max(index + 1, mention.end);
    floor = index;
  }
  return mentions;
}
