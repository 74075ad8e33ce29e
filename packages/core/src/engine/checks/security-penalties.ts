import { DISCRETION, PLACEHOLDER } from '../../language/hedges.js';
import type { Sentence } from '../analysis/sentences.js';
import { lowered } from '../../language/lowered.js';
import type { Check, CheckContext } from '../types.js';
import { articleOf, decide, judged, followers, introduced, pick, type Candidate, type NearMiss } from './common.js';

/**
 * security-penalties: penalties, liquidated damages or service credits that
 * attach to the supplier's security obligations, with an amount or a formula,
 * and that do not discharge the supplier of further liability.
 */

const PENALTY =
  lowered(/p[ée]nalit[ée]s?|\bavoirs? (?:de|d'un montant|[ée]gal|[ée]quivalent|pouvant)|\bcredit (?:the )?(?:customer|client|buyer|trust|authority)|\b(?:a|un) (?:service )?(?:credit|cr[ée]dit) (?:of|de|equal|[ée]gal)|\bcr[ée]dite(?:ra)?\b|security credits?|cr[ée]dits? de s[ée]curit[ée]|(?:fee|price|invoice) credits?|p[ée]nalis\p{L}*|liquidated damages|service credits?|cr[ée]dits? de service|penalt(?:y|ies)|r[ée]factions?|abattements?|fee reductions?|indemnit[ée]s? forfaitaires?|\breduc\p{L}*\s+(?:the\s+|its\s+)?(?:\p{L}+\s+){0,2}?(?:fees?|charges?|price|invoice)\s+by\b|r[ée]dui\p{L}*\s+(?:la |le |les )?(?:redevance|prix|facture|montant factur)\p{L}*\s+(?:de|d')|(?:shall|will|must|agrees to) pay\b[^.;]{0,100}?\b(?:for each|per|for every)\s+(?:\p{L}+\s+){0,2}?(?:hours?|days?|weeks?)\s+(?:or part of an? \p{L}+\s+)?(?:of delay|of lateness|late)|(?:verse|versera|paie|paiera|paye|payera|est redevable d'une somme)\b[^.;]{0,100}?\bpar\s+(?:heures?|jours?|semaines?)\s+(?:\p{L}+\s+)?de retard|(?:deduct|d[ée]dui[rts]e?|retenir|retiendra|imputer)\p{L}*\s+[^.;]{0,40}?(?:\d+(?:[.,]\d+)?\s?%|€|eur\b|£|\$)|(?:non-compliance|non-respect|manquement|breach|failure)[^.;:]{0,80}:\s*(?:eur\s?|€\s?|£\s?|\$\s?)?\d[\d\s.,]*\s?(?:€|eur\b|euros?|£)?\s*(?:per|par)\s+(?:day|jour|hour|heure|week|semaine)/iu);
// A part of the contract about security ("Annexe sécurité", "Schedule 4 – Security"), by its innermost heading
// (not the document's title, which may name a security service).
const SECURITY_PART = /s[ée]curit[ée]|security|cyber/u;
// A word every PENALTY match contains, for one scan of the document before the per-sentence test.
// Written as a tree of shared prefixes (p[ée]nalit|p[ée]nalis|penalt|pay|paie|paye, credit|cr[ée]dit, reduc|r[ée]dui|
// r[ée]faction|redevable|retenir|retiendra, deduct|d[ée]dui, non-compliance|non-respect …): the same words, a third faster.
const PENALTY_STEMS =
  /p(?:[ée]nali[ts]|enalt|ay|aie)|avoir|cr[ée]dit|liquidated|r(?:[ée](?:faction|dui)|educ|edevable|et(?:enir|iendra))|abattement|indemnit|verse|d(?:educt|[ée]dui)|imputer|non-(?:compliance|respect)|manquement|breach|failure/g;
const SECURITY_OBLIGATION =
  lowered(/s[ée]curit[ée]|security|incidents? de s[ée]curit[ée]|violations? de (?:donn[ée]es|s[ée]curit[ée])|data breach|breach notification|late notification|notification tardive|retard (?:de|dans la) notification|notified late|notified later|notification (?:des|d'un|de tout) incident|journaux|logs?\b|confidentialit[ée]|confidentiality|protection des donn[ée]es|data protection|personal data|donn[ée]es (?:personnelles|de sant[ée])|plan d'assurance s[ée]curit[ée]|\bpssi\b|\bhds\b|vuln[ée]rabilit\p{L}*|correctifs? de s[ée]curit[ée]|security patch\p{L}*|authentification|mfa\b|audit de s[ée]curit[ée]|security audit/iu);
// Acronyms read case-sensitively: "PAS" is a security plan, "pas" is French for "not".
const SECURITY_ACRONYMS = /\b(?:PAS|PSSI)\b/u;
const NOT_SECURITY =
  lowered(/disponibilit[ée]|availability|uptime|taux de service|temps de (?:r[ée]tablissement|r[ée]tablissement|r[ée]solution|r[ée]ponse|intervention)|\bgt[ir]\b|retard (?:de|dans la) (?:livraison|ex[ée]cution|mise en (?:service|production))|late delivery|delay in delivery|d[ée]lais? d'ex[ée]cution|d[ée]lai de livraison|jalons?|milestones?|ticket|support|response time|resolution time|sla\b|niveau(?:x)? de service|service levels?|int[ée]r[êe]ts? (?:de retard|moratoires)|late payment|retard de paiement/iu);
const AMOUNT =
  /\d[\d\s.,]*\)?\s?(?:€|eur\b|euros?|k€|£|\$|usd|gbp|aud\b|cad\b|chf\b|pounds?|dollars?|francs?)|(?:€|£|\$|eur\b|gbp\b|usd\b|aud\b|cad\b|chf\b)\s?\d|\b(?:cent|mille|hundred|thousand)\b[^.;]{0,20}\b(?:euros?|pounds?|dollars?)|\d+(?:[.,]\d+)?\s?%|pour(?: |-)?cent|per ?cent|\b1\/\d{2,5}(?:e|[èe]me)?\b|\d+\s?\/\s?\d{2,5}(?:e|[èe]me)?|milli[èe]me|un (?:centi[èe]me|milli[èe]me)|one[- ](?:thousandth|hundredth)|(?:montant|amount) (?:[ée]gal|equal)|formule|formula|P\s?=|calcul[ée]e? (?:selon|comme|as)/iu;
// "non libératoires", "ne sont pas libératoires", "not the sole remedy" say the opposite.
const NOT_DISCHARGING =
  lowered(/(?:non|pas|ni|nullement|aucunement)[\s-]+(?:\p{L}+\s+)?lib[ée]ratoires?|not (?:be )?(?:the |a )?(?:sole|exclusive|only) (?:and exclusive )?remed|not (?:be )?(?:the |a )?(?:\p{L}+(?:'s|’s) )?(?:sole|exclusive|only) (?:and exclusive )?remed|(?:without prejudice to|sans pr[ée]judice d[eu']s?)\s*(?:(?:any|all|the|its|tout|toute|tous|toutes|l'|la|le|les|des|du|de|d')\s*)*(?:(?:other|autres?)\s+(?:rights?|droits?|recours|remed\p{L}*|actions?)|(?:\p{L}+\s+){0,3}?(?:remed\p{L}*|damages|claims? for|dommages|recours|r[ée]parations?|indemni\p{L}*))|not in (?:full|lieu)|in addition to (?:any|all) other/iu);
const DISCHARGING =
  lowered(/lib[ée]ratoires?|(?:sole|exclusive|only) (?:and exclusive )?remed(?:y|ies)|seul(?:e)? (?:et unique )?(?:recours|r[ée]paration|indemnisation)|solde de tout compte|for(?:faitaire(?:s)?)? et d[ée]finitive|in full (?:and final )?(?:satisfaction|settlement|discharge)|(?:exclusive|sole) (?:financial )?(?:compensation|liability)|tout recours|exclusive of any other/iu);
const TOKEN_CAP =
  lowered(/(?:plafonn[ée]e?s?|limit(?:[ée]e?s?|ed)|capped|cap(?:ped)? at|shall not exceed|ne (?:peut|pourra|peuvent|pourront) (?:exc[ée]der|d[ée]passer)|dans la limite de|maximum (?:de|of))\s*(?:[àa]\s*)?(?:un montant (?:total |global )?de\s*)?(?:(?:[€£$]|eur|gbp|usd)\s?(\d[\d\s.,]*)|(\d[\d\s.,]*)\s*(?:\(\d[\d\s.,]*\)\s*)?(?:€|eur\b|euros?|£|\$|usd|gbp|pounds?))|(?:plafonn[ée]e?s?|limit[ée]e?s?|capped|cap(?:ped)? at|shall not exceed|ne (?:peut|pourra) (?:exc[ée]der|d[ée]passer)|dans la limite de)\s*(?:[àa]\s*)?(\d+(?:[.,]\d+)?)\s?%/iu);

const CREDITS_NAMED_AGAIN = /\b(?:the|these|such|those|ces|les|lesdites|lesdits)\s+(?:\p{L}+\s+)?(?:credits|cr[ée]dits|p[ée]nalit[ée]s|sommes|amounts)\b/u;
const NO_PENALTY =
  lowered(/\bpas\s+(?:[\p{L}'’]+\s+){0,5}?p[ée]nalit|(?:exclu\p{L}*|renon[cç]\p{L}*|[ée]cart\p{L}*|waiv\p{L}*|exclud\p{L}*)(?!(?:\s+[\p{L}'’]+){0,4}?\s+(?:autres?|other|further|additional)\s)\s+(?:[\p{L}'’]+\s+){0,4}?(?:toute?s?\s+|des\s+|les\s+|any\s+|all\s+)?(?:p[ée]nalit|penalt|liquidated|service credits?)|\bpas\s+(?:\p{L}+\s+){0,2}?de\s+p[ée]nalit|(?:aucune?|no|not|pas de|sans|ni|nor|without)\s+(?!(?:other|autres?|further|additional|suppl[ée]mentaires?)\b)(?:\p{L}+\s+){0,5}?(?:p[ée]nalit|penalt|liquidated|service credits?|cr[ée]dits? de service|avoirs?)|(?:p[ée]nalit[ée]s?|penalt(?:y|ies)|service credits?)\s+(?:ne sont pas|ne seront pas|are not|shall not|will not|do not|does not)\s+(?:applicables?|appliqu|apply|payable|due)/iu);

const LEGAL_SANCTION =
  lowered(/(?:civil|criminal|penal|administrative) (?:or criminal )?penalt|sanctions? p[ée]nales?|p[ée]nalit[ée]s? (?:p[ée]nales|administratives)|amendes? administratives?|administrative fines?|contempt of court|code p[ée]nal/iu);
const LATE_PAYMENT =
  lowered(/taux d'int[ée]r[êe]t l[ée]gal|taux directeur|statutory interest|int[ée]r[êe]ts? (?:moratoires|de retard)|indemnit[ée] forfaitaire (?:de (?:40|quarante)|pour frais de recouvrement)|frais de recouvrement|late[- ]payment|interest on (?:late|overdue|unpaid)|overdue (?:amounts|sums|invoices)|retard de paiement|d[ée]faut de paiement|paiement tardif/iu);

/** "VII" → "7"; "8.2" stays. */
function arabic(number: string): string {
  const roman = number.toUpperCase();
  if (!/^[IVXLC]+$/.test(roman)) return roman;
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i]!]!;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return String(total);
}

/** "manquement … aux obligations prévues à l'article 8": true when article 8 is about security. */
function refersToSecurityArticle(context: CheckContext, text: string): boolean {
  // "… aux obligations prévues à l'article 8", and bare clause numbers: "an obligation under 6.2 to 6.4".
  for (const m of text.matchAll(/(?:obligations?|manquements?|breach(?:es)?|failures?)[^.;]{0,60}?(?:\b(?:article|clause|section|annexe|annex|schedule|§)\s*(\d+(?:\.\d+)*|[IVX]+\b)|\b(?:under|of|in|aux?|prévues? (?:aux?|à))\s+(\d+\.\d+(?:\.\d+)*)\b(?!\s*(?:%|€|eur|euros?)))/giu)) {
    const number = arabic((m[1] ?? m[2])!);
    const section = context.doc.sections.find((s) => s.number !== null && arabic(s.number) === number);
    if (section && /s[ée]curit|security|cyber|incident|journal|logs?\b/iu.test(section.heading.slice(0, 80))) return true;
  }
  return false;
}

function isDischarging(lower: string): boolean {
  return DISCHARGING.test(lower) && !NOT_DISCHARGING.test(lower);
}

// "shall not, however, exceed one hundred euros (EUR 100)": a cap cue, then the first figure after it.
const CAP_CUE =
  lowered(/plafonn\p{L}*|plafond|dans la limite d|capped|\bcap(?:ped)? at|\b(?:overall |aggregate |total |annual )?cap of|(?:shall|will|may|ne (?:peut|pourra|peuvent|pourront))(?:\s+not)?(?:,?\s+\p{L}+,?)?\s+(?:exceed|exc[ée]der|d[ée]passer)|dans la limite de|limit(?:[ée]e?s?|ed) (?:[àa]|to)|maximum (?:de|of)|ne d[ée]passe(?:nt)? pas/iu);

/** "1 000", "1,000.50", "2.500,00" as a number: thousands separators dropped, a decimal comma read as a point. */
function sumOf(digits: string): number {
  return parseFloat(digits.replace(/[\s.,](?=\d{3}\b)/g, '').replace(',', '.'));
}

// Sums of money in digits ("50 euros", "EUR 1,000", "€ 200"), and what makes a sum recur (per day, per hour).
const MONEY = /(?:€|\beur\b|\beuros?\b|£|\$|\busd\b|\bgbp\b)\s?(\d[\d\s.,]*\d|\d)|(\d[\d\s.,]*\d|\d)\s*\)?\s*(?:€|\beur\b|\beuros?\b|£|\$|\busd\b|\bgbp\b|\bpounds?\b)/giu;
const RECURS = /\bpar (?:jour|heure|semaine|tranche|p[ée]riode)|\bper (?:day|hour|week|calendar day|business day)|\bfor each (?:day|hour|week)|\bchaque (?:jour|heure|semaine)|\beach (?:day|hour|week)|\/\s?(?:jour|j|h|day|hour)\b|%|pour ?cent|per ?cent/iu;

/** "une pénalité forfaitaire de 50 euros": a one-off sum too small to bite (under EUR 100, not per day or hour). */
function tokenAmount(text: string): boolean {
  if (RECURS.test(text)) return false;
  const sums = [...text.matchAll(MONEY)].map((m) => sumOf(m[1] ?? m[2]!));
  return sums.length > 0 && sums.every((n) => Number.isFinite(n) && n > 0 && n < 100);
}

function tokenCap(lower: string): boolean {
  const cue = CAP_CUE.exec(lower);
  if (cue) {
    const after = lower.slice(cue.index + cue[0].length, cue.index + cue[0].length + 90);
    const percent = /(\d+(?:[.,]\d+)?)\s?%/u.exec(after);
    const money = /(?:(?:€|£|\$|eur|gbp|usd)\s?(\d[\d\s.,]*\d|\d)|(\d[\d\s.,]*\d|\d)\s*\)?\s*(?:€|eur\b|euros?|£|\$|usd|gbp|pounds?))/u.exec(after);
    if (money && (!percent || money.index < percent.index)) {
      const amount = sumOf(money[1] ?? money[2]!);
      return Number.isFinite(amount) && amount > 0 && amount < 5_000;
    }
    if (percent) return parseFloat(percent[1]!.replace(',', '.')) < 5; // a cap under 5 % of the price bites little
  }
  const m = TOKEN_CAP.exec(lower);
  if (!m) return false;
  if (m[3] !== undefined) return parseFloat(m[3].replace(',', '.')) < 5; // a cap under 5 % of the price bites little
  const amount = sumOf(m[1] ?? m[2]!);
  return Number.isFinite(amount) && amount > 0 && amount < 5_000;
}

// "the amount of which shall be determined by the Steering Committee", "montant fixé d'un commun accord".
const TO_BE_FIXED =
  lowered(/(?:amount|montant|level|niveau)[^.;]{0,60}?(?:determined|agreed|fixed|set|d[ée]termin[ée]|fix[ée]|arr[êe]t[ée]|convenu)[^.;]{0,40}?(?:by|par|d'un commun accord|between|later|ult[ée]rieurement|case[- ]by[- ]case|au cas par cas)|as the parties may agree|to be agreed/iu);

const AMOUNTS = new RegExp(AMOUNT.source, AMOUNT.flags.includes('g') ? AMOUNT.flags : `${AMOUNT.flags}g`);
const SECURITY_REFERENCE = /(?:obligations?|manquements?|breach(?:es)?|failures?)[^.;]{0,60}?\b(?:article|clause|section|annexe|annex|schedule|§)\s*(?:\d+(?:\.\d+)*|[ivx]+\b)/u;

/**
 * "Certificat non remis 100 € par semaine Manquement aux obligations de l'article 6": a penalty table whose
 * rows ran together (a PDF drops the empty cell). Every amount stands before the security row, so it is the
 * earlier row's amount and the security row has none.
 */
function amountBelongsToRowBefore(context: CheckContext, sentence: Sentence): boolean {
  if (PENALTY.test(sentence.lower) || !context.analysis.headingTest(sentence, PENALTY)) return false;
  const security = SECURITY_REFERENCE.exec(sentence.lower) ?? SECURITY_OBLIGATION.exec(sentence.lower);
  if (!security) return false;
  let lastAmountEnd = -1;
  for (const m of sentence.text.matchAll(AMOUNTS)) lastAmountEnd = m.index! + m[0].length;
  return lastAmountEnd >= 0 && lastAmountEnd <= security.index && sentence.text.slice(0, lastAmountEnd).trim().split(/\s+/).length >= 4;
}

function read(context: CheckContext, sentence: Sentence, text: string, tableText?: string): { candidate?: Candidate; nearMiss?: NearMiss } {
  const { analysis } = context;
  const lang = context.lang;
  const lower = text.toLowerCase();
  const heading = analysis.headingPath(sentence);
  const lastHeading = heading.split(' > ').pop() ?? '';
  // "tout manquement aux obligations du présent article" in a security article attaches the penalty to security.
  if (NO_PENALTY.test(lower)) {
    return { nearMiss: { sentence, note: pick(lang, 'la phrase exclut toute pénalité.', 'the sentence rules penalties out.'), closeness: 3 } };
  }
  // Penalties under criminal or administrative law are no contractual penalty.
  if (LEGAL_SANCTION.test(sentence.lower)) {
    return { nearMiss: { sentence, note: pick(lang, 'sanction pénale ou administrative, pas une pénalité contractuelle.', 'a criminal or regulatory sanction, not a contractual penalty.'), closeness: 0 } };
  }
  // Late-payment interest is owed by the client: not a supplier penalty at all.
  if (LATE_PAYMENT.test(sentence.lower) && !SECURITY_OBLIGATION.test(sentence.lower.replace(new RegExp(LATE_PAYMENT.source, 'gu'), ' '))) {
    return { nearMiss: { sentence, note: pick(lang, 'intérêts de retard de paiement dus par le client, pas une pénalité du prestataire.', 'late-payment interest owed by the client, not a supplier penalty.'), closeness: 0 } };
  }
  // What triggers the penalty is read in its own sentence first: an availability penalty
  // next to a sentence about the HDS platform is still an availability penalty.
  const own = `${sentence.leadIn ?? ''} ${sentence.lower} ${(tableText ?? '').toLowerCase()}`;
  // A sentence that states its own penalty is judged on its own words, not on the next sentence's.
  const topicText = PENALTY.test(sentence.lower) ? own : lower;
  const ownIsOther = NOT_SECURITY.test(own) && !SECURITY_OBLIGATION.test(own.replace(new RegExp(NOT_SECURITY.source, 'gu'), ' '));
  const aboutSecurity =
    refersToSecurityArticle(context, sentence.text) ||
    (!ownIsOther && SECURITY_OBLIGATION.test(topicText.replace(new RegExp(NOT_SECURITY.source, 'gu'), ' '))) ||
    SECURITY_ACRONYMS.test(sentence.text) ||
    (/(?:pr[ée]sent(?:e)? (?:article|annexe)|this (?:clause|section|schedule|article))/u.test(lower) && /s[ée]curit|security/u.test(heading)) ||
    // "S.4 – Pénalités. Tout manquement aux stipulations S.1 à S.3 …" inside the security annex: its own breaches.
    (/\b(?:manquements?|breach(?:es)?|non-respect|failures? to (?:comply|fulfil|perform|meet)|fails? to (?:comply|fulfil|perform|meet)|(?:does|do|did) not (?:fulfil|comply|perform|meet)|inex[ée]cution|ne (?:respecte|remplit|satisfait|ex[ée]cute) pas)\b/u.test(sentence.lower) &&
      analysis.headingTest(sentence, SECURITY_PART, true));
  if (!aboutSecurity) {
    if (NOT_SECURITY.test(lower + ' ' + lastHeading) || PENALTY.test(lower)) {
      return {
        candidate: {
          sentence,
          status: 'weak',
          reasons: ['not-security'],
          value: null,
          detail: pick(lang, 'pénalités hors sécurité (disponibilité, délais, support)', 'penalties outside security (availability, delivery, support)'),
          strength: 0,
        },
      };
    }
    return {};
  }
  const reasons: string[] = [];
  // The amount must stand with the penalty itself (its sentence or its table), not in the next clause.
  const withTable = text.slice(0, text.indexOf(sentence.text) + sentence.text.length) + ' ' + (tableText ?? '');
  const amount = AMOUNT.test(withTable) && !PLACEHOLDER.test(lower.replace(/\[\s*\]/g, '')) && !TO_BE_FIXED.test(sentence.lower) && !amountBelongsToRowBefore(context, sentence);
  if (!amount) reasons.push(PLACEHOLDER.test(lower) ? 'placeholder' : 'no-amount');
  if (isDischarging(lower)) reasons.push('discharging');
  if (tokenCap(lower) || tokenAmount(withTable)) reasons.push('token-cap');
  // "peut, s'il l'estime justifié, accorder un avoir", "may, at its discretion, offer a credit".
  if (DISCRETION.test(lower)) reasons.push('discretionary');
  return {
    candidate: {
      sentence,
      ...judged(reasons),
      value: null,
      detail: pick(lang, 'pénalité attachée à une obligation de sécurité', 'penalty attached to a security obligation'),
      strength: 10 - reasons.length,
    },
  };
}

export const securityPenalties: Check = (context) => {
  const { analysis } = context;
  const candidates: Candidate[] = [];
  const nearMisses: NearMiss[] = [];
  const mentions = analysis.sentencesWith(PENALTY_STEMS);
  for (const sentence of analysis.sentences) {
    // Anywhere under a penalties article: its clauses are often named by number only ("14.1").
    const penaltySection = analysis.headingTest(sentence, PENALTY);
    if (!mentions[sentence.index] && !penaltySection) continue;
    if (analysis.isDefinition(sentence) || sentence.heading) continue;
    if (!PENALTY.test(sentence.lower) && !(penaltySection && (sentence.tableRow || sentence.leadIn !== null || AMOUNT.test(sentence.text)))) continue;
    let text = sentence.text;
    let end = sentence.end;
    if (sentence.leadIn) text = `${sentence.leadIn} ${text}`;
    // A table split over lines: the row's label stands on the line before its amount.
    const previous = analysis.sentences[sentence.index - 1];
    if (penaltySection && previous && previous.section === sentence.section && !AMOUNT.test(previous.text) && !previous.heading && !PENALTY.test(sentence.lower)) {
      text = `${previous.text} ${text}`;
    }
    // The rest of the paragraph, and after "… donnent lieu aux pénalités suivantes :" the table of amounts.
    for (const next of [...followers(analysis, sentence, 2), ...introduced(analysis, sentence)]) {
      text += ` ${next.text}`;
      end = Math.max(end, next.end);
    }
    // What an amendment added to the clause is read with it.
    for (const added of analysis.additionsTo(sentence)) text += ` ${added.text}`;
    const table = introduced(analysis, sentence).map((s) => s.text).join(' ');
    const { candidate, nearMiss } = read(context, sentence, text, table);
    if (candidate) candidates.push({ ...candidate, end });
    if (nearMiss) nearMisses.push(nearMiss);
  }
  // "Les pénalités sont libératoires" anywhere in the contract weakens every security penalty.
  // The last word on it stands: an amendment's "ne sont pas libératoires" overrides the original "sont libératoires".
  // "THE CREDITS DESCRIBED IN THIS SECTION 6 ARE CUSTOMER'S SOLE AND EXCLUSIVE REMEDY": the credits named again.
  // One scan of the document finds the sentences that can discharge (most say nothing of it).
  const discharges = candidates.length === 0 ? null : analysis.sentencesWith(DISCHARGING);
  const onDischarge = discharges === null ? [] : analysis.sentences.filter((s) => discharges[s.index] && DISCHARGING.test(s.lower) && (PENALTY.test(s.lower) || CREDITS_NAMED_AGAIN.test(s.lower)) && !analysis.supersededAt(s.start));
  const last = onDischarge[onDischarge.length - 1];
  const discharging = last && isDischarging(last.lower) ? last : undefined;
  if (discharging) {
    for (const c of candidates) {
      if (c.reasons.includes('discharging') || c.reasons.includes('not-security')) continue;
      c.reasons = c.status === 'ok' ? ['discharging'] : [...c.reasons, 'discharging'];
      c.status = 'weak';
      c.extra = [...(c.extra ?? []), { start: discharging.start, end: discharging.end, role: 'basis', note: pick(context.lang, 'Clause rendant les pénalités libératoires.', 'Clause making penalties the sole remedy.') }];
    }
  }
  // "The aggregate liquidated damages payable under clause 9.1 shall not exceed EUR 500 in total": a token cap
  // in the article of a security penalty caps that penalty, even in a sentence of its own.
  // PENALTY needs one of its stems: the scan made for the reading says which sentences have one.
  const caps = candidates.some((c) => c.status === 'ok') ? analysis.sentences.filter((s) => mentions[s.index] && PENALTY.test(s.lower) && tokenCap(s.lower) && !analysis.supersededAt(s.start)) : [];
  for (const c of candidates) {
    if (c.status !== 'ok' && c.reasons.includes('token-cap')) continue;
    if (c.reasons.includes('not-security')) continue;
    const article = articleOf(context, c.sentence.section);
    const cap = caps.find((s) => s !== c.sentence && article !== null && articleOf(context, s.section) === article);
    if (!cap) continue;
    c.reasons = c.status === 'ok' ? ['token-cap'] : [...c.reasons, 'token-cap'];
    c.status = 'weak';
    c.extra = [...(c.extra ?? []), { start: cap.start, end: cap.end, role: 'basis', note: pick(context.lang, 'Plafond dérisoire des pénalités.', 'Token cap on the penalties.') }];
  }
  return decide(context, candidates, nearMisses, {
    title: context.rule.title,
    searched: {
      fr: 'des pénalités ou crédits de service chiffrés, attachés aux manquements du prestataire à ses obligations de sécurité',
      en: "penalties, liquidated damages or service credits with an amount or formula, attached to breaches of the supplier's security obligations",
    },
  });
};
