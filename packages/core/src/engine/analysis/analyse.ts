import type { ContractDocument, Language, Section } from '../../document/types.js';
import { findParties, type PartyLexicon } from './parties.js';
import { findPrecedence, findSupersessions, type Precedence, type Supersession } from './precedence.js';
import { clauseNumbers, lowerSameLength, splitSentences, type Sentence } from './sentences.js';
import { lowered } from '../../language/lowered.js';
import { asAmendedClause, findSubstitutions } from './substitutions.js';
import { MATRIX_HEADING, readMatrixRows, splitMatrixRows } from './matrix.js';
import { unselectedOptions } from './options.js';

/** Everything the checks share about one document, computed once. */
export interface DocumentAnalysis {
  sentences: Sentence[];
  parties: PartyLexicon;
  supersessions: Supersession[];
  precedence: Precedence;
  /** The amendment that replaced the text at `offset`, if any. */
  supersededAt(offset: number): Supersession | null;
  /** True when `offset` lies in a part that prevails over the body. */
  prevailsAt(offset: number): boolean;
  /** Heading path of the sections holding a sentence, lower-case ("article 9 – sécurité > 9.2 notification"). */
  headingPath(sentence: Sentence): string;
  /**
   * `test` applied to a sentence's heading path (or, with `last`, to its innermost heading), answered once per
   * section: the checks ask it of every sentence, and a section holds dozens.
   */
  headingTest(sentence: Sentence, test: RegExp, last?: boolean): boolean;
  /**
   * Which sentences a pattern matches in, from one scan of the whole lower-cased document (flags by sentence
   * index). Checks use it to skip, before any per-sentence test, sentences that cannot concern them: one pass
   * over the text instead of one call per sentence. A match that straddles sentences flags each of them.
   */
  sentencesWith(pattern: RegExp): Uint8Array;
  /**
   * Sentences elsewhere that narrow the clause holding `sentence` by its number: "The notification obligation in
   * clause 11.2 applies only to a Major Security Incident", "L'article 9.2 ne s'applique qu'aux incidents majeurs".
   */
  restrictionsOf(sentence: Sentence): Sentence[];
  /** Sentences an amendment adds to the clause holding `sentence` ("L'article 8.1 est complété comme suit : « … »"). */
  additionsTo(sentence: Sentence): Sentence[];
  /** True for a definition ("« Incident » désigne…", '"Breach" means…'): not an obligation. */
  isDefinition(sentence: Sentence): boolean;
  /** Defined terms ("« Journaux » désigne…", '"Activity Records" means…'): the term and what follows it, lower-cased. */
  definedTerms(): Array<{ term: string; body: string; sentence: Sentence }>;
  /** The section a sentence refers to for its figures ("le délai fixé à l'annexe 3"), if it resolves. */
  referencedSection(sentence: Sentence): { section: Section; index: number } | 'unresolved' | null;
  /** Language of the stretch holding an offset. */
  languageAt(offset: number): Language;
  /** Language of one sentence: its own words when they tell, else its stretch's. */
  languageOf(sentence: Sentence): Language;
  /** Language of a passage starting at `offset`: its own words when they tell, else its stretch's. */
  languageOfText(text: string, offset: number): Language;
}

// A definition: a quoted term (or a bare capitalised term) followed by "désigne"/"means", or by a colon.
const DEFINITION =
  /^\s*(?:[-–•]\s*)?(?:\d+(?:\.\d+)+\.?\s+|\(?[a-z0-9]{1,3}[).]\s*)?(?:(?:«\s*|"|“|\*\*)[^»"”*]{1,80}(?:\s*»|"|”|\*\*)\s*(?:[:,]\s*)?(?:d[ée]signe|d[ée]signent|signifie|s'entend|s'entendent|recouvre|correspond|means|shall mean|refers to|has the meaning|includes any|:)|[\p{Lu}][\p{L}'’ -]{1,60}\s+(?:means|shall mean|has the meaning)\b)|^\s*(?:on entend par|par\s+«)/u;

const GLOSSARY_ENTRY = /^\s*(?:[-–•*]\s*)?(?:\*\*)?[\p{L}][\p{L}'’ -]{1,50}(?:\*\*)?\s*:\s+\S/u;
const GLOSSARY_HEADING = /glossaire|glossary|d[ée]finitions?|terminologie|lexique|vocabulaire/u;

// What every definition form needs: a quoted term, "means", or "on entend par" (a cheap test before DEFINITION).
const MAY_DEFINE = /[«"“]|\*\*|mean|on entend par/u;

// The term a definition defines: quoted, or the words before "means".
const DEFINED_TERM =
  /^\s*(?:[-–•]\s*)?(?:\d+(?:\.\d+)+\.?\s+|\(?[a-z0-9]{1,3}[).]\s*)?(?:«\s*|"|“|\*\*)?([^»"”:*]{2,60}?)(?:\s*»|"|”|\*\*)?\s*(?:[:,]|d[ée]signe|means|shall mean|s'entend|signifie)/u;

const NAMED_REFERENCE =
  /(?:fix[ée]|pr[ée]vu|d[ée]fini|indiqu[ée]|mentionn[ée]|pr[ée]cis[ée]|stated|set out|specified|defined|provided|indicated)e?s?\s+(?:[àa]u|dans l[ea]|dans les|en|in the|in|under the|under)\s+(?:l'|le |la |the )?(bon de commande|order form|conditions particuli[èe]res|service level (?:agreement|schedule)|plan d'assurance s[ée]curit[ée]|security schedule|statement of work|lettre de commande|acte d'engagement|cahier des clauses techniques particuli[èe]res)/u;

const REFERENCE =
  /\b(?:fix[ée]e?s?|pr[ée]vue?s?|d[ée]finie?s?|indiqu[ée]e?s?|pr[ée]cis[ée]e?s?|mentionn[ée]e?s?|figurant|stipul[ée]e?s?|set out|specified|defined|described|stated|listed|provided|referred to)\s+(?:[àa]|en|dans|au|aux|in|at|under|par)\s+(?:l'|la|le|les|the)?\s*(annexe|annex|schedule|appendix|exhibit|article|clause|section)\s*(?:n[°o]\.?\s*)?([0-9]+(?:\.[0-9]+)*|[IVX]+\b|[A-Z]\b)/iu;

/**
 * A section's title as rules read it: a numbered clause that opens with its
 * whole first sentence ("7.3 Audit logs … are retained …") is named by its
 * number, so its words do not pass for a title about the whole section.
 */
export function shortHeading(section: Section): string {
  if (section.heading.length <= 80) return section.heading;
  return section.number ?? section.heading.slice(0, 40);
}

const FR_WORDS = lowered(/\b(?:le|la|les|des|du|de|et|est|sont|dans|pour|par|sur|une?|aux?|qui|que|ou|ne|pas|ses|son|sa|cette|tout|toute)\b/giu);
const EN_WORDS = lowered(/\b(?:the|and|of|to|in|is|are|for|by|on|an?|with|shall|will|any|that|or|not|its|this|which|be)\b/giu);

/** Stop-word vote on a short lower-cased text; null when too few words tell. */
function voteLanguage(lower: string): Language | null {
  const text = lower;
  const fr = text.match(FR_WORDS)?.length ?? 0;
  const en = text.match(EN_WORDS)?.length ?? 0;
  if (fr + en < 4 || fr === en) return null;
  return fr > en ? 'fr' : 'en';
}

// "within the same period as in clause 7.2.1", "dans le même délai que celui prévu à l'article 9".
const SAME_AS =
  /(?:same|m[êe]mes?)\s+(?:period|delay|d[ée]lai|time(?:frame)?|conditions?|manner|modalit[ée]s)[^.]{0,80}?(?:as (?:in|under|set out in|provided in)|qu'[àa]|que (?:celui|celle|ceux|celles)s?\s+(?:pr[ée]vue?s?|fix[ée]e?s?|d[ée]finie?s?)\s+(?:[àa]|par|dans))\s+(?:l'|la |le |the )?(annexe|annex|schedule|appendix|exhibit|article|clause|section)\s*(?:n[°o]\.?\s*)?([0-9]+(?:\.[0-9]+)*|[IVX]+\b|[A-Z]\b)/iu;

// A sentence that narrows another clause by its number.
/** Wording that narrows a clause to some cases ("applies only to", "ne s'applique qu'aux"); shared with the checks. */
export const NARROWS =
  lowered(/appl(?:y|ies) only|shall (?:only )?apply only|only appl(?:y|ies)|(?:is|are|shall be) (?:limited|restricted|confined) to|ne s'appliquen?t? qu|s'appliquen?t? (?:uniquement|exclusivement|seulement)|(?:est|sont) (?:limit[ée]e?s?|restreinte?s?|r[ée]serv[ée]e?s?) aux?|ne vise(?:nt)? que|ne concerne(?:nt)? que|covers? only|concerne(?:nt)? (?:uniquement|exclusivement|seulement)/u);
const NARROWS_CLAUSE = new RegExp(NARROWS.source, `${NARROWS.flags}g`);
const ADDS_TO_CLAUSE = /(?:compl[ée]t[ée]e?s?|supplemented|amended by adding|added|ajout[ée]e?s?|inserted|ins[ée]r[ée]e?s?)(?![\p{L}])(?:[^.]|\.\d)*:\s*$/u;
const CLAUSE_NUMBER = /\b(?:clause|section|article|paragraph|paragraphe|point|§)\s*(\d+(?:\.\d+)*)/u;

// "seule la version française fait foi", "la version française prévaut", "the English text shall prevail".
const VERSION_PREVAILS =
  lowered(/(?:seule la|la) version (fran[çc]aise|anglaise) (?:fait foi|pr[ée]vau(?:t|dra)|l'emporte)|the (english|french) (?:language )?(?:version|text) (?:shall |will )?(?:prevail|govern|control)s?|in the (english|french) language (?:shall |will )?(?:prevail|govern|control)/u);
const LANGUAGE_NAMES: Record<string, Language> = { française: 'fr', francaise: 'fr', french: 'fr', anglaise: 'en', english: 'en' };

/**
 * A part drafted in both languages ("Annexe sécurité / Security annex", two columns) under a clause that makes one
 * version prevail: the other version's sentences there bind nothing. A part written in one language only (an English
 * DPA under a French contract) is no translation and still binds.
 */
function supersedeOtherLanguageVersion(doc: ContractDocument, lower: string, sentences: Sentence[], out: Supersession[]): void {
  const m = VERSION_PREVAILS.exec(lower);
  if (!m) return;
  const prevailing = LANGUAGE_NAMES[(m[1] ?? m[2] ?? m[3])!]!;
  // The outermost parts (articles, annexes) and the languages their sentences are written in.
  const parts = doc.sections.filter((s) => s.parent === null || s.parent < 0 || doc.sections[s.parent]!.end - doc.sections[s.parent]!.start > doc.text.length * 0.9);
  for (const part of parts) {
    const inside = sentences.filter((s) => s.start >= part.start && s.start < part.end && !s.heading).map((s) => ({ s, language: voteLanguage(s.lower) }));
    const other: Language = prevailing === 'fr' ? 'en' : 'fr';
    const count = (l: Language) => inside.filter((x) => x.language === l).length;
    if (count(prevailing) < 2 || count(other) < 2) continue;
    for (const { s, language } of inside) {
      if (language !== other || out.some((o) => s.start >= o.start && s.start < o.end)) continue;
      out.push({ start: s.start, end: s.end, article: m[0], by: m.index, kind: 'non-binding' });
    }
  }
}

// The global (`g`) twin of a pattern the checks keep without the flag, compiled once for every document.
const globalForms = new WeakMap<RegExp, RegExp>();
function globalForm(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let twin = globalForms.get(pattern);
  if (!twin) {
    twin = new RegExp(pattern.source, `${pattern.flags}g`);
    globalForms.set(pattern, twin);
  }
  return twin;
}

/** The lower-cased headings from the document's top down to a section. */
function headingPathOf(doc: ContractDocument, section: number): string {
  const parts: string[] = [];
  for (let i: number | null = section; i !== null && i >= 0; i = doc.sections[i]!.parent) parts.unshift(shortHeading(doc.sections[i]!).toLowerCase());
  return parts.join(' > ');
}

export function analyse(doc: ContractDocument): DocumentAnalysis {
  const lower = lowerSameLength(doc.text);
  // Every section's heading path, once: the checks ask it of every sentence.
  const sectionPaths = doc.sections.map((_, i) => headingPathOf(doc, i));
  // Which sections hold a compliance matrix, by their heading path.
  const matrixSections = sectionPaths.map((path) => MATRIX_HEADING.test(path));
  const inMatrix = (s: Sentence) => s.section >= 0 && matrixSections[s.section] === true;
  const sentences = splitMatrixRows(splitSentences(doc, lower), inMatrix);
  const parties = findParties(doc.text);
  const supersessions = findSupersessions(doc, lower, sentences);
  // Words changed by an amendment: the original sentence gives way, and the amending sentence reads as the clause
  // with its new words (found by the whole-document scans below through `amended`).
  const amended = new Set<number>();
  for (const sub of findSubstitutions(doc, sentences)) {
    if (amended.has(sub.by.index)) continue;
    amended.add(sub.by.index);
    sentences[sub.by.index] = asAmendedClause(sub);
    if (!supersessions.some((s) => s.start === sub.original.start)) {
      supersessions.push({ start: sub.original.start, end: sub.original.end, article: sub.article ?? '…', by: sub.by.start, kind: 'amendment' });
    }
  }
  supersedeOtherLanguageVersion(doc, lower, sentences, supersessions);
  for (const part of unselectedOptions(doc, sentences)) if (!supersessions.some((s) => part.start >= s.start && part.start < s.end)) supersessions.push(part);
  const matrix = readMatrixRows(sentences, inMatrix);
  for (const refused of matrix.refused) if (!supersessions.some((s) => refused.start >= s.start && refused.start < s.end)) supersessions.push(refused);
  for (const { index, text } of matrix.qualified) sentences[index] = { ...sentences[index]!, text, lower: lowerSameLength(text) };
  const precedence = findPrecedence(doc, lower);
  const prevailingRanges = precedence.prevailing.map((i) => doc.sections[i]!).map((s) => [s.start, s.end] as const);

  function languageAt(offset: number): Language {
    const span = doc.languageSpans.find((s) => offset >= s.start && offset < s.end);
    return span?.language ?? doc.language;
  }

  const sentenceLanguages = new Map<number, Language>();
  const definitions = new Map<number, boolean>();
  function headingPath(sentence: Sentence): string {
    return sentence.section < 0 ? '' : sectionPaths[sentence.section]!;
  }

  // Answers by section (index + 1, so the -1 of text before any section has a slot): 0 unknown, 1 no, 2 yes;
  // the innermost-heading answers in the second half.
  const slots = doc.sections.length + 1;
  const headingTests = new Map<RegExp, Uint8Array>();
  function headingTest(sentence: Sentence, test: RegExp, last = false): boolean {
    let bySection = headingTests.get(test);
    if (!bySection) {
      bySection = new Uint8Array(2 * slots);
      headingTests.set(test, bySection);
    }
    const key = (last ? slots : 0) + sentence.section + 1;
    let known = bySection[key]!;
    if (known === 0) {
      const path = headingPath(sentence);
      test.lastIndex = 0;
      known = test.test(last ? (path.split(' > ').pop() ?? '') : path) ? 2 : 1;
      bySection[key] = known;
    }
    return known === 2;
  }

  const scans = new Map<RegExp, Uint8Array>();
  function sentencesWith(pattern: RegExp): Uint8Array {
    let flags = scans.get(pattern);
    if (flags) return flags;
    flags = new Uint8Array(sentences.length);
    const global = globalForm(pattern);
    global.lastIndex = 0;
    let i = 0;
    let m: RegExpExecArray | null;
    while ((m = global.exec(lower)) !== null) {
      const end = m.index + Math.max(1, m[0].length);
      if (m[0].length === 0) global.lastIndex++;
      while (i < sentences.length && sentences[i]!.end <= m.index) i++;
      for (let j = i; j < sentences.length && sentences[j]!.start < end; j++) flags[j] = 1;
    }
    // An amended clause reads other words than the document holds at its place.
    for (const j of amended) {
      pattern.lastIndex = 0;
      flags[j] = pattern.test(sentences[j]!.lower) ? 1 : 0;
      pattern.lastIndex = 0;
    }
    scans.set(pattern, flags);
    return flags;
  }

  // The clause a quoted sentence is added to, when the sentence before announces it ("L'article 8.1 est complété
  // comme suit :", "The following sentence is added at the end of clause 9.1:").
  function addedTo(s: Sentence): string | null {
    const before = sentences[s.index - 1];
    if (before === undefined || before.line !== s.line || !/^\s*[«"“]/u.test(s.text) || !ADDS_TO_CLAUSE.test(before.lower)) return null;
    return CLAUSE_NUMBER.exec(before.lower)?.[1] ?? null;
  }

  // Restricting statements, found once: the clause number they name and the sentence.
  let restrictions: Array<{ number: string; sentence: Sentence }> | null = null;
  function restrictionsOf(sentence: Sentence): Sentence[] {
    if (restrictions === null) {
      restrictions = [];
      const flagged = sentencesWith(NARROWS_CLAUSE);
      for (const s of sentences) {
        if (!flagged[s.index]) continue;
        // "L'article 9.1 est complété par la phrase suivante : « Cette obligation ne s'applique qu'aux … »": the
        // quoted sentence added to a clause narrows that clause.
        const number = CLAUSE_NUMBER.exec(s.lower)?.[1] ?? addedTo(s);
        if (number && NARROWS_CLAUSE.test(s.lower)) restrictions.push({ number, sentence: s });
        NARROWS_CLAUSE.lastIndex = 0;
      }
    }
    if (restrictions.length === 0) return [];
    const own = clauseNumbers(doc, sentence);
    return restrictions.filter((r) => r.sentence !== sentence && own.has(r.number)).map((r) => r.sentence);
  }

  // Sentences amendments add to a clause ("L'article 8.1 est complété comme suit : « … »"), found once.
  let additions: Array<{ number: string; sentence: Sentence }> | null = null;
  function additionsTo(sentence: Sentence): Sentence[] {
    if (additions === null) {
      additions = [];
      for (const s of sentences) {
        const number = addedTo(s);
        if (number) additions.push({ number, sentence: s });
      }
    }
    if (additions.length === 0) return [];
    const own = clauseNumbers(doc, sentence);
    return additions.filter((a) => a.sentence !== sentence && a.sentence.start > sentence.start && own.has(a.number)).map((a) => a.sentence);
  }

  // Every check asks for every sentence: answer once.
  function isDefinition(sentence: Sentence): boolean {
    let known = definitions.get(sentence.index);
    if (known === undefined) {
      known =
        (MAY_DEFINE.test(sentence.lower) && DEFINITION.test(sentence.text)) ||
        // "- Problème : cause d'un ou plusieurs Incidents …" in a glossary: a term and its meaning.
        (GLOSSARY_ENTRY.test(sentence.text) && headingTest(sentence, GLOSSARY_HEADING));
      definitions.set(sentence.index, known);
    }
    return known;
  }

  let terms: Array<{ term: string; body: string; sentence: Sentence }> | null = null;
  function definedTerms() {
    if (terms) return terms;
    terms = [];
    for (const s of sentences) {
      if (!isDefinition(s)) continue;
      const term = DEFINED_TERM.exec(s.lower)?.[1]?.trim();
      if (!term || term.length < 3) continue;
      terms.push({ term, body: s.lower.slice(s.lower.indexOf(term) + term.length), sentence: s });
    }
    return terms;
  }

  return {
    sentences,
    parties,
    definedTerms,
    supersessions,
    precedence,
    supersededAt: (offset) => supersessions.find((s) => offset >= s.start && offset < s.end) ?? null,
    prevailsAt: (offset) => prevailingRanges.some(([a, b]) => offset >= a && offset < b),
    headingPath,
    headingTest,
    sentencesWith,
    restrictionsOf,
    additionsTo,
    isDefinition,
    referencedSection(sentence) {
      const m = REFERENCE.exec(sentence.text) ?? SAME_AS.exec(sentence.text);
      if (!m) {
        // "dans le délai fixé au bon de commande", "within the period stated in the Order Form": a document named, not numbered.
        const named = NAMED_REFERENCE.exec(sentence.lower);
        if (!named) return null;
        const name = named[1]!;
        const index = doc.sections.findIndex((s, i) => s.heading.toLowerCase().includes(name) && i !== sentence.section && !(s.start <= sentence.start && sentence.start < s.end));
        return index >= 0 ? { section: doc.sections[index]!, index } : 'unresolved';
      }
      const kind = m[1]!.toLowerCase();
      const number = m[2]!.toUpperCase();
      const wantAnnex = !/^(?:article|clause|section)$/.test(kind);
      // The section as it stands: an amendment's replacement rather than the replaced original.
      const matches = doc.sections
        .map((s, i) => ({ s, i }))
        .filter(({ s }) => (wantAnnex ? s.kind === 'annex' : s.kind === 'article' || s.kind === 'clause') && (s.number ?? '').toUpperCase() === number);
      const standing = matches.filter(({ s }) => !supersessions.some((x) => s.start >= x.start && s.start < x.end));
      const index = (standing[standing.length - 1] ?? matches[0])?.i ?? -1;
      return index >= 0 ? { section: doc.sections[index]!, index } : 'unresolved';
    },
    languageAt,
    languageOf: (sentence) => {
      let language = sentenceLanguages.get(sentence.index);
      if (language === undefined) {
        language = voteLanguage(sentence.lower) ?? languageAt(sentence.start);
        sentenceLanguages.set(sentence.index, language);
      }
      return language;
    },
    languageOfText: (text, offset) => voteLanguage(text.toLowerCase()) ?? languageAt(offset),
  };
}
