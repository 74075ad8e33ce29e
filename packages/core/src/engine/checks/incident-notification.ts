import { findDurations, type DurationMention } from '../../language/durations.js';
import { DISCRETION, EFFORTS, OPTION_CONDITION, PLACEHOLDER, SCOPE_EXCLUSION, VAGUE_DELAY } from '../../language/hedges.js';
import { NARROWS, type DocumentAnalysis } from '../analysis/analyse.js';
import { isNegated, recipientAfter, whoIsBound } from '../analysis/obligations.js';
import { lowerSameLength, runInTitleEnd, type Sentence } from '../analysis/sentences.js';
import { lowered } from '../../language/lowered.js';
import type { Check, CheckContext, EvidenceDraft } from '../types.js';
import { answersTo, decide, judged, followers, introduced, pick, type Candidate, type NearMiss } from './common.js';
import {
  NOTIFY,
  SECURITY_EVENT,
  PERSONAL_DATA_EVENT,
  NON_SECURITY_INCIDENT,
  BARE_INCIDENT,
  NEW_BARE_INCIDENT,
  SECURITY_CONTEXT,
  MAJOR_ONLY,
  CLOCK_DETECTION,
  CLOCK_CONFIRMATION,
  OTHER_OBLIGATION,
  SUPPORT_CONTEXT,
  AUTHORITY_RECIPIENT,
  AUTHORITY_LATER,
  CLIENT_AS_RECIPIENT,
  PERIODIC_REPORT,
  PERSONAL_ONLY_SAID,
  WARNS_SOMEONE,
  ACTUAL_HARM_ONLY,
  RIGHT_TO_BE_TOLD,
  DOUBLE_NEGATIVE,
  INVESTIGATION_ESCAPE,
  CLOCK_REQUEST,
  NEXT_BUSINESS_DAY,
  LAW_CONDITION,
  CLIENT_RECIPIENT_WORDS,
  NON_INCIDENT_OBJECT,
  CLOCK_PHRASE,
  WAITS_FOR_ANALYSIS,
  CONFIRMED_ONLY,
  TIER,
  NARROWING,
  AVAILABILITY_ONLY,
  CIA,
} from './incident-lexicon.js';

/**
 * incident-notification: the supplier must tell the client of a security
 * incident within the threshold (48 h by default), counted from detection.
 * Read: who notifies whom, about what, within what, from when, and how firmly.
 */

/** True when the notice uses a defined incident term whose definition is narrow ("… ayant entraîné une indisponibilité de plus de 4 heures"). */
function narrowedByDefinition(analysis: DocumentAnalysis, lower: string): boolean {
  return narrowIncidentTerms(analysis).some((term) => lower.includes(term));
}

const narrowTerms = new WeakMap<DocumentAnalysis, string[]>();

/** The document's defined incident terms whose definition is narrow, found once per document. */
function narrowIncidentTerms(analysis: DocumentAnalysis): string[] {
  let terms = narrowTerms.get(analysis);
  if (!terms) {
    terms = analysis
      .definedTerms()
      .filter(({ term, body }) => /incident|breach|violation|atteinte/u.test(term) && (NARROWING.test(body) || (AVAILABILITY_ONLY.test(body) && !CIA.test(body))))
      .map(({ term }) => term);
    narrowTerms.set(analysis, terms);
  }
  return terms;
}

const EVENT_NAME = /event|[ée]v[ée]nement|alert|notifiable|signalable|occurrence|situation/u;
const incidentTermsByDoc = new WeakMap<DocumentAnalysis, Array<{ term: string; personal: boolean }>>();

function incidentTerms(analysis: DocumentAnalysis): string[] {
  incidentContext(analysis, '');
  return incidentTermsByDoc.get(analysis)!.map((t) => t.term);
}

// What widens a privacy-named event to the systems themselves: "any Security Incident", "the Services or systems".
const SYSTEMS_SCOPE = lowered(/incidents? de s[ée]curit[ée]|security incidents?|syst[èe]mes?|systems?|infrastructures?|r[ée]seaux?|networks?|services?|plate-?formes?|platforms?|applications?/iu);

/**
 * A defined event about personal data only: its body names no security event beyond personal data, or its name
 * is a privacy one ("Privacy Breach" means unauthorised access to Patient Identity Data) and its body does not
 * reach the systems. Unauthorised access to personal data is still a personal-data breach.
 */
function personalOnlyDefinition(term: string, body: string): boolean {
  const head = body.slice(0, 200);
  if (!SECURITY_EVENT.test(head.replace(new RegExp(PERSONAL_DATA_EVENT.source, 'g'), ' '))) return true;
  return PERSONAL_DATA_EVENT.test(term) && !SYSTEMS_SCOPE.test(head);
}

/** `text` with the contract's defined incident terms spelled out ("Notifiable Event" → "security incident"). */
function incidentContext(analysis: DocumentAnalysis, text: string): string {
  let terms = incidentTermsByDoc.get(analysis);
  if (!terms) {
    terms = analysis
      .definedTerms()
      // Only terms that name an event ("Notifiable Event", « Événement de sécurité »), defined by one at once.
      .filter((d) => !ANY_INCIDENT.test(d.term) && EVENT_NAME.test(d.term) && (SECURITY_EVENT.test(d.body.slice(0, 100)) || PERSONAL_DATA_EVENT.test(d.body.slice(0, 100))))
      .map((d) => ({ term: d.term, personal: personalOnlyDefinition(d.term, d.body) }));
    incidentTermsByDoc.set(analysis, terms);
  }
  let out = text;
  for (const { term, personal } of terms) if (out.includes(term)) out += personal ? ' personal data breach' : ' security incident';
  return out;
}

/**
 * "Le Titulaire héberge le DPI, le PACS et la messagerie. Il notifie tout incident affectant la
 * messagerie …": the notice covers one of several systems named just before it.
 */
function oneOfSeveralSystems(analysis: DocumentAnalysis, sentence: Sentence, afterVerb: string): boolean {
  const only = /(?:affectant|concernant|touchant|affecting|relating to|concerning|in respect of)\s+(?:uniquement |exclusivement |seulement |only )/iu.test(afterVerb);
  if (only) return true;
  const target = /(?:affectant|concernant|touchant|affecting|relating to|concerning)\s+(?:la |le |les |l'|the )?([\p{L}-]{3,}(?:\s+[\p{L}-]{3,})?)/iu.exec(afterVerb)?.[1]?.toLowerCase();
  if (!target) return false;
  const before = analysis.sentences.filter((s) => s.line === sentence.line && s.end <= sentence.start).map((s) => s.lower).join(' ');
  const list = /((?:(?:le |la |les |l'|the )?[\p{L}' -]{2,40},\s*)+(?:le |la |les |l'|the )?[\p{L}' -]{2,40}\s+(?:et|and)\s+(?:le |la |les |l'|the )?[\p{L}' -]{2,40})/iu.exec(before);
  return list !== null && list[1]!.includes(target.split(/\s+/)[0]!);
}

/** The clause of `text` holding a duration: between separators ';', '. ', ', and/et …'. */
function clauseAround(text: string, d: DurationMention): string {
  // Table rows appended to a lead-in meet at "| |": each row is its own clause.
  const separators = /;|\.\s|,\s+(?:and|et|puis|then|but|mais)\s+|\|\s*\|/giu;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(separators)) {
    if (m.index! + m[0].length <= d.start) from = m.index! + m[0].length;
    else if (m.index! >= d.end) {
      to = m.index!;
      break;
    }
  }
  return text.slice(from, to).toLowerCase();
}

/** True when the delay runs only once the incident is confirmed or analysed. */
function clockStartsLate(text: string, chosen: DurationMention | null): boolean {
  if (chosen) {
    const after = text.slice(chosen.end, chosen.end + 160);
    if (CLOCK_PHRASE.test(after)) {
      // The event clause: up to the next comma or semicolon ("… suivant sa détection, par appel … confirmé par écrit").
      // "… within 4 hours of detection and confirms in writing within 24 hours": the next duty starts a new clause.
      const event = after.split(/[,;.]|\s(?:and|et|puis|then|followed by|suivie? d[eu'])\s/u)[0]!;
      if (CLOCK_CONFIRMATION.test(event) || WAITS_FOR_ANALYSIS.test(event) || CLOCK_REQUEST.test(event.toLowerCase())) return true;
      if (CLOCK_DETECTION.test(event)) return false;
    }
  }
  return WAITS_FOR_ANALYSIS.test(text);
}

interface Trigger {
  at: number;
  end: number;
}

// A bare participle ("un préavis … notifié par courriel") describes a thing; it binds nobody.
// The stems of every NOTIFY form, as plain literals: most sentences are rejected without running NOTIFY.
// Without 'u': plain letters scan faster in non-Unicode mode.
const NOTIFY_STEMS = /notif|intimat|inform|avert|alert|signal|pr[ée]v(?:ie|e|i)n|d[ée]clar|connaissance|remont|notice|report|advis|avis|tell/;
const PARTICIPLE = lowered(/^(?:notifiée?s?|informée?s?|signalée?s?|notified|informed|reported|advised)$/iu);
const AUXILIARY_BEFORE = lowered(/(?:\b(?:est|sont|soit|soient|sera|seront|serait|être|etre|été|ete|étant|etant|is|are|be|been|being|was|were)\s+(?:\p{L}+\s+){0,2})$/iu);
// Things a passive notice is about when it is not an incident ("toute modification … étant notifiée").
const OTHER_NOTICE_SUBJECT =
  // (?<![\p{L}]) rather than \b: \b sees a boundary after an accented letter ("télé|maintenance").
  lowered(/(?<![\p{L}])(?:modifications?|changements?|changes?|mises? [àa] jour|updates?|factures?|invoices?|prix|prices?|tarifs?|versions?|releases?|maintenances?|interventions?|plannings?|dates?|r[ée]siliations?|terminations?|suspensions?|correspondants?|contacts?|coordonn[ée]es)(?![\p{L}])/iu);
const ANY_INCIDENT = lowered(/incidents?|security events?|[ée]v[ée]nements? de s[ée]curit[ée]|breach(?:es)?|violations?|compromi\p{L}*|intrusions?|attaques?|attacks?|failles?|fuites?|leaks?|ran[çc]ongiciels?|ransomware|malware|piratages?/iu);

/** A notify verb speaks of an incident only if one is named near it, and a passive one only if its subject is not something else. */
function aboutIncident(text: string, at: number, verb: string, context: string, terms: string[]): boolean {
  const window = text.slice(Math.max(0, at - 200), at + verb.length + 150);
  if (!ANY_INCIDENT.test(window) && !terms.some((t) => window.includes(t)) && !ANY_INCIDENT.test(context)) return false;
  const passive = PARTICIPLE.test(verb);
  if (passive) {
    const before = text.slice(Math.max(0, at - 90), at);
    const other = OTHER_NOTICE_SUBJECT.exec(before);
    if (other && !ANY_INCIDENT.test(before.slice(other.index))) return false;
  }
  return true;
}

/**
 * Notify verbs about an incident in `lower`, a lower-cased sentence. `context` is what the sentence completes
 * (a list lead-in "where the Contractor becomes aware of a Notifiable Event it shall:"), with the contract's
 * defined incident terms replaced by "incident".
 */
function triggers(lower: string, context = '', terms: string[] = []): Trigger[] {
  const text = lower;
  if (!NOTIFY_STEMS.test(text)) return [];
  // Every trigger needs an incident named near it (aboutIncident): none in the whole sentence, none at all.
  if (!ANY_INCIDENT.test(text) && !terms.some((t) => text.includes(t)) && !ANY_INCIDENT.test(context)) return [];
  NOTIFY.lastIndex = 0;
  // "E2 – Alerte. Le Fournisseur prévient …": the title's word is no notice.
  const titleEnd = runInTitleEnd(text);
  return [...text.matchAll(NOTIFY)]
    .filter((m) => m.index! >= titleEnd)
    // "prévenir sa récurrence", "prévenir les risques": to prevent, not to warn; one warns a party or a person.
    .filter((m) => !/^pr[ée]v/u.test(m[0]) || WARNS_SOMEONE.test(text.slice(m.index! + m[0].length, m.index! + m[0].length + 60)) || /\b(?:vous|nous|le|la|les|l'|lui|leur|te|me)\s*$/u.test(text.slice(Math.max(0, m.index! - 8), m.index)))
    .filter((m) => !PARTICIPLE.test(m[0]) || AUXILIARY_BEFORE.test(text.slice(Math.max(0, m.index! - 40), m.index)))
    .filter((m) => aboutIncident(text, m.index!, m[0], context, terms))
    // "en cas de dépassement du délai de notification", "late notification": a sanction, not the duty.
    .filter((m) => !/(?:d[ée]lai|retard|d[ée]passement|absence|d[ée]faut|manquement|late|delayed|failure to|failed to|breach of)\s+(?:de\s+|du\s+|des\s+|dans\s+(?:la\s+|les\s+)?|d'|of\s+|to\s+)?(?:(?:la|le|the)\s+)?$/u.test(text.slice(Math.max(0, m.index! - 40), m.index)))
    .map((m) => ({ at: m.index!, end: m.index! + m[0].length }));
}

/** The durations that belong to the notification in `text` (closest after a notify verb, or clause-initial). */
function notificationDurations(text: string, notifyAt: number[], lang: 'fr' | 'en'): DurationMention[] {
  const durations = findDurations(text, lang).filter((d) => d.unit !== 'month' && d.unit !== 'year');
  OTHER_OBLIGATION.lastIndex = 0;
  const others = [...lowerSameLength(text).matchAll(OTHER_OBLIGATION)].map((m) => m.index!);
  return durations.filter((d) => {
    const lastNotify = Math.max(-1, ...notifyAt.filter((n) => n < d.start));
    const lastOther = Math.max(-1, ...others.filter((o) => o < d.start));
    if (lastNotify >= 0 && lastNotify >= lastOther) return true;
    // A delay before the verb counts only when none follows it ("Dans les 24 heures suivant la détection, le Titulaire notifie").
    if (durations.some((x) => x.start > d.end && notifyAt.some((n) => n < x.start))) return false;
    // "Dans les 24 heures suivant la détection, le Titulaire notifie …": duration before the verb, same clause.
    const nextNotify = notifyAt.find((n) => n > d.end);
    if (nextNotify !== undefined && nextNotify - d.end < 100 && !/[;.]/.test(text.slice(d.end, nextNotify)) && (lastOther < 0 || lastOther < lastNotify)) return true;
    return false;
  });
}

interface Reading {
  sentence: Sentence;
  text: string; // sentence plus followers that continue it
  end: number; // where that text ends in the document
  /** Where rows introduced by a lead-in start in `text` ("within the following maximum periods:"), if any. */
  tableFrom?: number;
  notifyAt: number[];
}

function describeDelay(d: DurationMention | null, lang: 'fr' | 'en', text: string): string {
  // Name the vague wording the contract uses instead of a figure ("sans délai", "without undue delay").
  const vague = d ? null : VAGUE_DELAY.exec(text)?.[0];
  if (vague) return pick(lang, `notification « ${vague} », sans délai chiffré`, `notice "${vague}", without a figure`);
  if (!d) return pick(lang, 'notification sans délai chiffré', 'notice without a figure');
  return pick(lang, `notification sous « ${d.text} »`, `notice within "${d.text}"`);
}

function readCandidate(context: CheckContext, reading: Reading): { candidate?: Candidate; nearMiss?: NearMiss } {
  const { analysis, rule } = context;
  const lang = context.lang;
  const { sentence, text } = reading;
  const lower = text.toLowerCase();
  const maxHours = rule.thresholds.maxHours ?? 48;
  const heading = analysis.headingPath(sentence);

  // "personal data breach" contains "data breach": judge the security wording without it.
  // A list item is read with its lead-in ("… aware of a Notifiable Event it shall: (a) notify …"), and a defined
  // term whose definition is a security event ("Notifiable Event" means any unauthorised access…) stands for one.
  const topic = `${incidentContext(analysis, sentence.leadIn ?? '')} ${lower}`;
  const withoutPersonal = topic.replace(new RegExp(PERSONAL_DATA_EVENT.source, 'gu'), ' ');
  const security = SECURITY_EVENT.test(withoutPersonal);
  const personal = PERSONAL_DATA_EVENT.test(topic);
  const bare = BARE_INCIDENT.test(withoutPersonal);
  const securitySection = SECURITY_CONTEXT.test(heading);
  const otherIncident = (NON_SECURITY_INCIDENT.test(lower) || NON_SECURITY_INCIDENT.test(heading)) && !security && !personal;
  if (otherIncident || (!security && !personal && !(bare && (securitySection || SECURITY_CONTEXT.test(lower))))) {
    if (bare && SUPPORT_CONTEXT.test(lower + ' ' + heading))
      return {
        nearMiss: {
          sentence,
          note: pick(lang, "il s'agit d'un délai de support ou d'intervention, pas d'une notification d'incident de sécurité.", 'it is a support or repair time, not a security-incident notice.'),
          closeness: 2,
        },
      };
    return {};
  }

  const first = reading.notifyAt[0]!;
  const object = text.slice(first, first + 160);
  // "déclare les incidents graves … au CERT Santé", "reports such breaches to the supervisory authority": the
  // recipient after the object is an authority, and the client is no recipient at all.
  const objectLower = lower.slice(first, first + 160);
  const authorityLater = AUTHORITY_LATER.exec(objectLower);
  if (
    (AUTHORITY_RECIPIENT.test(object) && !CLIENT_RECIPIENT_WORDS.test(object.slice(0, 60))) ||
    (authorityLater && !CLIENT_AS_RECIPIENT.test(objectLower.slice(0, authorityLater.index + 80)) && !CLIENT_RECIPIENT_WORDS.test(object.slice(0, 40)))
  ) {
    return {
      nearMiss: {
        sentence,
        note: pick(lang, "c'est une déclaration aux autorités (CNIL, ARS, ANSSI), pas une notification au client.", 'it is a report to the authorities, not a notice to the client.'),
        closeness: 3,
      },
    };
  }
  if (NON_INCIDENT_OBJECT.test(object)) return {};
  const bound = whoIsBound(sentence, first, analysis.parties, { recipientMatters: true, sectionHeading: heading });
  // "Supplier shall require each Subprocessor to notify Supplier": a notice to the supplier reaches no client.
  if (recipientAfter(text, first, analysis.parties) === 'supplier') bound.role = 'other';
  // "L'Établissement a le droit d'être informé de tout incident", "The Institution shall be entitled to be informed":
  // the client is the one told, so the other party is the one bound to tell.
  // "The Supplier is entitled to be informed by the Customer": the supplier is the one told, the client is bound.
  if (RIGHT_TO_BE_TOLD.test(lower.slice(Math.max(0, first - 60), first))) {
    if (bound.role === 'client') bound.role = 'supplier';
    else if (bound.role === 'supplier') bound.role = 'client';
  }
  if (bound.role === 'client' || bound.role === 'other') {
    return {
      nearMiss: {
        sentence,
        note: pick(
          lang,
          bound.role === 'client' ? "c'est une obligation du client, pas du prestataire." : "c'est l'obligation d'un tiers, pas du prestataire envers le client.",
          bound.role === 'client' ? "it binds the client, not the supplier." : 'it binds a third party, not the supplier towards the client.',
        ),
        closeness: 5,
      },
    };
  }
  if (isNegated(text.slice(0, first), lang) && !DOUBLE_NEGATIVE.test(lower)) {
    return {
      nearMiss: { sentence, note: pick(lang, "la phrase exclut l'obligation (tournure négative).", 'the sentence rules the obligation out (negation).'), closeness: 4 },
    };
  }

  const reasons: string[] = [];
  const extra: EvidenceDraft[] = [];
  // Language of the clause's own words, for its figures (asked only of a clause that stands).
  const textLang = analysis.languageOfText(reading.text, reading.sentence.start);
  let durations = notificationDurations(text, reading.notifyAt, textLang);
  if (reading.tableFrom !== undefined) {
    // Every delay in the table the lead-in introduces is a notification delay.
    const rows = findDurations(text.slice(reading.tableFrom), textLang)
      .filter((d) => d.unit !== 'month' && d.unit !== 'year')
      .map((d) => ({ ...d, start: d.start + reading.tableFrom!, end: d.end + reading.tableFrom! }));
    durations = [...durations.filter((d) => d.start < reading.tableFrom!), ...rows];
  }
  if (durations.length === 0) {
    // "within the Notification Window", "dans le Délai de Notification": the figure is in the term's definition.
    for (const d of analysis.definedTerms()) {
      if (!/d[ée]lai|p[ée]riode|period|window|time|dur[ée]e/u.test(d.term) || !lower.includes(d.term)) continue;
      const found = findDurations(d.body, analysis.languageOf(d.sentence)).filter((x) => x.unit !== 'month' && x.unit !== 'year');
      if (found.length) {
        // Placed where the clause names the term, so the clause around it is read as the delay's.
        const at = lower.indexOf(d.term);
        durations = found.map((x) => ({ ...x, start: at, end: at + d.term.length }));
        extra.push({ start: d.sentence.start, end: d.sentence.end, role: 'basis', note: pick(lang, 'Délai fixé par la définition du terme employé.', 'Delay set by the definition of the term used.') });
        break;
      }
    }
  }
  if (durations.length === 0) {
    const ref = analysis.referencedSection(sentence);
    if (ref === 'unresolved') reasons.push('unresolved-reference');
    else if (ref) {
      // Look in the referenced annex for a row or sentence about notifying incidents.
      for (const s of analysis.sentences) {
        if (s.start < ref.section.start || s.start >= ref.section.end) continue;
        if (!(SECURITY_EVENT.test(s.lower) || PERSONAL_DATA_EVENT.test(s.lower) || /notif|incident|alert/i.test(s.lower))) continue;
        const found = findDurations(s.text, analysis.languageOf(s)).filter((d) => d.unit !== 'month' && d.unit !== 'year');
        if (found.length) {
          durations = found;
          extra.push({ start: s.start, end: s.end, role: 'basis', note: pick(lang, 'Délai fixé par l’annexe à laquelle renvoie la clause.', 'Delay set by the schedule the clause refers to.') });
          break;
        }
      }
      if (!durations.length) reasons.push('unresolved-reference');
    }
  }

  let chosen: DurationMention | null = null;
  const placeholders = durations.filter((d) => d.placeholder || d.amount === null);
  const concrete = durations.filter((d) => !d.placeholder && d.hours !== null);
  // A delay for "critical incidents" only does not set the general delay when another one does.
  const general = concrete.filter((d) => !MAJOR_ONLY.test(clauseAround(text, d)));
  const pool = general.length ? general : concrete;
  // Delays by severity ("Severity 1 within one hour; … all other incidents within 24 hours") form a table too.
  const tiers = concrete.filter((d) => TIER.test(clauseAround(text, d)));
  const tableRows =
    reading.tableFrom !== undefined ? concrete.filter((d) => d.start >= reading.tableFrom!) : tiers.length >= 2 && tiers.length === concrete.length ? tiers : [];
  // In a table of delays by severity, every incident must be notified within the longest one.
  if (tableRows.length) chosen = tableRows.reduce((a, b) => (a.hours! >= b.hours! ? a : b));
  else if (pool.length) chosen = pool.reduce((a, b) => (a.hours! <= b.hours! ? a : b));
  else if (placeholders.length) {
    chosen = placeholders[0]!;
    reasons.push('placeholder');
  } else if (PLACEHOLDER.test(lower)) reasons.push('placeholder');

  let value: { hours: number } | null = null;
  if (chosen && chosen.hours !== null && !chosen.placeholder) {
    value = { hours: chosen.hours };
    // "within 24 hours during Business Hours and by the next Business Day otherwise": business time after all.
    if (chosen.dayKind === 'business' || /ouvr[ée]|ouvrables?|business|working/i.test(chosen.text) || NEXT_BUSINESS_DAY.test(lower)) reasons.push('business-time');
    if (chosen.hours > maxHours) reasons.push('delay-over-threshold');
  } else if (!reasons.includes('placeholder') && !reasons.includes('unresolved-reference')) {
    reasons.push('no-figure');
  }

  // "of confirmed Security Incidents", "pour autant que l'incident ait été confirmé": suspected ones wait.
  if (clockStartsLate(text, chosen) || CONFIRMED_ONLY.test(lower)) reasons.push('clock-at-confirmation');
  // "Supplier may notify …", "le Titulaire peut informer …": a permission, not a duty.
  const permissive = /\b(?:may|might|can|peut|pourra|peuvent|pourront)\s+(?:,?\s*(?:at its (?:sole )?option|[àa] sa convenance)\s*,?\s+)?(?:\p{L}+\s+){0,1}$/u.test(lower.slice(Math.max(0, first - 40), first));
  if (DISCRETION.test(lower) || (permissive && !DOUBLE_NEGATIVE.test(lower)) || INVESTIGATION_ESCAPE.test(lower)) reasons.push('discretionary');
  // "within 24 hours where required by applicable law": no notice when the law asks none.
  const lawCondition = LAW_CONDITION.exec(lower.slice(0, first + 200));
  if (lawCondition && !/autorit|authorit|cnil|regulator|ico\b/u.test(lower.slice(lawCondition.index, lawCondition.index + lawCondition[0].length + 80))) reasons.push('conditional');
  if (SCOPE_EXCLUSION.test(lower.slice(first)) || NARROWS.test(lower.slice(first)) || ACTUAL_HARM_ONLY.test(lower.slice(first)) || narrowedByDefinition(analysis, lower) || oneOfSeveralSystems(analysis, sentence, text.slice(first))) reasons.push('scope-narrowed');
  if (EFFORTS.test(lower)) reasons.push('hedged');
  // A list item takes its lead-in's condition: "The following controls apply only to Customers who have purchased
  // the Enterprise Edition: – … logs for twelve (12) months".
  if (OPTION_CONDITION.test(lower) || (sentence.leadIn !== null && OPTION_CONDITION.test(sentence.leadIn))) reasons.push('conditional');
  if (chosen ? MAJOR_ONLY.test(clauseAround(text, chosen)) : MAJOR_ONLY.test(lower)) reasons.push('major-only');
  // A table of delays by priority whose lowest tier is only "presented to the quarterly steering committee":
  // only the higher tiers are notified within a figure.
  else if (reading.tableFrom !== undefined && PERIODIC_REPORT.test(lower.slice(reading.tableFrom))) reasons.push('major-only');
  // "The notification obligation in clause 11.2 applies only to a Major Security Incident": narrowed from elsewhere.
  for (const r of analysis.restrictionsOf(sentence)) {
    if (!/notif|inform|alert|signal|incident|breach|violation/u.test(r.lower)) continue;
    const why = MAJOR_ONLY.test(r.text) ? 'major-only' : PERSONAL_DATA_EVENT.test(r.lower) ? 'personal-data-only' : 'scope-narrowed';
    if (!reasons.includes(why)) reasons.push(why);
  }
  // A bare "incident" or "breach" widens a personal-data notice only where the duty itself names it, not in a run-in title.
  // "containing the breach" points back to the breach just named; "any incident" widens.
  const bareInDuty = NEW_BARE_INCIDENT.test(withoutPersonal.slice(first));
  if (personal && !security && !(bareInDuty && securitySection && !PERSONAL_DATA_EVENT.test(heading))) reasons.push('personal-data-only');
  // "Oui – pour les violations de données à caractère personnel uniquement": said in so many words, whatever else
  // the requirement named.
  else if (PERSONAL_ONLY_SAID.test(lower)) reasons.push('personal-data-only');
  return {
    candidate: {
      sentence,
      ...judged(reasons),
      value,
      detail: describeDelay(chosen, lang, text),
      extra,
      // A clause whose bound party is named beats a table row read by inference; then shorter delays, then any figure.
      strength: (bound.via === 'none' || bound.via === 'section' ? 0 : 100_000) + (value ? 10_000 - value.hours : 0),
      ...(chosen ? { focus: sentence.start + chosen.start } : {}),
    },
  };
}

function readings(analysis: DocumentAnalysis): Reading[] {
  const out: Reading[] = [];
  // triggers() needs a NOTIFY_STEMS word: one scan of the document finds the sentences that have one.
  const mentions = analysis.sentencesWith(NOTIFY_STEMS);
  for (const sentence of analysis.sentences) {
    if (!mentions[sentence.index]) continue;
    // A title ("Niveau de notification des Incidents de sécurité") names a topic; it binds nobody.
    if (analysis.isDefinition(sentence) || (sentence.heading && !/\d/.test(sentence.text))) continue;
    // Same offsets as the text; the lead-in and the contract's defined incident terms count as naming an incident.
    let own = triggers(sentence.lower, sentence.leadIn ? incidentContext(analysis, sentence.leadIn) : '', incidentTerms(analysis));
    // "Le Titulaire informe l'Établissement selon les délais suivants :" and a table whose rows name the incidents.
    if (own.length === 0 && /:\s*$/.test(sentence.text)) {
      const rows = introduced(analysis, sentence, 8).map((s) => s.lower).join(' ');
      if (rows) own = triggers(sentence.lower, incidentContext(analysis, rows), incidentTerms(analysis));
    }
    if (own.length === 0) continue;
    // A notification often spills into the next sentence: "Cette notification intervient sous 24 heures."
    let text = sentence.text;
    let end = sentence.end;
    // A question states no duty; with its answer it does ("… notified to the Trust? Within 24 hours.").
    const answers = answersTo(analysis, sentence);
    if (/\?\s*$/.test(sentence.text) && answers.length === 0) continue;
    for (const answer of answers) {
      text += ' '.repeat(Math.max(1, answer.start - (sentence.start + text.length))) + answer.text;
      end = answer.end;
    }
    for (const next of followers(analysis, sentence)) {
      if (/^(?:cette|cet|ce|such|this|the) (?:notification|information|alerte|signalement|notice|d[ée]lai|alert|report|obligation|engagement|stipulation)|^(?:elle|il|it) (?:est|intervient|doit|shall|must|will)/iu.test(next.text)) {
        text += ' '.repeat(next.start - sentence.end) + next.text;
        end = next.end;
      } else break;
    }
    // "… within the following maximum periods:" and the table of delays after it.
    let tableFrom: number | undefined;
    // "… dans les délais ci-dessous" / "as follows:" and the rows after it, even without a final colon.
    const pointsBelow = /ci-dessous|ci-apr[èe]s|below|as follows|suivants?\s*:|following (?:table|periods|times)/iu.test(sentence.text);
    const rows = pointsBelow && !/:\s*$/.test(sentence.text) ? introduced(analysis, { ...sentence, text: `${sentence.text}:` }, 8) : introduced(analysis, sentence, 8);
    if (rows.length && findDurations(sentence.text).length === 0) {
      tableFrom = text.length;
      for (const row of rows) {
        text += ' '.repeat(Math.max(1, row.start - (sentence.start + text.length))) + row.text;
        end = row.end;
      }
    }
    // What an amendment added to the clause ("The following sentence is added at the end of clause 9.1: …").
    if (tableFrom === undefined) for (const added of analysis.additionsTo(sentence)) text += ` ${added.text}`;
    out.push({ sentence, text, end, notifyAt: own.map((t) => t.at), ...(tableFrom !== undefined ? { tableFrom } : {}) });
  }
  return out;
}

export const incidentNotification: Check = (context) => {
  const candidates: Candidate[] = [];
  const nearMisses: NearMiss[] = [];
  for (const reading of readings(context.analysis)) {
    const { candidate, nearMiss } = readCandidate(context, reading);
    if (candidate) candidates.push({ ...candidate, end: reading.end });
    if (nearMiss) nearMisses.push(nearMiss);
  }
  // Durations that look like a notification delay but sit in a support or repair clause. Near misses only speak
  // when no clause stands, so the document is not scanned for support words otherwise.
  if (nearMisses.length === 0 && candidates.every((c) => context.analysis.supersededAt(c.sentence.start))) {
    const support = context.analysis.sentencesWith(SUPPORT_CONTEXT);
    for (const sentence of context.analysis.sentences) {
      if (!support[sentence.index] || !SUPPORT_CONTEXT.test(sentence.lower)) continue;
      const d = findDurations(sentence.text, context.analysis.languageOf(sentence)).find((x) => x.hours !== null && x.hours <= 72);
      if (d) {
        nearMisses.push({
          sentence,
          note: pick(context.lang, `« ${d.text} » est un délai d'intervention ou de support, pas une notification d'incident de sécurité.`, `"${d.text}" is a repair or support time, not a security-incident notice.`),
          closeness: 1,
        });
        break;
      }
    }
  }
  return decide(context, candidates, nearMisses, {
    title: context.rule.title,
    searched: {
      fr: "une obligation du prestataire de notifier au client les incidents de sécurité dans un délai chiffré à compter de leur détection",
      en: 'a supplier obligation to notify the client of security incidents within a stated time from detection',
    },
  });
};
