import type { ContractDocument, Section } from '../../document/types.js';
import { lowered } from '../../language/lowered.js';
import { lowerSameLength, type Sentence } from './sentences.js';

/**
 * Which parts of a contract stand: an amendment that replaces or deletes an
 * article supersedes it, and an order-of-precedence clause can make an annex
 * (a DPA, a security schedule) prevail over the body when they disagree.
 */

export interface Supersession {
  /** The replaced text, [start, end). */
  start: number;
  end: number;
  /** The article number as the amendment names it ("9.2"). */
  article: string;
  /** Offset of the amending statement. */
  by: number;
  /**
   * How it was set aside: replaced by an amendment (the default), by a derogating clause, a part without contractual
   * force, a requirement the supplier refused in its compliance matrix ("N", "Non accepté"), or an option
   * left unticked in the order form ("☐ Option A").
   */
  kind?: 'amendment' | 'derogation' | 'non-binding' | 'refused' | 'unselected';
}

export interface Precedence {
  /** Sections (indices) that prevail over the body in case of conflict. */
  prevailing: number[];
  /** Offset of the precedence clause, for evidence. */
  at: number | null;
}

const AMENDS_FR =
  lowered(/\b(?:l'|les\s+)?(?:article|clause|paragraphe|point|stipulation)s?\s+([0-9]+(?:\.[0-9]+)*)(?:\s+(?:du|de la|de l'|des)\s+[^,.;]{0,80}?)?\s+(?:est|sont)\s+(?:(?:int[ée]gralement|purement et simplement|enti[èe]rement)\s+)?(?:supprim[ée]s?(?:\s+et\s+remplac[ée]s?)?|remplac[ée]s?|modifi[ée]s?|abrog[ée]s?|annul[ée]s?|r[ée]dig[ée]s?)/giu);
const AMENDS_EN =
  lowered(/\b(?:article|clause|section|paragraph)s?\s+([0-9]+(?:\.[0-9]+)*)(?:\s+of\s+the\s+[^,.;]{0,60}?)?\s+(?:is|are|shall be)\s+(?:hereby\s+)?(?:deleted(?:\s+(?:in its entirety\s+)?and\s+replaced)?|replaced|amended(?:\s+and\s+restated)?|superseded|restated|revoked)/giu);
const REPLACES =
  lowered(/\b(?:remplac(?:e|er|ent|era|eront)|annule et remplace|substitu\p{L}*|supersed(?:e|es)|replac(?:e|es))\s+(?:les\s+(?:dispositions|stipulations)\s+de\s+)?(?:l'|the\s+)?(?:article|clause|section)\s+([0-9]+(?:\.[0-9]+)*)/giu);

// "Notwithstanding Section B.3 of Exhibit B, …", "Par dérogation à l'article 9.2, …": the derogating clause stands
// for the clause it names, whatever the order of precedence says.
const DEROGATES =
  lowered(/\b(?:notwithstanding|by way of derogation (?:from|to)|in derogation (?:of|from)|par d[ée]rogation (?:[àa]|aux?|aux (?:stipulations|dispositions) de)|en d[ée]rogation [àa]|nonobstant)\s+(?:the (?:provisions|terms) of\s+|l'|les (?:stipulations|dispositions) de l'|)(?:section|clause|article|paragraph|paragraphe|point)s?\s+((?:[a-z]\.?)?[0-9]+(?:\.[0-9]+)*)/giu);

const MORE_CLAUSES = /^\s*(?:,|and|et|or|ou|&)\s*(?:(?:the |l'|les? )?(?:clauses?|sections?|articles?|paragraphs?|paragraphes?|points?)\s+)?((?:[a-z]\.?)?[0-9]+(?:\.[0-9]+)*)/u;

/** The sentences of the paragraph that opens with a clause label ("B.3 Logging. …"), before `before`. */
function labelledParagraph(sentences: readonly Sentence[], label: string, before: number): { start: number; end: number } | null {
  const opener = sentences.find((s) => s.start < before && s.lower.startsWith(label) && /^[\s.):–—-]/u.test(s.lower.slice(label.length, label.length + 1)));
  if (!opener) return null;
  let end = opener.end;
  for (let i = opener.index + 1; i < sentences.length && sentences[i]!.line === opener.line && sentences[i]!.start < before; i++) end = sentences[i]!.end;
  return { start: opener.start, end };
}

const NON_BINDING =
  /sans valeur contractuelle|valeur (?:purement )?(?:informative|indicative)|[àa] titre (?:purement )?(?:informatif|indicatif|d'information)|for (?:information(?:al)?|reference) (?:purposes )?only|non[- ]binding|no (?:contractual|legal|binding) (?:effect|value|force)|courtesy translation|traduction de courtoisie/iu;

// "the section of the Agreement headed "Records and logs" is deleted and replaced", "l'article intitulé « Journaux » est remplacé".
const AMENDS_BY_TITLE =
  lowered(/\b(?:section|clause|article|paragraph|paragraphe|stipulation)s?\s+(?:of the [^"“«]{0,40}?\s+)?(?:du [^"“«]{0,40}?\s+)?(?:headed|entitled|titled|named|intitul[ée]e?)\s+(?:["“«]\s*)([^"”»]{2,80}?)(?:\s*["”»])[^.]{0,60}?\b(?:is|are|shall be|est|sont)\s+(?:hereby\s+)?(?:deleted|replaced|amended|superseded|supprim[ée]e?s?|remplac[ée]e?s?|modifi[ée]e?s?)/giu);

// "the second sentence of clause B4 is deleted and replaced by: \"Security incidents … within three (3) Business
// Days …\"": the quoted text replaces the sentence of the contract it rewrites, whatever the clause numbering.
const QUOTED_REPLACEMENT =
  lowered(/(?:replaced|amended|restated|reads? as follows|remplac[ée]e?s?|modifi[ée]e?s?|r[ée]dig[ée]e?s?)\s+(?:(?:by|with|par|as follows|comme suit|ainsi)\s*)?(?:(?:the following|la (?:r[ée]daction|phrase|stipulation|disposition) suivante|le texte suivant|les dispositions suivantes|ce qui suit)\s*)?:?\s*[«"“]\s*([^»"”]{30,800})[»"”]/gu);
const WORD = /[\p{L}\d]{3,}/gu;

function supersedeQuotedOriginals(lower: string, sentences: readonly Sentence[], out: Supersession[]): void {
  // Word lists of the sentences, made on first need: most contracts quote no replacement at all.
  const wordsOf = new Map<number, string[]>();
  const words = (s: Sentence) => {
    let list = wordsOf.get(s.index);
    if (!list) {
      list = (s.lower.match(WORD) ?? []).filter((w, i) => i > 0 || !/\d/u.test(w));
      wordsOf.set(s.index, list);
    }
    return list;
  };
  for (const m of lower.matchAll(QUOTED_REPLACEMENT)) {
    const quotedWords = m[1]!.match(WORD) ?? [];
    const quoted = new Set(quotedWords);
    if (quoted.size < 6) continue;
    const opening = quotedWords.slice(0, 3).join(' ');
    const quoteAt = m.index! + m[0].indexOf(m[1]!);
    let best: { sentence: Sentence; score: number } | null = null;
    for (const s of sentences) {
      if (s.end > m.index!) break;
      const ordered = words(s);
      const distinct = new Set(ordered);
      let common = 0;
      for (const w of distinct) if (quoted.has(w)) common++;
      // The same clause rewritten: most words shared, or half of them and the same opening words.
      const score = common / Math.max(quoted.size, distinct.size);
      const sameOpening = ordered.slice(0, 3).join(' ') === opening;
      if ((score >= 0.6 || (score >= 0.4 && sameOpening)) && (!best || score > best.score)) best = { sentence: s, score };
    }
    if (!best || best.sentence.start >= quoteAt) continue;
    const label = /(?:clause|article|section|paragraph|paragraphe|point)\s+([\p{L}\d.]+)/u.exec(lower.slice(Math.max(0, m.index! - 120), m.index))?.[1] ?? '…';
    if (!out.some((o) => o.start === best!.sentence.start)) out.push({ start: best.sentence.start, end: best.sentence.end, article: label.toUpperCase(), by: m.index! });
  }
}

function numberMatches(section: Section, article: string): boolean {
  if (!section.number) return false;
  return section.number.toLowerCase() === article.toLowerCase() && (section.kind === 'article' || section.kind === 'clause');
}

export function findSupersessions(doc: ContractDocument, lower: string = lowerSameLength(doc.text), sentences: readonly Sentence[] = []): Supersession[] {
  const out: Supersession[] = [];
  supersedeQuotedOriginals(lower, sentences, out);
  for (const re of [AMENDS_FR, AMENDS_EN, REPLACES]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) !== null) {
      const article = m[1]!;
      const by = m.index;
      // The replaced article is a section with that number that starts before the amendment
      // and is not itself inside an amendment.
      const amendments = doc.sections.filter((s) => s.kind === 'amendment');
      const insideAmendment = (offset: number) => amendments.some((a) => offset >= a.start && offset < a.end);
      for (const section of doc.sections) {
        if (section.start >= by || !numberMatches(section, article) || insideAmendment(section.start)) continue;
        if (!out.some((o) => o.start === section.start)) out.push({ start: section.start, end: Math.min(section.end, by), article, by });
      }
    }
  }
  DEROGATES.lastIndex = 0;
  let d: RegExpExecArray | null;
  while ((d = DEROGATES.exec(lower)) !== null) {
    const by = d.index;
    // "Notwithstanding clause 1.1 and clause 9.4", "par dérogation aux articles 7.2 et 7.3": every clause named.
    const labels = [d[1]!];
    let tail = lower.slice(d.index + d[0].length, d.index + d[0].length + 120);
    for (let more = MORE_CLAUSES.exec(tail); more !== null; more = MORE_CLAUSES.exec(tail)) {
      labels.push(more[1]!);
      tail = tail.slice(more[0].length);
    }
    for (const label of labels) derogate(label, by);
  }
  function derogate(label: string, by: number): void {
    const section = doc.sections.find((x) => x.start < by && numberMatches(x, label));
    const range = section ? { start: section.start, end: Math.min(section.end, by) } : labelledParagraph(sentences, label, by);
    // Not the derogating clause itself ("7.2 Notwithstanding clause 7 …" sits inside what it names).
    if (!range || (by >= range.start && by < range.end)) return;
    if (!out.some((o) => o.start === range.start)) out.push({ ...range, article: label.toUpperCase(), by, kind: 'derogation' });
  }
  // "Schedule 2 – Traduction de courtoisie (sans valeur contractuelle)", "Annex C (for information only)": not terms.
  for (const section of doc.sections) {
    if (!NON_BINDING.test(section.heading)) continue;
    if (!out.some((o) => o.start === section.start)) out.push({ start: section.start, end: section.end, article: section.heading.slice(0, 60).trim(), by: section.start, kind: 'non-binding' });
  }
  AMENDS_BY_TITLE.lastIndex = 0;
  let t: RegExpExecArray | null;
  while ((t = AMENDS_BY_TITLE.exec(lower)) !== null) {
    const title = t[1]!.trim();
    const titleAt = t.index + t[0].indexOf(t[1]!);
    const original = doc.text.slice(titleAt, titleAt + t[1]!.length).trim();
    const by = t.index;
    for (const section of doc.sections) {
      if (section.start >= by) continue;
      const heading = section.heading.toLowerCase().replace(/^[\s\d.–—-]*(?:article|clause|section)?\s*[\d.]*\s*[–—:.-]?\s*/u, '');
      if (heading === title || heading.startsWith(title)) {
        if (!out.some((o) => o.start === section.start)) out.push({ start: section.start, end: Math.min(section.end, by), article: original, by });
      }
    }
  }
  return out;
}

const PRECEDENCE =
  lowered(/(?:en cas de (?:contradiction|conflit|divergence|incoh[ée]rence|contrari[ée]t[ée])|in (?:the )?(?:event|case) of (?:any )?(?:conflict|inconsistency|discrepancy|contradiction))[^.]{0,250}?\b(?:pr[ée]vau(?:t|dra|dront|lent)|pr[ée]valoir|prime(?:nt|ra)?|l'emporte(?:nt|ra)?|shall (?:prevail|govern|control|take precedence)|prevails?|takes? precedence|will (?:prevail|govern|control))/giu);
const PART_REFERENCE = /\b(annexe|annex|schedule|appendix|exhibit)\s*(?:n[°o]\.?\s*)?([0-9]+|[IVX]+|[A-Z])\b/giu;
const NAMED_PARTS =
  /\b(dpa|data processing (?:agreement|addendum)|accord (?:de|relatif au) (?:sous-traitance|traitement)|plan d'assurance s[ée]curit[ée]|pas\b|security (?:schedule|annex|addendum)|annexe s[ée]curit[ée])/iu;

// "l'Annexe 3 « Plan d'assurance sécurité » prévaut sur le présent CCAP", "Schedule 2 shall prevail over …".
const DIRECT_PREVAIL = lowered(
  /\b(?:annexe|annex|schedule|appendix|exhibit)\s*(?:n[°o]\.?\s*)?([0-9]+|[ivx]+|[a-z])\b[^.;]{0,80}?\b(?:pr[ée]vau(?:t|dra|dront|lent)|prime(?:nt|ra)?\s+sur|l'emporte(?:nt|ra)?|shall (?:prevail|govern|control|take precedence)|prevails?|takes? precedence|will (?:prevail|govern|control))/giu);

/** Finds which annexes prevail over the body. */
export function findPrecedence(doc: ContractDocument, lower: string = lowerSameLength(doc.text)): Precedence {
  PRECEDENCE.lastIndex = 0;
  const annexes = doc.sections.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === 'annex');
  let m: RegExpExecArray | null;
  DIRECT_PREVAIL.lastIndex = 0;
  while ((m = DIRECT_PREVAIL.exec(lower)) !== null) {
    const number = m[1]!.toUpperCase();
    // Not "… prévaut sur l'annexe 3": the annex named is the subject of the verb.
    if (/\bsur\s*$|\bover\s*$/iu.test(doc.text.slice(Math.max(0, m.index - 10), m.index))) continue;
    const hit = annexes.find(({ s }) => (s.number ?? '').toUpperCase() === number);
    if (hit) return { prevailing: [hit.i], at: m.index };
  }
  while ((m = PRECEDENCE.exec(lower)) !== null) {
    const clause = m[0];
    // "la présente annexe prévaut" / "this Schedule shall prevail": the annex holding the clause.
    const self = /(?:la pr[ée]sente annexe|le pr[ée]sent (?:accord|avenant)|this (?:schedule|annex|appendix|exhibit|dpa|addendum))/iu.test(clause);
    if (self) {
      const holder = annexes.filter(({ s }) => m!.index >= s.start && m!.index < s.end).pop();
      if (holder) return { prevailing: [holder.i], at: m.index };
    }
    // The part named just before the verb wins ("…, l'annexe 3 prévaut").
    const refs = [...clause.matchAll(PART_REFERENCE)];
    const last = refs[refs.length - 1];
    if (last && !/sur (?:l'|les?)\s*(?:annexe|contrat)/iu.test(clause.slice((last.index ?? 0) - 8, last.index))) {
      const number = last[2]!.toUpperCase();
      const hit = annexes.find(({ s }) => (s.number ?? '').toUpperCase() === number);
      if (hit) return { prevailing: [hit.i], at: m.index };
    }
    const named = NAMED_PARTS.exec(clause);
    if (named) {
      const hit = annexes.find(({ s }) => NAMED_PARTS.test(s.heading));
      if (hit) return { prevailing: [hit.i], at: m.index };
    }
  }
  return { prevailing: [], at: null };
}
