import type { Language } from '../../document/types.js';
import type { FindingValue, Verdict } from '../../report/schema.js';
import type { DocumentAnalysis } from '../analysis/analyse.js';
import type { Sentence } from '../analysis/sentences.js';
import { reasonPhrase } from '../reasons.js';
import type { CheckContext, CheckOutcome, EvidenceDraft } from '../types.js';

/** One clause a check read as meeting (ok) or half-meeting (weak) the rule. */
export interface Candidate {
  sentence: Sentence;
  /** End of the passage read with the sentence (its continuation, a table after a lead-in); default the sentence's end. */
  end?: number;
  /** Offset of the decisive words (the delay, the amount), for quoting long passages. */
  focus?: number;
  status: Exclude<Verdict, 'missing'>;
  reasons: string[];
  value: FindingValue;
  /** Short description of what the clause says, in the contract's language ("24 h à compter de la détection"). */
  detail: string;
  /** Further passages behind the same reading (an annex row the clause refers to). */
  extra?: EvidenceDraft[];
  /** Higher is better for the client, among candidates of the same status. */
  strength: number;
}

/** A passage that looked relevant but does not qualify, and why (in the contract's language). */
export interface NearMiss {
  sentence: Sentence;
  note: string;
  /** Higher is closer to qualifying. */
  closeness: number;
}

/** A clause is ok when nothing weakens it, else weak with what does. */
export function judged(reasons: string[]): Pick<Candidate, 'status' | 'reasons'> {
  return reasons.length === 0 ? { status: 'ok', reasons: ['meets-threshold'] } : { status: 'weak', reasons };
}

export function pick(lang: Language, fr: string, en: string): string {
  return lang === 'fr' ? fr : en;
}

function rank(c: Candidate): number {
  return (c.status === 'ok' ? 1_000_000 : 0) + c.strength;
}

function sectionLabel(analysis: DocumentAnalysis, sentence: Sentence): string {
  const path = analysis.headingPath(sentence);
  const last = path.split(' > ').pop() ?? '';
  return last.length > 60 ? `${last.slice(0, 57)}…` : last;
}

/**
 * Turns a check's candidates and near-misses into its outcome:
 * superseded clauses give way to their amendment, a prevailing annex wins a
 * conflict, otherwise the clause stronger for the client stands and the
 * others that disagree are shown as conflicts.
 */
export function decide(
  context: CheckContext,
  candidates: Candidate[],
  nearMisses: NearMiss[],
  texts: { title: { fr: string; en: string }; searched: { fr: string; en: string } },
): CheckOutcome {
  const { analysis, lang } = context;
  const superseded: EvidenceDraft[] = [];
  const standing = candidates.filter((c) => {
    const by = analysis.supersededAt(c.sentence.start);
    if (!by) return true;
    superseded.push({
      start: c.sentence.start,
      end: c.sentence.end,
      role: 'superseded',
      note:
        by.kind === 'non-binding'
          ? pick(lang, `Sans valeur contractuelle (« ${by.article} »).`, `No contractual force ("${by.article}").`)
          : by.kind === 'unselected'
            ? pick(lang, `Option non cochée au bon de commande (« ${by.article} »).`, `Option not ticked in the order form ("${by.article}").`)
          : by.kind === 'refused'
            ? pick(lang, `Exigence refusée par le prestataire dans sa matrice de conformité (« ${by.article} »).`, `Requirement refused by the supplier in its compliance matrix ("${by.article}").`)
          : by.kind === 'derogation'
            ? pick(lang, `Écarté (« ${by.article} ») par une clause dérogatoire.`, `Set aside ("${by.article}") by a derogating clause.`)
            : pick(lang, `Remplacé (« ${by.article} ») par un avenant.`, `Replaced ("${by.article}") by an amendment.`),
    });
    return false;
  });
  const title = texts.title[lang];

  if (standing.length === 0) {
    const near = [...nearMisses].sort((a, b) => b.closeness - a.closeness)[0];
    const evidence: EvidenceDraft[] = [...superseded];
    let message = pick(lang, `${title} : aucune clause trouvée.`, `${title}: no clause found.`);
    if (near) {
      evidence.push({ start: near.sentence.start, end: near.sentence.end, role: 'near-miss', note: near.note });
      const where = sectionLabel(analysis, near.sentence);
      message += pick(
        lang,
        ` Passage le plus proche${where ? ` (${where})` : ''} écarté : ${near.note}`,
        ` Nearest passage${where ? ` (${where})` : ''} rejected: ${near.note}`,
      );
    } else if (superseded.length) {
      message += pick(lang, ' La clause initiale a été supprimée par avenant.', ' The original clause was deleted by an amendment.');
    }
    return {
      status: 'missing',
      reasons: ['no-clause'],
      message,
      value: null,
      evidence,
      searched: texts.searched[lang],
    };
  }

  const prevailing = standing.filter((c) => analysis.prevailsAt(c.sentence.start));
  const pool = prevailing.length ? prevailing : standing;
  const best = [...pool].sort((a, b) => rank(b) - rank(a) || a.sentence.start - b.sentence.start)[0]!;
  // A clause that disagrees: not a passing mention that merely lacks a figure next to a complete clause.
  const INCOMPLETE = new Set(['no-figure', 'no-coordinates', 'no-amount', 'generic-support-only', 'no-clause']);
  const conflicts = standing.filter(
    (c) => c !== best && c.status !== best.status && !(best.status === 'ok' && c.reasons.every((r) => INCOMPLETE.has(r))),
  );
  const reasons = [...best.reasons];
  if (conflicts.length && !reasons.includes('conflicting-clauses')) reasons.push('conflicting-clauses');
  // A requirement the supplier refused in a compliance matrix that prevails over the body ("Schedule 2 shall
  // prevail"): the body's clause restates what the supplier declined; it cannot stand as fine.
  const refusedInPrevailing = candidates.find((c) => analysis.supersededAt(c.sentence.start)?.kind === 'refused' && analysis.prevailsAt(c.sentence.start));
  let status = best.status;
  if (refusedInPrevailing && status === 'ok') {
    status = 'weak';
    reasons.splice(0, reasons.length, 'conflicting-clauses');
    conflicts.push(refusedInPrevailing);
  }

  const evidence: EvidenceDraft[] = [
    { start: best.sentence.start, end: best.end ?? best.sentence.end, role: 'basis', ...(best.focus !== undefined ? { focus: best.focus } : {}) },
    ...(best.extra ?? []),
    ...conflicts.slice(0, 3).map((c) => ({
      start: c.sentence.start,
      end: c.end ?? c.sentence.end,
      role: 'conflict' as const,
      note: c === refusedInPrevailing
        ? pick(lang, "Exigence refusée par le prestataire dans la matrice de conformité, qui prévaut sur le corps du contrat.", 'Requirement refused by the supplier in the compliance matrix, which prevails over the body.')
        : pick(
        lang,
        prevailing.length ? `Autre lecture (${c.detail}) : l'annexe qui prévaut l'emporte.` : `Autre lecture (${c.detail}) : la clause la plus protectrice l'emporte.`,
        prevailing.length ? `Other reading (${c.detail}): the prevailing schedule wins.` : `Other reading (${c.detail}): the stronger clause wins.`,
      ),
    })),
    ...superseded,
  ];

  const weakReasons = (status === best.status ? best.reasons : reasons).filter((r) => r !== 'meets-threshold');
  const message =
    status === 'ok'
      ? pick(lang, `${title} : ${best.detail} — conforme.`, `${title}: ${best.detail} — meets the rule.`)
      : pick(
          lang,
          `${title} : ${best.detail} — insuffisant : ${weakReasons.map((r) => reasonPhrase(r, lang)).join(' ; ')}.`,
          `${title}: ${best.detail} — weak: ${weakReasons.map((r) => reasonPhrase(r, lang)).join('; ')}.`,
        );
  return { status, reasons, message, value: best.value, evidence };
}

/** Regex test on a sentence and its lead-in. */
export function mentionsIn(sentence: Sentence, re: RegExp): boolean {
  return re.test(sentence.lower) || (sentence.leadIn !== null && re.test(sentence.leadIn));
}

/**
 * What a lead-in ending with ':' introduces: the list items or table rows
 * that follow, up to the next heading — a PDF table arrives as plain lines.
 */
export function introduced(analysis: DocumentAnalysis, sentence: Sentence, maxLines = 12): Sentence[] {
  if (!/:\s*$/.test(sentence.text)) return [];
  const out: Sentence[] = [];
  for (let i = sentence.index + 1; i < analysis.sentences.length; i++) {
    const next = analysis.sentences[i]!;
    if (next.line - sentence.line > maxLines) break;
    if (next.heading && next.section !== sentence.section && /^(?:article|art\.|annex|schedule|appendix|\d+(?:\.\d+)*\s)/iu.test(next.text)) break;
    if (/^\d+(?:\.\d+)+\s/.test(next.text) && next.line !== sentence.line) break; // the next numbered clause
    // A prose paragraph ends a table: rows are short, a paragraph is a long sentence.
    if (out.length > 0 && next.line !== sentence.line && next.text.split(/\s+/).length > 24 && /[.;]$/.test(next.text)) break;
    out.push(next);
  }
  return out;
}

/** The sentences that follow `sentence` in the same line (paragraph), up to `max`. */
export function followers(analysis: DocumentAnalysis, sentence: Sentence, max = 2): Sentence[] {
  const out: Sentence[] = [];
  for (let i = sentence.index + 1; i < analysis.sentences.length && out.length < max; i++) {
    const next = analysis.sentences[i]!;
    if (next.line !== sentence.line) break;
    out.push(next);
  }
  return out;
}

/**
 * The answer to a question of a questionnaire ("Délai de notification d'un incident ? | R : 24 h ouvrées"): the
 * sentences after it, on its line or the next, that complete it. Empty when `sentence` asks nothing.
 */
export function answersTo(analysis: DocumentAnalysis, sentence: Sentence, max = 3): Sentence[] {
  if (!/\?\s*$/.test(sentence.text)) return [];
  const out: Sentence[] = [];
  for (let i = sentence.index + 1; i < analysis.sentences.length && out.length < max; i++) {
    const next = analysis.sentences[i]!;
    if (next.leadIn === null || next.line > sentence.line + 1 || /\?\s*$/.test(next.text)) break;
    out.push(next);
  }
  return out;
}

/** The article (or annex) holding a section: the outermost numbered ancestor below a document title. */
export function articleOf(context: CheckContext, index: number): number | null {
  if (index < 0) return null;
  const sections = context.doc.sections;
  let current = index;
  while (true) {
    const parent = sections[current]!.parent;
    if (parent === null || parent < 0) return current;
    // Stop below a title or a part that spans most of the document.
    const p = sections[parent]!;
    if (p.kind === 'annex' || p.end - p.start > context.doc.text.length * 0.5) return current;
    if (sections[current]!.kind === 'article' || sections[current]!.kind === 'annex') return current;
    current = parent;
  }
}
