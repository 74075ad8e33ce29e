import { paragraphSpans } from '../document/paragraphs.js';
import type { Language, LanguageSpan } from '../document/types.js';

/**
 * French or English, by the share of each language's function words. Small
 * explicit lists are enough for contracts (long, grammatical prose) and keep
 * detection fast and deterministic. Words common to both spellings ("a",
 * "on", "or", "en", "as") are left out on purpose.
 */

const FRENCH = new Set(
  (
    'le la les des du de un une et est sont dans pour par sur avec que qui ne pas au aux ce cette ces son sa ses ' +
    'leur leurs il elle ils elles où dont être sera seront doit doivent peut peuvent tout toute tous toutes selon lors ' +
    'afin auprès chaque entre sans sous également ainsi aucun aucune été ont avoir fait présent présente'
  ).split(' '),
);
const ENGLISH = new Set(
  (
    'the of and to in is are be for by with that which this these those shall will may any all its it from ' +
    'such under within without upon been has have not other each must should would their than into where hereby ' +
    'thereof herein agreement party parties'
  ).split(' '),
);
/** Elided articles and pronouns only French writes: l'accès, d'un, qu'il, n'est, s'engage, c'est, j'ai. */
const FRENCH_ELISION = /^(?:l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu)'/;

/** A stretch must have this much evidence to stand as its own language span. */
const MIN_SPAN_STOP_WORDS = 8;
const MIN_SPAN_CHARS = 200;
/** A paragraph needs this many function words before it says anything. */
const MIN_PARAGRAPH_EVIDENCE = 3;
/** Without any evidence clausier assumes French, its home language. */
export const DEFAULT_LANGUAGE: Language = 'fr';

export interface LanguageScores {
  fr: number;
  en: number;
}

export interface LanguageDetection {
  language: Language;
  spans: LanguageSpan[];
  scores: LanguageScores;
}

export function scoreLanguage(text: string): LanguageScores {
  const scores: LanguageScores = { fr: 0, en: 0 };
  for (const token of text.toLowerCase().match(/[\p{L}']+/gu) ?? []) {
    if (FRENCH_ELISION.test(token)) {
      scores.fr++;
      continue;
    }
    const word = token.replace(/^'+|'+$/g, '').replace(/'s$/, '');
    if (FRENCH.has(word)) scores.fr++;
    else if (ENGLISH.has(word)) scores.en++;
  }
  return scores;
}

interface Stretch {
  start: number;
  language: Language | null;
  evidence: number;
  chars: number;
}

/**
 * Dominant language and per-stretch spans. Paragraphs vote; a paragraph with
 * too little evidence follows its neighbours; a stretch too short to stand on
 * its own (a quoted English phrase) joins the one before it. `force`
 * overrides everything: one span in that language.
 */
export function detectLanguage(text: string, options: { force?: Language } = {}): LanguageDetection {
  const total = scoreLanguage(text);
  if (options.force) return { language: options.force, spans: [{ start: 0, end: text.length, language: options.force }], scores: total };

  const paragraphs = paragraphSpans(text);
  const stretches: Stretch[] = paragraphs.map((paragraph) => {
    const scores = scoreLanguage(paragraph.text);
    const evidence = scores.fr + scores.en;
    const language = evidence < MIN_PARAGRAPH_EVIDENCE || scores.fr === scores.en ? null : scores.fr > scores.en ? 'fr' : 'en';
    return { start: paragraph.start, language, evidence: language ? Math.abs(scores.fr - scores.en) : 0, chars: paragraph.text.length };
  });
  const merged = absorbWeakStretches(mergeRuns(inheritLanguage(stretches, paragraphs.map((paragraph) => paragraph.text))));
  const fallback: Language = total.en > total.fr ? 'en' : DEFAULT_LANGUAGE;
  const spans: LanguageSpan[] = merged.map((stretch, i) => ({
    start: i === 0 ? 0 : stretch.start,
    end: merged[i + 1]?.start ?? text.length,
    language: stretch.language ?? fallback,
  }));
  if (spans.length === 0) spans.push({ start: 0, end: text.length, language: fallback });
  const length: Record<Language, number> = { fr: 0, en: 0 };
  for (const span of spans) length[span.language] += span.end - span.start;
  const language: Language = length.en > length.fr ? 'en' : length.fr > length.en ? 'fr' : fallback;
  return { language, spans, scores: total };
}

/**
 * Paragraphs without a verdict take the previous one's language (or the next
 * one's at the start), except a short title right before a paragraph that has
 * one ("ANNEX 3 – DATA PROCESSING AGREEMENT"): a heading belongs to what follows.
 */
function inheritLanguage(stretches: Stretch[], texts: string[]): Stretch[] {
  const firstKnown = stretches.find((stretch) => stretch.language !== null)?.language ?? null;
  let current = firstKnown;
  return stretches.map((stretch, i) => {
    if (stretch.language !== null) {
      current = stretch.language;
      return stretch;
    }
    const next = stretches[i + 1];
    const text = texts[i] ?? '';
    const title = text.length <= 100 && !text.includes(' | ');
    return { ...stretch, language: title && next?.language ? next.language : current };
  });
}

function mergeRuns(stretches: Stretch[]): Stretch[] {
  const runs: Stretch[] = [];
  for (const stretch of stretches) {
    const last = runs[runs.length - 1];
    if (last && last.language === stretch.language) {
      last.evidence += stretch.evidence;
      last.chars += stretch.chars;
    } else {
      runs.push({ ...stretch });
    }
  }
  return runs;
}

/** Folds runs too weak to stand alone into their neighbour, weakest first, until every run stands. */
function absorbWeakStretches(runs: Stretch[]): Stretch[] {
  let current = runs;
  for (;;) {
    if (current.length <= 1) return current;
    let weakest = -1;
    for (let i = 0; i < current.length; i++) {
      const run = current[i]!;
      const weak = run.evidence < MIN_SPAN_STOP_WORDS || run.chars < MIN_SPAN_CHARS;
      if (weak && (weakest === -1 || run.evidence < current[weakest]!.evidence)) weakest = i;
    }
    if (weakest === -1) return current;
    const run = current[weakest]!;
    const absorbed = current.map((r) => ({ ...r }));
    absorbed.splice(weakest, 1);
    // Before: the previous run grows over it; at the very start, the next run starts earlier.
    const target = absorbed[weakest > 0 ? weakest - 1 : 0]!;
    target.chars += run.chars;
    if (weakest === 0) target.start = run.start;
    current = mergeRuns(absorbed);
  }
}
