import { PLACEHOLDER } from '../../language/hedges.js';
import type { Sentence } from '../analysis/sentences.js';
import type { Check, CheckContext } from '../types.js';
import { decide, judged, followers, pick, type Candidate, type NearMiss } from './common.js';
import { namesPattern } from '../analysis/parties.js';
import { lowered } from '../../language/lowered.js';
import { ownedRegex } from '../analysis/regex-cache.js';
import { REQUIREMENTS_OF, whoIsBound } from '../analysis/obligations.js';

/**
 * security-contacts: the supplier's security contact is identified before the
 * crisis — a named person or a precise security role, with a phone number or an
 * e-mail address, in the body or in an annex table.
 */

const SECURITY_ROLE =
  lowered(/\brssi\b|\bciso\b|\bcso\b|\bsoc\b(?!\s*(?:[123]|type))|\bcsirt\b(?![- ]r[ée]gional)|\bcert\b(?![- ](?:sant[ée]|fr)\b)|(?<![\p{L}])(?:responsable|r[ée]f[ée]rent(?:e)?|correspondant(?:e)?|r[ée]pondant(?:e)?|directeur|directrice|chef|officier|manager|officer|lead|head|contact|interlocuteur|point de contact|[ée]quipe|cellule|team|centre|center|desk|astreinte)s?\s+(?:[\p{L}-]+\s+){0,3}?(?:de la |du |des |de |of |for |en )?(?:cyber-?)?(?:s[ée]curit[ée]|security|ssi\b|cyber\p{L}*)|(?:cyber-?)?(?:s[ée]curit[ée]|security)\s+(?:officer|manager|lead|contact|team|operations|desk|op[ée]rationnelle)|chief information security|security (?:point of contact|representative|correspondent|focal point|liaison)|point of contact for security|pour (?:tout ce qui (?:touche|concerne|a trait) [àa] |toute question (?:de |relative [àa] |li[ée]e [àa] )|les questions de )(?:la )?s[ée]curit[ée][^.;]{0,80}?(?:interlocuteur|contact|correspondant|r[ée]f[ée]rent|responsable)|incident response (?:team|contact|manager)|cellule de crise|crisis (?:cell|team)/iu);
const PRIVACY_ROLE = lowered(/\bdpo\b|d[ée]l[ée]gu[ée] (?:[àa] la )?protection des donn[ée]es|data protection officer|privacy officer/iu);
const SUPPORT_ROLE = lowered(/support|hotline|hot-line|service desk|help ?desk|customer care|care desk|customer service|service clients?|help ?line|centre (?:de services|d'appels|d'assistance)|assistance|centre de support|standard/iu);
const COMMERCIAL_ROLE = lowered(/commercial|account manager|chargé d'affaires|ing[ée]nieur d'affaires|sales|interlocuteur commercial|customer success|directeur de compte/iu);
const LEGAL_NOTICE = lowered(/notices?\b.*\b(?:sent|addressed|given)|notifications? (?:l[ée]gales|contractuelles)|courriers?|lettre recommand[ée]e|registered (?:mail|letter)|si[èe]ge social|registered office|legal department|service juridique|direction juridique/iu);

/** A phone number: 9 to 15 digits in one run of digits, spaces, dots, dashes and brackets. */
function hasPhone(text: string): boolean {
  for (const m of text.matchAll(/(?:\+|\b0|\()[\d\s().\/-]{7,22}\d/gu)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15) return true;
  }
  return false;
}

// Without the i flag (slow in Unicode mode): the only cased part is the top-level domain.
// Also written "contact(at)example.fr" to escape address harvesters.
const EMAIL = /[\p{L}0-9._%+-]+(?:@|\s?[([{]at[)\]}]\s?)[\p{L}0-9.-]+\.[a-zA-Z]{2,}/u;
const PERSON = /\b(?:m\.|mme|mr|mrs|ms|dr|madame|monsieur)\s+\p{Lu}|\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}(?:\p{Ll}+|\p{Lu}+)\b/u;
const LATER =
  /d[ée]signera|sera d[ée]sign[ée]|seront d[ée]sign[ée]s|communiquera (?:ult[ée]rieurement|[àa] la notification|dans)|communiqu[ée]e?s? ult[ée]rieurement|sera communiqu[ée]|seront communiqu[ée]s|sur (?:simple )?demande|will (?:designate|appoint|nominate|provide|notify|communicate)|shall (?:designate|appoint|nominate)|to be (?:designated|appointed|provided|confirmed|notified)|upon request|on request|prior to (?:go-live|the start)|avant (?:la mise en (?:production|service)|le d[ée]marrage)/iu;

const VIA_SUPPORT = /(?:via|through|par l'interm[ée]diaire d[eu]|par le biais d[eu]|by way of|using)\s+(?:notre |le |la |our |the |its |son |sa )?(?:support|hotline|hot-line|service desk|help ?desk|centre (?:de support|d'assistance|d'appels)|standard|ticketing|portail (?:de )?support|support portal)/u;
// Words that make a sentence about a role a statement about reaching it.
const CONTACT_CUE =
  lowered(/contact|officer|\bnom\b|\bname\b|coordonn|details|represent|\bpersonnes?\b|person\b|interlocut|correspondant|joignable|point d'entr[ée]e|d[ée]sign|nomm|r[ée]f[ée]rent|escalad|astreinte|appoint|designat|named|nominat|reach|escalat|on[- ]call|liaison/iu);

/** "rssi@…", "cert@…": a role word that is part of an e-mail address. */
function inAddress(text: string, m: RegExpExecArray): boolean {
  return /^[\p{L}\d._-]*@/u.test(text.slice(m.index! + m[0].length)) || /[@.]$/.test(text.slice(0, m.index));
}

/** "SOC | Security Operation Center": a row of a list of acronyms, not a contact. */
function glossaryRow(sentence: Sentence): boolean {
  if (!sentence.tableRow) return false;
  const cells = sentence.text.split(' | ').map((c) => c.trim()).filter(Boolean);
  if (cells.length !== 2 || !/^[\p{Lu}\d-]{2,8}$/u.test(cells[0]!)) return false;
  const initials = cells[1]!.split(/[\s-]+/).map((w) => w[0] ?? '').join('').toUpperCase();
  return initials.startsWith(cells[0]!.replace(/[^\p{Lu}]/gu, '').slice(0, 2));
}

function hasCoordinates(text: string): boolean {
  // Cheap tests first: most sentences hold neither an @ nor a digit.
  return ((text.includes('@') || /[([{]at[)\]}]/.test(text)) && EMAIL.test(text)) || (/\d/.test(text) && hasPhone(text));
}

// A word every SECURITY_ROLE match contains: most sentences of a security contract say "security" but name no
// role, and this plain list spares them the role pattern (slow: a look-behind and up to three words of lookahead).
const ROLE_WORDS =
  /\b(?:rssi|ciso|cso|soc|csirt|cert)\b|responsable|r[ée]f[ée]rent|correspondant|r[ée]pondant|directeur|directrice|chef|officier|manager|officer|lead|head|contact|interlocuteur|[ée]quipe|cellule|team|centre|center|desk|astreinte|operations|op[ée]rationnelle|chief|representative|correspondent|focal point|liaison|crisis/;
// Literal stems every SECURITY_ROLE or PRIVACY_ROLE match contains: a cheap test first.
const ROLE_STEMS = /\b(?:rssi|ciso|cso|soc|csirt|cert|ssi|dpo)\b|s[ée]curit|security|cyber|incident response|crise|crisis|d[ée]l[ée]gu|data protection|privacy/u;
// Global twins in the same fast (non-Unicode) form as their parts: 'u' would make them a third slower.
const ALL_ROLES = new RegExp(`${SECURITY_ROLE.source}|${SUPPORT_ROLE.source}|${COMMERCIAL_ROLE.source}|${PRIVACY_ROLE.source}`, `${SECURITY_ROLE.flags}g`);
const SECURITY_ROLES = new RegExp(SECURITY_ROLE.source, `${SECURITY_ROLE.flags}g`);
const PRIVACY_ROLES = new RegExp(PRIVACY_ROLE.source, `${PRIVACY_ROLE.flags}g`);

// An address at the hospital's own domain: a label that starts with what names an establishment.
const CLIENT_DOMAIN = /@(?:[\p{L}\d-]+\.)*(?:chu|chr|ch[a-z]?|ght|h[oô]pital|hopital|hospital|nhs|clinique|ehpad|ars|trust)(?:[-.])/iu;

/**
 * Whose contact a role mention is: "TeleCura's CISO", "RSSI du Titulaire",
 * "le GHT désigne … son RSSI", an e-mail at the hospital's domain, or the
 * heading of the table ("Contacts du Fournisseur").
 */
function ownerOf(context: CheckContext, sentence: Sentence, roleAt: number, tableHeading: string): 'supplier' | 'client' | null {
  const { parties } = context.analysis;
  const lower = sentence.lower;
  const names = (role: 'supplier' | 'client') => namesPattern(role === 'supplier' ? parties.supplier.filter((n) => !['we', 'us', 'our', 'nous', 'you', 'your', 'vous'].includes(n)) : parties.client.filter((n) => !['you', 'your', 'vous'].includes(n)));
  // Compiled once per contract: `key` names the pattern, `source` builds it on first use.
  const rx = (key: string, source: () => string, flags = 'u') => ownedRegex(parties, `contacts:${key}`, source, flags);
  for (const role of ['supplier', 'client'] as const) {
    const before = lower.slice(Math.max(0, roleAt - 60), roleAt);
    const after = lower.slice(roleAt, roleAt + 90);
    if (rx(`possessive-before:${role}`, () => `${names(role)}(?:'s|’s)\\s+(?:[\\p{L}-]+\\s+){0,4}$`, 'u').test(before)) return role;
    // A row labelled by its side: "Customer – CISO …", "Établissement : RSSI …".
    if (rx(`row-label:${role}`, () => `${names(role)}\\s*[–—:|-]\\s*(?:[\\p{L}-]+\\s+){0,2}$`, 'u').test(before)) return role;
    // "RSSI Établissement Marc Le Goff …": the role word, then the side it belongs to.
    if (rx(`role-then-party:${role}`, () => `^\\S+\\s+(?:l'|le |la |the )?${names(role)}(?![\\p{L}])`, 'u').test(lower.slice(roleAt))) return role;
    // A row that opens with its side and lost its cell separators (RTF, PDF): "CHU RSSI, Mme … 01 …".
    if (rx(`row-start:${role}`, () => `^\\s*(?:l'|le |la |les |the )?${names(role)}\\s+$`, 'u').test(lower.slice(0, roleAt))) return role;
    if (rx(`of-party-after:${role}`, () => `^(?:(?!charg|recev|receiv|\\bqui\\b|\\bwho\\b|\\bthat\\b|\\bpour\\b|\\bto\\b|\\bfor\\b)[^,;(|]){0,80}?\\b(?:du|de l'|de la|des|of the|of|côté)\\s*(?:l'|le|la|the)?\\s*${names(role)}`, 'u').test(after)) return role;
  }
  const email = sentence.text.includes('@') ? EMAIL.exec(sentence.text) : null;
  if (email && CLIENT_DOMAIN.test(email[0])) return 'client';
  if (email && parties.defined.some((d) => d.role === 'supplier' && d.name.length >= 4 && email[0].toLowerCase().includes(d.name.replace(/\s+/g, '')))) return 'supplier';
  // "its CISO": English "its" points back to the party whose possessive opened the clause
  // ("TeleCura's contacts … are its CISO"), else to the nearest party named before it.
  if (/\b(?:its|their)\s+(?:[\p{L}-]+\s+){0,2}$/u.test(lower.slice(Math.max(0, roleAt - 30), roleAt))) {
    const before = sentence.text.slice(Math.max(0, roleAt - 160), roleAt);
    const possessive = [...before.matchAll(/([\p{L}][\p{L}-]*)(?:'s|’s)\b/gu)].pop();
    if (possessive) {
      const owner = possessive[1]!.toLowerCase();
      if (parties.client.includes(owner)) return 'client';
      if (parties.supplier.includes(owner) || /^\p{Lu}/u.test(possessive[1]!)) return 'supplier';
    }
    // "Customer shall provide … its IT security lead": the subject's own.
    const subject = whoIsBound(sentence, roleAt, parties, { passiveAgent: false });
    if (subject.via === 'subject' && (subject.role === 'supplier' || subject.role === 'client')) return subject.role;
    const both = rx('any-party', () => `${names('supplier')}|${names('client')}`, 'gu');
    const previous = [...lower.slice(Math.max(0, roleAt - 120), roleAt).matchAll(both)].pop();
    if (previous) return rx('is-client', () => `^${names('client')}$`, 'u').test(previous[0]) ? 'client' : 'supplier';
  }
  // "son RSSI": French "son" points back to the subject.
  if (/(?:\bson|\bsa|\bses)\s+(?:[\p{L}-]+\s+){0,2}$/u.test(lower.slice(Math.max(0, roleAt - 30), roleAt))) {
    const bound = whoIsBound(sentence, roleAt, parties, { passiveAgent: false });
    if (bound.role === 'supplier' || bound.role === 'client') return bound.role;
  }
  // "Exigences de l'Établissement" are what the client asks of the supplier: the heading names no owner.
  const heading = tableHeading.toLowerCase().replace(REQUIREMENTS_HEADING, '');
  if (rx('heading-of-client', () => `\\b(?:du|de l'|de la|des|of the|of|for the|for)\\s*(?:l'|le|la|the)?\\s*${names('client')}`, 'u').test(heading) || rx('heading-client-possessive', () => `${names('client')}(?:'s|’s)`, 'u').test(heading)) return 'client';
  if (rx('heading-of-supplier', () => `\\b(?:du|de l'|de la|des|of the|of|for the|for)\\s*(?:l'|le|la|the)?\\s*${names('supplier')}`, 'u').test(heading) || rx('heading-supplier-possessive', () => `${names('supplier')}(?:'s|’s)`, 'u').test(heading)) return 'supplier';
  // "Le Prestataire désigne un RSSI": the designating party ("Customer may contact the desk" names no owner).
  if (/d[ée]sign|nomm|appoint|designat|identif|nominat|provide|fournit|communique|indique/u.test(lower.slice(Math.max(0, roleAt - 120), roleAt))) {
    const bound = whoIsBound(sentence, roleAt, parties, { passiveAgent: false });
    if (bound.via === 'subject' && (bound.role === 'supplier' || bound.role === 'client')) return bound.role;
  }
  return null;
}

/**
 * The stretch of a sentence that speaks of one role: from the end of the role
 * named before it to the start of the next one. A flattened table ("Service
 * desk 0113 … Security contact TBD") must not lend the desk's number to the
 * security contact.
 */
function roleWindow(text: string, all: RegExpMatchArray[], roleAt: number, roleEnd: number): { text: string; reachesEnd: boolean } {
  // With one role in the sentence, details may stand before it ("M. Durand (01 …), RSSI");
  // with several (a flattened table), each role's details follow it.
  // A role labelled as a row ("Provider – Security manager …") starts its row: nothing before it is its own.
  const rowLabel = /[\p{L}]\s*[–—|]\s*(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(Math.max(0, roleAt - 40), roleAt));
  let from = all.length <= 1 && !rowLabel ? Math.max(0, roleAt - 150) : roleAt;
  let to = Math.min(text.length, roleEnd + 250);
  for (const m of all) {
    const start = m.index!;
    const end = start + m[0].length;
    if (end <= roleAt && end > from) from = end;
    if (start >= roleEnd && start < to) to = start;
  }
  return { text: text.slice(from, to), reachesEnd: to >= text.length };
}

// Every word the role patterns start from (ROLE_STEMS covers SECURITY_ROLE and PRIVACY_ROLE), for one scan of the document.
const ANY_ROLE_WORD = new RegExp(`${ROLE_STEMS.source}|${SUPPORT_ROLE.source}|${COMMERCIAL_ROLE.source}`, 'g');
const REQUIREMENTS_HEADING = new RegExp(`${REQUIREMENTS_OF}[^,;:>]*`, 'gu');
const CONTACTS_HEADING = /contacts?|interlocuteurs?|correspondants?|points? de contact|escalad/u;
const SECURITY_HEADING = /s[ée]curit|security|incident|crise|crisis|ssi|cyber/u;

export const securityContacts: Check = (context) => {
  const { analysis, lang } = context;
  const candidates: Candidate[] = [];
  const nearMisses: NearMiss[] = [];
  const sentences = analysis.sentences;

  // Sentences that name a role or a desk; any other can only be a row of a security-contacts section.
  const named = analysis.sentencesWith(ANY_ROLE_WORD);
  for (let i = 0; i < sentences.length; i++) {
    const sentence: Sentence = sentences[i]!;
    if (!named[i] && !(analysis.headingTest(sentence, CONTACTS_HEADING) && analysis.headingTest(sentence, SECURITY_HEADING))) continue;
    const lower = sentence.lower;
    if (sentence.heading || analysis.isDefinition(sentence) || glossaryRow(sentence)) continue;
    // The DPO is read too: a DPO alone is a weak answer, not no answer.
    const securityHere = ROLE_STEMS.test(lower) && ((ROLE_WORDS.test(lower) && SECURITY_ROLE.test(lower)) || (PRIVACY_ROLE.test(lower) && hasCoordinates(sentence.text)));
    // A table row under a security-contacts heading counts as a security contact row.
    const securitySection = analysis.headingTest(sentence, CONTACTS_HEADING) && analysis.headingTest(sentence, SECURITY_HEADING);
    const ordinaryDesk = !securityHere && (SUPPORT_ROLE.test(lower) || COMMERCIAL_ROLE.test(lower));
    const heading = analysis.headingPath(sentence);
    if (!securityHere && (ordinaryDesk || !(securitySection && (sentence.tableRow || hasCoordinates(sentence.text))))) {
      // A desk counts as a (weak) contact only with a way to reach it.
      if (ordinaryDesk && hasCoordinates([sentence, ...followers(analysis, sentence, 1)].map((s) => s.text).join(' '))) {
        const commercial = COMMERCIAL_ROLE.test(lower);
        const desk = (SUPPORT_ROLE.exec(lower) ?? COMMERCIAL_ROLE.exec(lower))!;
        // The client's own service desk says nothing of the supplier.
        if (ownerOf(context, sentence, desk.index, heading.split(' > ').pop() ?? '') === 'client') continue;
        nearMisses.push({
          sentence,
          note: commercial
            ? pick(lang, 'contact commercial, pas un contact sécurité.', 'a commercial contact, not a security contact.')
            : pick(lang, "support générique pour les demandes ordinaires, pas un contact sécurité identifié.", 'a generic support desk for ordinary requests, not a named security contact.'),
          closeness: commercial ? 1 : 3,
        });
        if (!commercial && !LEGAL_NOTICE.test(lower)) {
          candidates.push({ sentence, status: 'weak', reasons: ['generic-support-only'], value: null, detail: pick(lang, 'support générique', 'generic support desk'), strength: 1 });
        }
      }
      continue;
    }
    if (LEGAL_NOTICE.test(lower) && !securityHere) continue;
    // Context: the row or sentence, and for a heading-like line the next one.
    const window = [sentence, ...sentences.slice(i + 1, i + 3).filter((s) => s.line - sentence.line <= 2 && !s.heading)];
    // A lead-in ("Supplier's security officer:") takes its items ("- Name: TBD") along.
    if (/:\s*$/.test(sentence.text)) {
      for (let j = i + 1; j < sentences.length && j <= i + 8 && sentences[j]!.leadIn !== null; j++) if (!window.includes(sentences[j]!)) window.push(sentences[j]!);
    }
    const text = window.map((s) => s.text).join(' ');
    // Each role named in the sentence is read on its own stretch; a table row is one stretch.
    // "rssi@…" is an address, not a role.
    const notInAddress = (m: RegExpExecArray) => !inAddress(lower, m);
    const roleMatches = [...lower.matchAll(SECURITY_ROLES)].filter(notInAddress);
    if (roleMatches.length === 0) roleMatches.push(...lower.matchAll(PRIVACY_ROLES));
    if (roleMatches.length === 0) roleMatches.push(Object.assign([''], { index: 0 }) as unknown as RegExpExecArray);
    // Every role the sentence names, each ending the stretch of the one before. "The Supplier's SOC is the Customer's
    // point of contact … on +49 …": a generic "point of contact" names no other person, so it ends no stretch.
    const allRoles = sentence.tableRow ? [] : [...lower.matchAll(ALL_ROLES)].filter((m) => !inAddress(lower, m as RegExpExecArray) && !/^(?:point (?:of|de) contact|contact|interlocut|correspondant)/u.test(m[0]));
    for (const roleMatch of roleMatches) {
      const roleAt = roleMatch.index ?? 0;
      if (ownerOf(context, sentence, roleAt, heading.split(' > ').pop() ?? '') === 'client') {
        nearMisses.push({ sentence, note: pick(lang, 'contact du client, pas du prestataire.', "the client's contact, not the supplier's."), closeness: 2 });
        continue;
      }
      const own = sentence.tableRow ? { text: sentence.text, reachesEnd: false } : roleWindow(sentence.text, allRoles, roleAt, roleAt + roleMatch[0].length);
      // The window, plus what follows the sentence when the role ends it ("… notre RSSI :" then the details).
      const focus = own.reachesEnd && /:\s*$/.test(sentence.text) ? `${own.text} ${text.slice(sentence.text.length)}` : own.text;
      const coordinates = hasCoordinates(focus);
      if (!coordinates && !sentence.tableRow && !CONTACT_CUE.test(lower) && !CONTACT_CUE.test(heading) && !PERSON.test(focus)) continue;
      const focusLower = focus.toLowerCase();
      const privacyOnly = !SECURITY_ROLE.test(focusLower) && PRIVACY_ROLE.test(focusLower);
      const placeholder = PLACEHOLDER.test(focusLower) || /\|\s*\|/.test(sentence.text) || /\|\s*$/.test(sentence.text.trim());
      const reasons: string[] = [];
      if (privacyOnly) reasons.push('privacy-contact-only');
      // "Correspondant sécurité … : Oui – via notre support : 01 …": the details reach the ordinary support desk.
      if (VIA_SUPPORT.test(focusLower)) reasons.push('generic-support-only');
      const reference = coordinates ? null : analysis.referencedSection(sentence) ?? analysis.referencedSection({ ...sentence, text: sentence.text.replace(/(?:figurent|sont list[ée]s|are listed|are set out|appear)\s+(?:[àa]|in|en)\s+/iu, 'set out in ') });
      if (!coordinates) reasons.push(placeholder ? 'placeholder' : LATER.test(focus) ? 'promised-later' : reference === 'unresolved' ? 'unresolved-reference' : 'no-coordinates');
      else if (placeholder && !EMAIL.test(focus)) reasons.push('placeholder');
      const named = PERSON.test(focus);
      candidates.push({
        sentence,
        ...judged(reasons),
        value: null,
        detail: coordinates
          ? pick(lang, `contact sécurité identifié${named ? ' nommément' : ''} avec coordonnées`, `security contact${named ? ' named' : ''} with coordinates`)
          : pick(lang, 'contact sécurité mentionné sans coordonnées', 'security contact mentioned without coordinates'),
        strength: (coordinates ? 10 : 0) + (named ? 1 : 0),
      });
    }
  }
  return decide(context, candidates, nearMisses, {
    title: context.rule.title,
    searched: {
      fr: 'un contact sécurité du prestataire (nom ou fonction précise, type RSSI ou SOC) avec téléphone ou courriel, dans le corps du contrat ou une annexe',
      en: "a supplier security contact (name or precise role such as CISO or SOC) with a phone number or e-mail, in the body or a schedule",
    },
  });
};
