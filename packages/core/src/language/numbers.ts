/**
 * Cardinal numbers written in words, French and English, up to 999 999.
 *
 * Contracts write figures in words ("quarante-huit (48) heures", "seventy-two
 * hours"), so the duration reader needs them as numbers. Pure functions, no I/O.
 * The grammar is strict on purpose: "deux trois" is not 5 and "forty twelve" is
 * not 52, so a run of number words that is not one number yields its longest
 * valid prefix (reader) or null (whole-string parse).
 */

export type NumberLanguage = 'fr' | 'en';

export interface NumberWordsReading {
  value: number;
  /** Half-open offsets into the text that was read. */
  start: number;
  end: number;
  lang: NumberLanguage;
}

export interface ReadNumberWordsOptions {
  /** Accept a bare English "a"/"an" as 1 ("an hour"). Off by default: "a" is mostly an article. */
  allowArticle?: boolean;
}

const FR_UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9,
};
const FR_TEENS: Record<string, number> = {
  dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16,
};
/** Standard French tens, plus the Belgian/Swiss septante, huitante/octante, nonante. */
const FR_TENS: Record<string, number> = {
  vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  septante: 70, huitante: 80, octante: 80, nonante: 90,
};
const FR_WORDS = new Set([
  ...Object.keys(FR_UNITS), ...Object.keys(FR_TEENS), ...Object.keys(FR_TENS),
  'vingts', 'cent', 'cents', 'mille', 'mil', 'et',
]);

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const EN_TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const EN_WORDS = new Set([
  ...Object.keys(EN_UNITS), ...Object.keys(EN_TEENS), ...Object.keys(EN_TENS),
  'hundred', 'thousand', 'and', 'a', 'an',
]);

/** A partial parse: the value so far and the index of the next unread token. */
interface Step {
  value: number;
  next: number;
}

type TokenParser = (tokens: readonly string[], lang: NumberLanguage, allowArticle: boolean) => number | null;

// ---------------------------------------------------------------- French

function frUnit(t: readonly string[], i: number, min: number): Step | null {
  const v = FR_UNITS[t[i] ?? ''];
  return v !== undefined && v >= min ? { value: v, next: i + 1 } : null;
}

/** 10–19: "dix", "onze" … "seize", "dix-sept" … "dix-neuf". */
function frTeen(t: readonly string[], i: number): Step | null {
  if (t[i] === 'dix') {
    const u = FR_UNITS[t[i + 1] ?? ''];
    if (u !== undefined && u >= 7) return { value: 10 + u, next: i + 2 };
    return { value: 10, next: i + 1 };
  }
  const v = FR_TEENS[t[i] ?? ''];
  return v !== undefined ? { value: v, next: i + 1 } : null;
}

/** 0–99, including "soixante et onze", "quatre-vingt-dix-sept", "septante-cinq". */
function frBelow100(t: readonly string[], i: number): Step | null {
  if (t[i] === 'quatre' && (t[i + 1] === 'vingt' || t[i + 1] === 'vingts')) {
    if (t[i + 1] === 'vingts') return { value: 80, next: i + 2 };
    const teen = frTeen(t, i + 2);
    if (teen) return { value: 80 + teen.value, next: teen.next };
    const et = t[i + 2] === 'et' ? 1 : 0; // "quatre-vingt et un" is not standard but occurs
    const unit = frUnit(t, i + 2 + et, 1);
    if (unit) return { value: 80 + unit.value, next: unit.next };
    return { value: 80, next: i + 2 };
  }
  const tens = FR_TENS[t[i] ?? ''];
  if (tens !== undefined) {
    let j = i + 1;
    if (tens === 60) {
      const skipEt = t[j] === 'et' && t[j + 1] === 'onze' ? 1 : 0;
      const teen = frTeen(t, j + skipEt);
      if (teen) return { value: 70 + (teen.value - 10), next: teen.next };
    }
    if (t[j] === 'et' && (t[j + 1] === 'un' || t[j + 1] === 'une')) return { value: tens + 1, next: j + 2 };
    const unit = frUnit(t, j, 1);
    if (unit) return { value: tens + unit.value, next: unit.next };
    return { value: tens, next: j };
  }
  return frTeen(t, i) ?? frUnit(t, i, 0);
}

/** 0–999: "cent", "trois cent soixante-cinq", "deux cents". */
function frBelow1000(t: readonly string[], i: number): Step | null {
  let hundreds: Step | null = null;
  const multiplier = FR_UNITS[t[i] ?? ''];
  if (multiplier !== undefined && multiplier >= 2 && (t[i + 1] === 'cent' || t[i + 1] === 'cents')) {
    hundreds = { value: multiplier * 100, next: i + 2 };
  } else if (t[i] === 'cent') {
    hundreds = { value: 100, next: i + 1 };
  }
  if (!hundreds) return frBelow100(t, i);
  const rest = frBelow100(t, hundreds.next);
  return rest && rest.value > 0 ? { value: hundreds.value + rest.value, next: rest.next } : hundreds;
}

function frNumber(t: readonly string[], i: number): Step | null {
  const head = frBelow1000(t, i);
  const at = head ? head.next : i;
  if (t[at] === 'mille' || t[at] === 'mil') {
    if (head && head.value === 0) return null;
    const thousands = (head ? head.value : 1) * 1000;
    const rest = frBelow1000(t, at + 1);
    return rest && rest.value > 0 ? { value: thousands + rest.value, next: rest.next } : { value: thousands, next: at + 1 };
  }
  return head;
}

// ---------------------------------------------------------------- English

function enBelow100(t: readonly string[], i: number): Step | null {
  const tens = EN_TENS[t[i] ?? ''];
  if (tens !== undefined) {
    const unit = EN_UNITS[t[i + 1] ?? ''];
    if (unit !== undefined && unit >= 1) return { value: tens + unit, next: i + 2 };
    return { value: tens, next: i + 1 };
  }
  const teen = EN_TEENS[t[i] ?? ''];
  if (teen !== undefined) return { value: teen, next: i + 1 };
  const unit = EN_UNITS[t[i] ?? ''];
  return unit !== undefined ? { value: unit, next: i + 1 } : null;
}

/** "a hundred", "one hundred and eighty", "three hundred sixty-five". */
function enBelow1000(t: readonly string[], i: number): Step | null {
  const first = t[i] ?? '';
  const multiplier = first === 'a' ? 1 : EN_UNITS[first];
  if (multiplier !== undefined && multiplier >= 1 && t[i + 1] === 'hundred') {
    const afterAnd = t[i + 2] === 'and' ? i + 3 : i + 2;
    const rest = enBelow100(t, afterAnd);
    if (rest && rest.value > 0) return { value: multiplier * 100 + rest.value, next: rest.next };
    return { value: multiplier * 100, next: i + 2 };
  }
  return enBelow100(t, i);
}

function enNumber(t: readonly string[], i: number): Step | null {
  const head = t[i] === 'a' && t[i + 1] === 'thousand' ? { value: 1, next: i + 1 } : enBelow1000(t, i);
  if (head && t[head.next] === 'thousand') {
    if (head.value === 0) return null;
    const thousands = head.value * 1000;
    const afterAnd = t[head.next + 1] === 'and' ? head.next + 2 : head.next + 1;
    const rest = enBelow1000(t, afterAnd);
    return rest && rest.value > 0 ? { value: thousands + rest.value, next: rest.next } : { value: thousands, next: head.next + 1 };
  }
  return head;
}

// ---------------------------------------------------------------- shared

/** Whether `word` (any case, with or without accents) can be part of a number in words. */
export function isNumberWord(word: string): boolean {
  const normalised = normaliseWord(word);
  return FR_WORDS.has(normalised) || EN_WORDS.has(normalised);
}

const ASCII = /^[\x00-\x7F]*$/;
const normalisedWords = new Map<string, string>();

/** Lower-case and strip diacritics: "Zéro" → "zero". */
export function normaliseWord(word: string): string {
  // Pure ASCII needs no decomposition; the rest is remembered (a contract repeats its words).
  if (ASCII.test(word)) return word.toLowerCase();
  let normalised = normalisedWords.get(word);
  if (normalised === undefined) {
    if (normalisedWords.size >= 10_000) normalisedWords.clear();
    normalised = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    normalisedWords.set(word, normalised);
  }
  return normalised;
}


/** Parses all of `tokens` as one number, or returns null. */
const parseTokens: TokenParser = (tokens, lang, allowArticle) => {
  if (tokens.length === 0) return null;
  if (lang === 'en' && allowArticle && tokens.length === 1 && (tokens[0] === 'a' || tokens[0] === 'an')) return 1;
  const step = lang === 'fr' ? frNumber(tokens, 0) : enNumber(tokens, 0);
  return step && step.next === tokens.length ? step.value : null;
};

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /\p{L}+/uy;
/** Between number words: spaces (no line break run) or one hyphen, as in "quatre-vingt-dix". */
const SEPARATOR = /[ \t\u00A0\u202F]*[-\u2010\u2011][ \t\u00A0\u202F]*|[ \t\u00A0\u202F]+|[ \t]*\r?\n[ \t]*/y;
const MAX_TOKENS = 12;

/** Reads consecutive number words of `lang` starting at `index`. */
function numberTokensAt(text: string, index: number, lang: NumberLanguage): Token[] {
  const vocabulary = lang === 'fr' ? FR_WORDS : EN_WORDS;
  const tokens: Token[] = [];
  let position = index;
  while (tokens.length < MAX_TOKENS) {
    WORD.lastIndex = position;
    const match = WORD.exec(text);
    if (!match) break;
    const word = normaliseWord(match[0]);
    if (!vocabulary.has(word)) break;
    tokens.push({ word, start: position, end: position + match[0].length });
    SEPARATOR.lastIndex = WORD.lastIndex;
    if (!SEPARATOR.exec(text)) break;
    position = SEPARATOR.lastIndex;
  }
  return tokens;
}

function isWordStart(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  return /\p{L}/u.test(text[index] ?? '') && (index === 0 || !/[\p{L}\p{N}]/u.test(text[index - 1] ?? ''));
}

/**
 * Reads the longest number in words that starts at `index` (which must start a
 * word), or null. "quarante-huit (48)" reads "quarante-huit"; "deux trois" reads
 * "deux". Without `lang`, French and English are both tried and the longer wins.
 */
export function readNumberWordsAt(
  text: string,
  index: number,
  lang?: NumberLanguage,
  options: ReadNumberWordsOptions = {},
): NumberWordsReading | null {
  if (!isWordStart(text, index)) return null;
  const languages: NumberLanguage[] = lang ? [lang] : ['fr', 'en'];
  let best: NumberWordsReading | null = null;
  for (const language of languages) {
    const tokens = numberTokensAt(text, index, language);
    for (let count = tokens.length; count > 0; count--) {
      const slice = tokens.slice(0, count);
      const last = slice[count - 1];
      if (!last || last.word === 'et' || last.word === 'and') continue;
      const value = parseTokens(slice.map((t) => t.word), language, options.allowArticle ?? false);
      if (value === null) continue;
      if (!best || last.end > best.end) best = { value, start: index, end: last.end, lang: language };
      break;
    }
  }
  return best;
}

const HALF_WORDS = /^(?:(?:a|une|one)[\s-]+)?(?:half|demie?)$/;

/**
 * Parses a whole string as one cardinal number in words ("quarante-huit",
 * "one hundred and eighty", "a" → 1, "half" → 0.5), or returns null.
 * Surrounding spaces are ignored; anything else that is not part of the number
 * makes the result null.
 */
export function parseNumberWords(text: string, lang?: NumberLanguage): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (HALF_WORDS.test(normaliseWord(trimmed))) return 0.5;
  const languages: NumberLanguage[] = lang ? [lang] : ['fr', 'en'];
  for (const language of languages) {
    const reading = readNumberWordsAt(trimmed, 0, language, { allowArticle: true });
    if (reading && reading.end === trimmed.length) return reading.value;
  }
  return null;
}
