import { findDurations, type DurationMention } from '../../language/durations.js';
import { DISCRETION, EFFORTS, OPTION_CONDITION, PLACEHOLDER, SCOPE_EXCLUSION, statesNone, VAGUE_PERIOD } from '../../language/hedges.js';
import { frenchNegationAround, isNegated, whoIsBound } from '../analysis/obligations.js';
import { lowered } from '../../language/lowered.js';
import type { Check, CheckContext, EvidenceDraft } from '../types.js';
import { answersTo, decide, judged, followers, pick, type Candidate, type NearMiss } from './common.js';
import { lowerSameLength, type Sentence } from '../analysis/sentences.js';

/**
 * log-retention: the supplier keeps security, access and administration logs
 * for at least the threshold (6 months by default), available to the client.
 * A maximum ("jusqu'à 3 mois", "no longer than") is not a guaranteed minimum.
 */

const LOGS =
  lowered(/\bjournaux\b|\bjournal (?:des|d'|de )(?:acc[èe]s|connexions?|[ée]v[ée]nements|audit|s[ée]curit[ée]|administration|activit[ée])|journalisation|\blogs?\b|fichiers? (?:de )?logs?|traces? (?:d'acc[èe]s|de connexion|techniques|informatiques|d'audit|d'activit[ée]|de s[ée]curit[ée]|des (?:acc[èe]s|connexions|actions|op[ée]rations))|tra[çc]abilit[ée] des (?:acc[èe]s|actions|connexions)|pistes? d'audit|historiques? des (?:acc[èe]s|connexions|actions)|audit (?:trails?|logs?)|event logs?|access logs?|security logs?|logging records|log (?:files?|data|records)|\btraces\b|\blogging\b|(?:connection|session|access|remote[- ]access) (?:reports?|records?|recordings?|histor(?:y|ies))|rapports? de (?:connexion|session)|journalis\p{L}*|fichiers? de traces?|\bsiem\b|donn[ée]es (?:de connexion|de trafic)|(?:connection|traffic) data|(?:authentication|login|log-in|sign-in|access) events?|[ée]v[ée]nements? (?:d'authentification|de connexion|d'acc[èe]s)|\brecords? of (?:the |all |each |every )?(?:(?:remote|user|users'|administrat\p{L}*|admin|privileged|maintenance|support|technicians?|engineers?|vendor|supplier|and|or|&)[- ]){2,5}(?:sessions?|connections?|access(?:es)?|log-?ins?)|\brecords? of (?:the |all |each |every )?(?:remote |user |administrat\p{L}* |privileged )?(?:sessions?|connections?|access(?:es)?|log-?ins?)|relev[ée]s? des (?:connexions|sessions|acc[èe]s)|enregistrements? des (?:sessions|connexions|acc[èe]s)|\brecord(?:s|ed|ing)? (?:all |every |each |the )?(?:remote |user |users' |administrative |privileged )?(?:sessions?|connections?|log-?ins?|access(?:es)? to|administrative actions?|privileged actions?|admin(?:istrator)?(?:'s|s')? actions?)|enregistr\p{L}* (?:les |toutes les |l'ensemble des )?(?:connexions|sessions|actions d'administration|op[ée]rations d'administration|acc[èe]s)/iu);
// Process and sensor logs ("trend logs of temperatures", "journal des mesures") record the building, not access.
const NOT_LOGS = lowered(/trend logs?|logs? (?:of|de) (?:temp[ée]ratures?|mesures?|measurements?|sensors?|capteurs?|consumption|consommation|energy|[ée]nergie)|data ?logg(?:er|ing)|enregistreurs? de temp[ée]rature|journa(?:l|ux) (?:des|de) (?:mesures|temp[ée]ratures)|journa(?:l|ux) de bord|carnets? de bord|log ?books?|journal officiel|official journal|journal of the european|log-?in\b|login|logging (?:in|on|into)\b/iu);
const RETAIN =
  lowered(/\bconserv\p{L}*|\bgard\p{L}*|\barchiv\p{L}*|\bstock\p{L}*|\bmaint(?:ain|ien)\p{L}*|\bretain\p{L}*|\bretention\b|\bkeep\p{L}*|\bkept\b|\bstor(?:e|ed|es|ing|age)\b|\bpreserv\p{L}*|\bhold\p{L}*|\bdur[ée]e de conservation|\bpurg\p{L}*|\bsupprim\p{L}*|\bdelet\p{L}*|\beffac\p{L}*/iu);
const AVAILABLE =
  lowered(/disposition|copie|obtenir|disclos\p{L}*|divulgu\p{L}*|(?:donn\p{L}*|ouvr\p{L}*|permet\p{L}*) (?:un )?acc[èe]s|accessibles?|communiqu|communicat\p{L}*|\bproduc(?:e|es)\s+(?:the |such |these |those |all |any )?(?:logs?|records?|them)\b(?!\s+(?:by|par)\b)|transm(?:et|is|ett)\p{L}*|transmit\p{L}*|envo[iy]\p{L}*|\bsent to\b|fourni|consult|extraction|export|remet|sur (?:simple )?demande|available|(?:give|grant|provide)s? (?:\p{L}+ )?access|accessible|\bprovide[sd]?\b|\bdeliver|upon (?:request|demand)|on request|\bcopy|\bcopies|\binspect|\bobtain|\bextracts?\b|\bhand(?:s|ed)?(?: over)? to\b|\bremis(?:es)?\b/giu);
const SECURITY_LOG_KIND = /s[ée]curit|security|acc[èe]s|access|admin|connexion|connection|authenti|privil[èe]g|privileg|sign-in|login|log-in|audit/u;
const SHORTER_AT_WILL = lowered(/sauf (?:demande|d[ée]cision|avis|instruction) contraire du (?:titulaire|prestataire|fournisseur|h[ée]bergeur)|unless (?:the )?(?:supplier|provider|contractor|vendor) (?:otherwise )?(?:requests|decides|determines)|(?:such|any) shorter (?:period|time)|(?:toute )?dur[ée]e (?:plus courte|inf[ée]rieure) (?:que|fix[ée]e par|d[ée]cid[ée]e par) (?:le |la |l')?(?:titulaire|prestataire|fournisseur)/iu);
const SUPPLIER_MAY_HAND_OVER = lowered(
  /(?:supplier|provider|contractor|vendor|processor|titulaire|prestataire|fournisseur|h[ée]bergeur|\bwe|\bit|\bil|\belle)\s+(?:may|might|can|peut|pourra)\s+(?:,?\s*(?:at its (?:sole )?discretion|[àa] sa discr[ée]tion|le cas [ée]ch[ée]ant)\s*,?\s*)?(?:les\s+|them\s+|such logs\s+)?(?:provide|make (?:them |such logs )?available|disclose|deliver|share|communiquer|transmettre|remettre|fournir|mettre [àa] (?:la )?disposition)/iu,
);
const ON_QUOTE = lowered(/for a (?:fee|charge|price) to be agreed|at (?:an )?additional (?:cost|charge) to be agreed|sur devis|moyennant (?:un |une )?(?:co[ûu]t|prix|suppl[ée]ment|facturation) (?:[àa] convenir|compl[ée]mentaire)/iu);
// "ne sont communiquées qu'aux autorités judiciaires", "disclosed only to law enforcement": not to the client.
const AUTHORITIES_ONLY = lowered(
  /(?:\bne\s+(?:[\p{L}'’]+\s+){0,3}?qu'(?:aux?|[àa]|sur)|\bonly (?:be )?(?:disclosed |provided |made available |communicated |given |handed over )?to|exclusively to|uniquement aux?|exclusivement aux?|r[ée]serv[ée]e?s? aux?)\s+(?:les\s+|the\s+|des\s+)?(?:comp[ée]tent\s+)?(?:autorit|authorit|juges?\b|judicial|law enforcement|forces de l'ordre|enqu[êe]teurs|officiers? de police|police|r[ée]quisition|requisition)/iu,
);
// "these records", "ces enregistrements": what the previous sentence described (the logs), named again.
const ANAPHORIC_RECORDS =
  /\b(?:these|such|those|the said|ces|lesdit\p{L}*|ceux-ci|celles-ci)\s+(?:\p{L}+\s+)?(?:records?|entries|data|information|events|enregistrements|donn[ée]es|informations|[ée]l[ée]ments|traces|historiques?)\b/u;
// "Il les remet à l'Hôpital", "and makes them available": the logs of the sentence before, as a pronoun.
const LOGS_AS_PRONOUN =
  /\bles\s+(?:remet|transmet|communiqu|met\b|mett|fourni|tient|tiendra|rend|adresse|envoie|exporte)\p{L}*|\b(?:make|makes|provide|provides|deliver|delivers|give|gives|send|sends|hand|hands|export|exports|transmit|transmits)\s+(?:them|these|those|such logs|the same)\b|\bthem (?:available|accessible)\b/u;
// "Logs not made available within five days": a breach a penalty punishes, not a refusal.
const BREACH_DEADLINE = /^\s*(?:to [\p{L} ]{0,30})?\s*(?:within|dans (?:le|les|un) d[ée]lais?|sous \d)/u;
const LOG_HEADING = /journ|\blogs?\b|logging|tra[çc]abilit/u;
const RETAINED_DATA = lowered(/\b(?:retained|stored|kept|logged|archived) (?:data|information|records|entries|events)|(?:donn[ée]es|informations|enregistrements|traces|[ée]v[ée]nements) (?:conserv|archiv|journalis|enregistr)\p{L}*/u);
// Availability words that name a handing-over to the client (their negation withholds the logs).
const HANDING_OVER = /hand|produc|remis|disposition|copie|disclos|divulgu|accessib|communiqu|communicat|transm|envo[iy]|sent to|fourni|remet|available|access|provide|deliver|cop(?:y|ies)|obtain|obtenir/u;
const PENALTY_OR_CONDITION = /p[ée]nalit|penalt|service credits?|\bcredits?\b|\bif\b|\bunless\b|\bin the event\b|\bsi\b|\blorsque\b|\ben cas\b|[àa] d[ée]faut|faute de|failure to|d[ée]faut de/u;
const IF_POSSIBLE = lowered(/dans la limite (?:de la capacit[ée]|des capacit[ée]s|de l'espace|du volume|du stockage)|subject to (?:available |the )?storage (?:capacity|limits?)|within the limits of (?:the )?(?:available |subscribed )?(?:storage|capacity)|si (?:cela est |c'est )?techniquement (?:possible|faisable)|dans la mesure du possible|where technically (?:possible|feasible)|if technically (?:possible|feasible)|to the extent (?:technically )?(?:possible|feasible)/iu);

// Other things kept for a time: what a "6 months" near logs usually is instead.
const OTHER_PERIOD =
  lowered(/pr[ée]avis|r[ée]siliation|notice period|termination|terminate|dossier m[ée]dical|dossiers? (?:patients?|m[ée]dicaux)|medical records?|health records?|factur\p{L}*|invoice\p{L}*|garantie|warranty|paiement|payment|sauvegardes?|backups?|donn[ée]es (?:du client|de l'[ée]tablissement|de sant[ée])|customer (?:data|content)|r[ée]versibilit[ée]|restitution|return of data/iu);

function durationsForRetention(text: string, lang: 'fr' | 'en'): DurationMention[] {
  // Retention periods are months/years/days/weeks; "sous 5 jours" to hand logs over is a deadline, not a retention.
  return findDurations(text, lang).filter((d) => d.bound !== 'deadline' && (d.months !== null || d.placeholder));
}

/** Months as contracts count them: 180 days or 26 weeks make six months. */
function monthsOf(d: DurationMention): number {
  const amount = d.amount ?? 0;
  const months = d.unit === 'day' ? amount / 30 : d.unit === 'week' ? (amount * 7) / 30 : d.months ?? 0;
  return Math.round(months * 100) / 100;
}

function describe(d: DurationMention | null, lang: 'fr' | 'en', text: string): string {
  // Name the vague wording the contract uses instead of a period ("durée appropriée", "commercially reasonable period").
  const vague = d ? null : VAGUE_PERIOD.exec(text)?.[0];
  if (vague) return pick(lang, `journaux conservés pour une « ${vague} », sans durée chiffrée`, `logs kept for "${vague}", without a stated period`);
  if (!d) return pick(lang, 'conservation des journaux sans durée chiffrée', 'logs kept without a stated period');
  return pick(lang, `journaux conservés « ${d.text} »`, `logs kept "${d.text}"`);
}

function read(context: CheckContext, sentence: Sentence, clause: string): { candidate?: Candidate; nearMiss?: NearMiss } {
  const { analysis, rule } = context;
  const lang = context.lang;
  // "• Logs (access, admin, API): 12 m minimum": a labelled line of a security list states the retention,
  // and in such a list "12 m" is twelve months. "• Logs: –", "Journaux : N/A": the list says there are none.
  const label = LOG_LABEL.exec(clause.toLowerCase());
  const textLang = () => analysis.languageOfText(clause, sentence.start);
  const text = label ? clause.replace(/\b(\d{1,3})\s?m\b(?![\p{L}.])/gu, (_, n: string) => `${n} ${textLang() === 'fr' ? 'mois' : 'months'}`) : clause;
  const lower = text.toLowerCase();
  if (label && statesNone(lower.slice(label[0].length))) return {};
  const minMonths = rule.thresholds.minMonths ?? 6;
  // The retention verb that governs the logs: the one nearest the word for logs.
  const logAt = LOGS.exec(lower)?.index ?? 0;
  const retain =
    [...lower.matchAll(RETAINS)].sort((a, b) => Math.abs(a.index! - logAt) - Math.abs(b.index! - logAt))[0] ??
    (label ? (Object.assign([label[0]], { index: 0, input: lower }) as unknown as RegExpExecArray) : undefined);
  if (!retain) return {};
  const heading = analysis.headingPath(sentence);
  const bound = whoIsBound(sentence, retain.index, analysis.parties, { sectionHeading: heading });
  if (bound.role === 'client' || bound.role === 'other') {
    return { nearMiss: { sentence, note: pick(lang, "la conservation incombe au client, pas au prestataire.", 'the retention binds the client, not the supplier.'), closeness: 4 } };
  }

  let durations = durationsForRetention(text, textLang());
  const extra: EvidenceDraft[] = [];
  if (durations.length === 0) {
    // "for the period set out in Schedule 1": read the figure where the clause points.
    const ref = analysis.referencedSection(sentence);
    if (ref && ref !== 'unresolved') {
      for (const s of analysis.sentences) {
        if (s.start < ref.section.start || s.start >= ref.section.end) continue;
        if (!LOGS.test(s.lower) && !/r[ée]tention|conservation|retain|kept|conserv/u.test(s.lower)) continue;
        const found = durationsForRetention(s.text, analysis.languageOf(s));
        if (found.length) {
          durations = found;
          extra.push({ start: s.start, end: s.end, role: 'basis', note: pick(lang, "Durée fixée par l'annexe à laquelle renvoie la clause.", 'Period set by the schedule the clause refers to.') });
          break;
        }
      }
    }
  }
  if (durations.length === 0) {
    // "pendant la Durée de conservation des Journaux", defined elsewhere as "un (1) an au minimum".
    for (const d of analysis.definedTerms()) {
      if (!/dur[ée]e|p[ée]riode|period|d[ée]lai|retention|conservation/u.test(d.term) || !lower.includes(d.term)) continue;
      const found = durationsForRetention(d.body, analysis.languageOf(d.sentence));
      if (found.length) {
        durations = found;
        extra.push({ start: d.sentence.start, end: d.sentence.end, role: 'basis', note: pick(lang, 'Durée fixée par la définition du terme employé.', 'Period set by the definition of the term used.') });
        break;
      }
    }
  }
  const negated = isNegated(lower.slice(0, retain.index + retain[0].length + 10), lang);
  const reasons: string[] = [];
  let chosen: DurationMention | null = null;
  let concrete = durations.filter((d) => !d.placeholder && d.months !== null);
  // "conserve les données de santé pendant 20 ans et les journaux pendant 3 mois", "Backups are retained for 12
  // months and logs of backup jobs for 30 days": a period whose nearest object before it is other data is not the
  // logs'. Keep the periods the logs govern, when there are any.
  // What stands before each period: the text, and where the log words in it are (read once per period).
  const lookBack = new Map(
    concrete.map((d) => {
      const before = lowerSameLength(text.slice(Math.max(0, d.start - 120), d.start));
      return [d, { before, logs: [...before.matchAll(LOGS_ALL)] }] as const;
    }),
  );
  const ofLogs = concrete.filter((d) => {
    const { before, logs } = lookBack.get(d)!;
    const lastLog = Math.max(-1, ...logs.map((m) => m.index!));
    // "logs of backup jobs": data named right after a log word says which logs.
    const lastOther = Math.max(-1, ...[...before.matchAll(OTHER_DATA)].map((m) => m.index!).filter((o) => !logs.some((l) => o > l.index! && o - l.index! < 25)));
    return lastLog > lastOther;
  });
  if (ofLogs.length && ofLogs.length < concrete.length) concrete = ofLogs;
  // "application logs for 12 months; security event logs for 1 month": the security, access and administration
  // logs are the ones the rule asks for; their period decides when the sentence gives them their own.
  const kindOf = (d: DurationMention) => {
    const { before, logs } = lookBack.get(d)!;
    const last = logs[logs.length - 1];
    if (!last) return 'unknown';
    return SECURITY_LOG_KIND.test(before.slice(Math.max(0, last.index! - 30), last.index! + last[0].length + 40)) ? 'security' : 'other';
  };
  const kinds = concrete.map(kindOf);
  if (kinds.includes('security') && kinds.includes('other')) concrete = concrete.filter((_, i) => kinds[i] === 'security');
  if (concrete.length) {
    // The retention is the longest floor or plain period; a ceiling is a maximum.
    chosen = concrete.reduce((a, b) => (a.months! >= b.months! ? a : b));
  } else if (durations.length) {
    chosen = durations[0]!;
    reasons.push('placeholder');
  } else if (PLACEHOLDER.test(lower)) reasons.push('placeholder');

  let value: { months: number } | null = null;
  if (chosen && !chosen.placeholder && chosen.months !== null) {
    value = { months: monthsOf(chosen) };
    // "n'est pas tenu de conserver au-delà de 30 jours" is a ceiling, however it is phrased.
    // "ne pourra en aucun cas conserver les journaux moins de douze mois", "shall not keep them for less than": a
    // negated minimum is a floor, the strongest wording there is.
    const negatedHere = negated || /\b(?:ne|n')\s[^.;]{0,60}?(?:en aucun cas|aucunement|jamais|pas)\b|\bin no (?:event|case)\b|\bunder no circumstances\b|\bnever\b|\bnot\b/u.test(lower.slice(Math.max(0, chosen.start - 120), chosen.start));
    const negatedFloor = negatedHere && /(?:moins de|less than|fewer than|shorter than|a period shorter than|inf[ée]rieure? [àa]|en de[çc][àa] de)\s*$/u.test(lower.slice(Math.max(0, chosen.start - 40), chosen.start));
    const ceiling =
      (chosen.bound === 'ceiling' && !negatedFloor) || (negated && !negatedFloor) || /(?:jusqu'[àa]|au[- ]del[àa] de|au maximum|maximum de|pas plus de|up to|no (?:longer|more) than|not (?:longer|more) than|a maximum of|at most|beyond)\s*$/u.test(lower.slice(Math.max(0, chosen.start - 40), chosen.start));
    // "… or such shorter period as the Supplier may determine": no guaranteed minimum either.
    if (ceiling || SHORTER_AT_WILL.test(lower)) reasons.push('ceiling-only');
    if (value.months < minMonths - 1e-6) reasons.push('below-minimum');
  } else if (negated) {
    return { nearMiss: { sentence, note: pick(lang, "la phrase exclut l'obligation de conserver les journaux.", 'the sentence rules out keeping the logs.'), closeness: 4 } };
  } else if (!reasons.includes('placeholder')) {
    reasons.push('no-figure');
  }
  if (IF_POSSIBLE.test(lower) || EFFORTS.test(lower)) reasons.push('if-possible');
  // A list item takes its lead-in's condition: "The following controls apply only to Customers who have purchased
  // the Enterprise Edition: – … logs for twelve (12) months".
  if (OPTION_CONDITION.test(lower) || (sentence.leadIn !== null && OPTION_CONDITION.test(sentence.leadIn))) reasons.push('conditional');
  if (SCOPE_EXCLUSION.test(lower)) reasons.push('scope-narrowed');
  return {
    candidate: {
      sentence,
      ...judged(reasons),
      value,
      detail: describe(chosen, lang, text),
      extra,
      strength: value ? value.months : 0,
    },
  };
}

// Optionally numbered like a clause: "5.3 Logs: access and admin logs, 3 months".
const LOG_LABEL = /^\s*(?:[-–•*]\s*)?(?:\d+(?:\.\d+)*\.?\s+)?(?:logs?|journaux|traces|journalisation|audit (?:trails?|logs?))\b[^:.;]{0,60}:\s*/u;
// Data that is not logs, kept for its own period: backups, health records, invoices, content.
const OTHER_DATA = /sauvegardes?|backups?|donn[ée]es (?:de sant[ée]|m[ée]dicales|personnelles|du client|de l'[ée]tablissement|patients?)|dossiers?|health records?|medical records?|factures?|invoices?|customer (?:data|content)|contenus?|archives? (?:m[ée]dicales|papier)|images?|recordings?|enregistrements? (?:vid[ée]o|audio)/gu;
// For matchAll over a stretch of text.
const LOGS_ALL = new RegExp(LOGS.source, `${LOGS.flags}g`);
const RETAINS = new RegExp(RETAIN.source, `${RETAIN.flags}g`);
const LOG_SECTION = /journ|\blogs?\b|logging/u;

export const logRetention: Check = (context) => {
  const { analysis } = context;
  const candidates: Candidate[] = [];
  const nearMisses: NearMiss[] = [];
  // Sentences read neither as logs nor under a log heading: where another period may hide.
  const otherPeriods: Sentence[] = [];
  // '"Activity Records" means logs of every privileged action': the defined term names the logs from then on.
  const logTerms = analysis.definedTerms().filter((d) => (LOGS.exec(d.body)?.index ?? 99) < 40 && !NOT_LOGS.test(d.body.slice(0, 60))).map((d) => d.term);
  // One scan of the document per pattern says which sentences can match it at all.
  const namesLogs = analysis.sentencesWith(LOGS);
  const aboutLogsText = (s: Sentence) => (namesLogs[s.index] === 1 && LOGS.test(s.lower) && !NOT_LOGS.test(s.lower)) || logTerms.some((t) => s.lower.includes(t));
  // Asked of every sentence twice (reading, then availability): answered once.
  const logFlags = analysis.sentences.map((s) => aboutLogsText(s));
  const aboutLogs = (s: Sentence) => logFlags[s.index]!;
  for (const sentence of analysis.sentences) {
    if (analysis.isDefinition(sentence) || sentence.heading) continue;
    const onLogs = aboutLogs(sentence);
    // Not LOG_HEADING: a "traçabilité" section is often about products (lots, trays), not logs, for reading a retention.
    const inLogSection = analysis.headingTest(sentence, LOG_SECTION, true);
    // "A3.3 Logs. The platform records the technicians' connections. The Contractor keeps these records for 90 days."
    const previous = analysis.sentences[sentence.index - 1];
    const continuesLogs =
      previous !== undefined && previous.line === sentence.line && aboutLogs(previous) && ANAPHORIC_RECORDS.test(sentence.lower);
    if (!onLogs && !((inLogSection || continuesLogs) && RETAIN.test(sentence.lower))) {
      // A period that a hurried reader might take for log retention: read for a figure later, only if no clause stands.
      otherPeriods.push(sentence);
      continue;
    }
    let text = sentence.text;
    let end = sentence.end;
    // "Durée de conservation des journaux ? | R : douze mois": the answer holds the figure.
    const answers = answersTo(analysis, sentence);
    for (const answer of answers) {
      text += ' '.repeat(Math.max(1, answer.start - (sentence.start + text.length))) + answer.text;
      end = answer.end;
    }
    // What an amendment added to the clause ("Clause 6.2 is supplemented as follows: \"…\"") is read with it.
    for (const added of analysis.additionsTo(sentence)) text += ` ${added.text}`;
    for (const next of answers.length ? [] : followers(analysis, sentence)) {
      if (!/^(?:ils|elles|ces journaux|ces traces|such logs|these logs|they|ceux-ci|celles-ci|la dur[ée]e|this period|the retention)/iu.test(next.text)) break;
      text += ' '.repeat(next.start - sentence.end) + next.text;
      end = next.end;
    }
    const { candidate, nearMiss } = read(context, sentence, text);
    if (candidate) candidates.push({ ...candidate, end });
    if (nearMiss) nearMisses.push(nearMiss);
  }
  // Near misses only speak when no clause stands (decide ranks them by closeness; these are the least close).
  if (candidates.every((c) => analysis.supersededAt(c.sentence.start))) {
    const namesOtherPeriod = analysis.sentencesWith(OTHER_PERIOD);
    for (const sentence of otherPeriods) {
      if (!namesOtherPeriod[sentence.index] || !OTHER_PERIOD.test(sentence.lower)) continue;
      const d = findDurations(sentence.text, analysis.languageOf(sentence)).find((x) => x.months !== null && x.months >= 1);
      if (!d) continue;
      nearMisses.push({
        sentence,
        note: pick(context.lang, `« ${d.text} » concerne une autre durée (préavis, dossiers, factures, données), pas la conservation des journaux.`, `"${d.text}" is about something else (notice, records, invoices, data), not log retention.`),
        closeness: 1,
      });
    }
  }
  // Availability to the client: anywhere in a log sentence of the contract.
  // A log sentence that says they "will not be made available" to the client outweighs any other.
  // Log sentences, and the list items or sentences that continue them ("– les transmettre à l'Établissement").
  const logSentences = analysis.sentences.filter((s, i, all) => {
    // A definition ("… means any attempt that does not result in … disclosure") states no availability, nor does
    // wording an amendment replaced or deleted.
    if (analysis.isDefinition(s) || analysis.supersededAt(s.start)) return false;
    if (aboutLogs(s)) return true;
    const previous = all[i - 1];
    if (previous !== undefined && previous.line === s.line && aboutLogs(previous) && (ANAPHORIC_RECORDS.test(s.lower) || LOGS_AS_PRONOUN.test(s.lower))) return true;
    // Under a heading about logs ("5. Data retention and logs"), "the retained data" are the logs.
    if (analysis.headingTest(s, LOG_HEADING) && RETAINED_DATA.test(s.lower)) return true;
    return previous !== undefined && previous.line >= s.line - 1 && namesLogs[i - 1] === 1 && LOGS.test(previous.lower) && (s.leadIn !== null || s.line === previous.line) && /^(?:\s*[-–•]\s*)?(?:les|them|they|ils|such|ces|these)\b/iu.test(s.text.replace(/^\s*[-–—•*]\s*/u, ''));
  });
  const availabilityStated = (s: (typeof logSentences)[number]) => {
    // "… for its internal purposes only; … will not be disclosed to Customer": any negated mention withholds them.
    const mentions = [...s.lower.matchAll(AVAILABLE)];
    if (mentions.length === 0) return null;
    const internalOnly = /internal (?:security )?purposes only|usage interne|fins internes/u.test(s.lower) || AUTHORITIES_ONLY.test(s.lower);
    // Withholding is a negated handing-over ("will not be disclosed to Customer"); "shall not inspect such data"
    // binds the supplier's own reading, and "logs not made available within five days give rise to a credit"
    // is the breach a penalty punishes, not a refusal.
    const breachClause = PENALTY_OR_CONDITION.test(s.lower);
    const withheld = mentions.some(
      (m) =>
        HANDING_OVER.test(m[0]) &&
        !breachClause &&
        !BREACH_DEADLINE.test(s.lower.slice(m.index! + m[0].length)) &&
        (isNegated(s.lower.slice(0, m.index), analysis.languageOf(s)) || frenchNegationAround(s.lower, m.index!)),
    );
    // "may be provided to the Customer at the Supplier's discretion": a favour, not a right.
    // "extracts …, which Supplier may provide for a fee to be agreed": the supplier's favour, or a paid extra.
    const discretionary = mentions.some((m) => HANDING_OVER.test(m[0])) && (DISCRETION.test(s.lower) || SUPPLIER_MAY_HAND_OVER.test(s.lower) || ON_QUOTE.test(s.lower));
    return { negated: internalOnly || withheld || discretionary };
  };
  const statements = logSentences.map(availabilityStated).filter((x) => x !== null);
  const availability = statements.length > 0 && !statements.some((x) => x.negated);
  if (!availability) {
    for (const c of candidates) {
      if (c.status === 'ok') {
        c.status = 'weak';
        c.reasons = ['not-available-to-client'];
      } else if (!c.reasons.includes('not-available-to-client')) c.reasons.push('not-available-to-client');
    }
  }
  return decide(context, candidates, nearMisses, {
    title: context.rule.title,
    searched: {
      fr: 'une obligation du prestataire de conserver les journaux de sécurité, d’accès et d’administration pendant une durée minimale chiffrée, mis à disposition du client',
      en: 'a supplier obligation to keep security, access and administration logs for a stated minimum period, available to the client',
    },
  });
};
