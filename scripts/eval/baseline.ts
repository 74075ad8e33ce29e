/**
 * The keyword baseline: what a careful reviewer gets from Ctrl-F alone, so every
 * eval report shows the engine's margin over it.
 *
 * For each rule the reviewer searches topic keywords (French and English), reads
 * the sentence each hit sits in, and looks for a figure in that same sentence:
 *   ok       a sentence with the keywords has a figure that meets the threshold
 *   weak     keywords found, but no sentence with a (good) figure
 *   missing  no keyword at all
 * The reviewer reads figures as well as clausier does (same duration reader) and
 * skips what a search result makes obvious (a licence audit of the client, a
 * figure stated as a maximum for retention, business hours for a 48 h deadline).
 * What Ctrl-F cannot do: tell whose obligation a sentence states, follow an
 * amendment that replaces a clause, notice a negation, a placeholder in an annex,
 * a clock that starts at "confirmation", or a definition that narrows "incident".
 */
import { findDurations, type DurationMention } from '../../packages/core/src/language/durations.js';
import type { FigureValue, RuleOutcome } from './types.js';

export interface BaselineThresholds {
  maxHours: number;
  minMonths: number;
  maxNoticeDays: number;
}

export const DEFAULT_BASELINE_THRESHOLDS: BaselineThresholds = { maxHours: 48, minMonths: 6, maxNoticeDays: 30 };

/** Paragraphs and table rows (one per line), then sentences. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((line) => line.split(/(?<=[.!?;])\s+(?=[\p{Lu}«"(\d])/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

interface Search {
  /** All of these must match the sentence. */
  all: RegExp[];
  /** None of these may match it. */
  none?: RegExp[];
}

const matches = (sentence: string, search: Search) =>
  search.all.every((r) => r.test(sentence)) && !(search.none ?? []).some((r) => r.test(sentence));

/** The verdict from the sentences with the keywords and the first one whose figure is good. */
function conclude(hits: string[], good: { sentence: string; value: FigureValue | null } | undefined, value: FigureValue | null): RuleOutcome {
  if (good) return { status: 'ok', value: good.value, reasons: ['keyword-and-figure'], basisQuotes: [good.sentence] };
  if (hits.length > 0) return { status: 'weak', value, reasons: ['keyword-without-good-figure'], basisQuotes: hits.slice(0, 3) };
  return { status: 'missing', value: null, reasons: ['no-keyword'], basisQuotes: [] };
}

const INCIDENT: Search = {
  all: [
    /incident|violation de (?:donn[ée]es|s[ée]curit[ée])|faille|compromission|intrusion|cyber-?\s?attaque|breach|security event|cyber-?\s?attack/i,
    /notifi|inform|avert|alert|pr[ée]ven|signal|notify|report/i,
  ],
};
const LOGS: Search = {
  all: [/journa(?:l|ux)|\blogs?\b|\blogging\b|\btraces?\b|audit trails?/i, /conserv|retain|retention|\bkept\b|\bkeep|stock|archiv|\bgard/i],
};
const CONTACT: Search = {
  all: [
    /\bRSSI\b|responsable (?:de la )?s[ée]curit[ée]|correspondant(?:e)? (?:de )?s[ée]curit[ée]|r[ée]f[ée]rent(?:e)? (?:de )?s[ée]curit[ée]|contact (?:de )?s[ée]curit[ée]|security (?:officer|contact|manager|lead|team)|\bCISO\b|chief information security/i,
  ],
};
const AUDIT: Search = { all: [/audit/i], none: [/licen[cs]e/i] };
const AUDIT_RIGHT = /\bpeu(?:t|vent)\b|pourr?a|pourront|droit|\bmay\b|\bright\b|entitled|autoris|faire proc[ée]der|diligenter|\bshall permit|\bwill permit|\ballow/i;
const YEARLY = /une fois par an|\bpar an\b|annuel|chaque ann[ée]e|tous les ans|once (?:a|per|each|every) year|\bannual|\bper year|each year|every year|yearly/i;
const PENALTY: Search = {
  all: [/p[ée]nalit|penalt|liquidated damages|service credits?|cr[ée]dits? de service|indemnit[ée]s? forfaitaires?|r[ée]faction/i],
};
const SECURITY_TOPIC = /s[ée]curit|security|incident|notification|confidentialit|violation|breach|vuln[ée]rabilit|correctif|patch|journa|\blogs?\b|audit/i;
const MONEY = /\d[\d\s.,]*\s?(?:€|euros?\b|EUR\b|%|pour ?cent|percent)|[€£$]\s?\d/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /(?:\+\d{1,3}[\s.-]?)?\(?0?\d{1,4}\)?(?:[\s.-]?\d{2,4}){3,5}/;

const durationsIn = (sentence: string, lang: 'fr' | 'en' | undefined): DurationMention[] => findDurations(sentence, lang);

function incidentNotification(sentences: string[], t: BaselineThresholds, lang?: 'fr' | 'en'): RuleOutcome {
  const hits = sentences.filter((s) => matches(s, INCIDENT));
  let firstValue: FigureValue | null = null;
  for (const sentence of hits) {
    for (const d of durationsIn(sentence, lang)) {
      if (d.hours === null) continue;
      firstValue ??= { hours: d.hours };
      if (d.hours <= t.maxHours && d.dayKind !== 'business') return conclude(hits, { sentence, value: { hours: d.hours } }, null);
    }
  }
  return conclude(hits, undefined, firstValue);
}

function logRetention(sentences: string[], t: BaselineThresholds, lang?: 'fr' | 'en'): RuleOutcome {
  const hits = sentences.filter((s) => matches(s, LOGS));
  let firstValue: FigureValue | null = null;
  for (const sentence of hits) {
    for (const d of durationsIn(sentence, lang)) {
      if (d.months === null) continue;
      firstValue ??= { months: d.months };
      if (d.months >= t.minMonths - 0.05 && d.bound !== 'ceiling') return conclude(hits, { sentence, value: { months: d.months } }, null);
    }
  }
  return conclude(hits, undefined, firstValue);
}

function securityContacts(sentences: string[]): RuleOutcome {
  const hits: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (!matches(sentence, CONTACT)) continue;
    hits.push(sentence);
    // A table row may put the coordinates on the next line.
    const around = `${sentence} ${sentences[i + 1] ?? ''}`;
    if (EMAIL.test(around) || PHONE.test(around)) return conclude(hits, { sentence, value: null }, null);
  }
  return conclude(hits, undefined, null);
}

function auditRights(sentences: string[], t: BaselineThresholds, lang?: 'fr' | 'en'): RuleOutcome {
  const hits = sentences.filter((s) => matches(s, AUDIT));
  for (const sentence of hits) {
    if (!AUDIT_RIGHT.test(sentence)) continue;
    const notices = durationsIn(sentence, lang).filter((d) => d.unit === 'day' || d.unit === 'week' || d.unit === 'month');
    const noticeDays = notices.map((d) => (d.hours !== null ? d.hours / 24 : (d.months ?? 0) * 30.4375));
    const goodNotice = noticeDays.some((days) => days <= t.maxNoticeDays);
    const badNotice = noticeDays.some((days) => days > t.maxNoticeDays);
    if ((goodNotice || YEARLY.test(sentence)) && !badNotice) return conclude(hits, { sentence, value: null }, null);
  }
  return conclude(hits, undefined, null);
}

function securityPenalties(sentences: string[]): RuleOutcome {
  const hits = sentences.filter((s) => matches(s, PENALTY));
  const good = hits.find((s) => SECURITY_TOPIC.test(s) && MONEY.test(s));
  return conclude(hits, good ? { sentence: good, value: null } : undefined, null);
}

/** Baseline verdicts by check kind (the rules' `check` in the pack). */
export function keywordBaseline(
  text: string,
  lang?: 'fr' | 'en',
  thresholds: BaselineThresholds = DEFAULT_BASELINE_THRESHOLDS,
): Record<string, RuleOutcome> {
  const sentences = splitSentences(text);
  return {
    'incident-notification': incidentNotification(sentences, thresholds, lang),
    'log-retention': logRetention(sentences, thresholds, lang),
    'security-contacts': securityContacts(sentences),
    'audit-rights': auditRights(sentences, thresholds, lang),
    'security-penalties': securityPenalties(sentences),
  };
}
