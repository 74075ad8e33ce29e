import { PLACEHOLDER } from '../../language/hedges.js';
import type { Sentence } from '../analysis/sentences.js';
import type { Check, CheckContext } from '../types.js';
import { decide, pick, type Candidate, type NearMiss } from './common.js';
import { namesPattern } from '../analysis/parties.js';

/**
 * security-contacts: the supplier's security contact is identified before the
 * crisis — a named person or a precise security role, with a phone number or an
 * e-mail address, in the body or in an annex table.
 */

const SECURITY_ROLE =
  /\brssi\b|\bciso\b|\bcso\b|responsable (?:de la )?s[ée]curit[ée]|r[ée]f[ée]rent(?:e)? (?:s[ée]curit[ée]|ssi|cyber)|correspondant(?:e)? (?:s[ée]curit[ée]|ssi|cyber)|officier de s[ée]curit[ée]|contact (?:s[ée]curit[ée]|ssi|cyber)|cellule (?:de crise|s[ée]curit[ée]|cyber)|[ée]quipe (?:s[ée]curit[ée]|ssi|cyber)|\bsoc\b(?!\s*(?:[123]|type))|\bcsirt\b|\bcert\b|security (?:officer|manager|lead|contact|team|operations|desk)|chief information security|incident response (?:team|contact|manager)|head of security|security point of contact|s[ée]curit[ée] (?:op[ée]rationnelle|des syst[èe]mes)|astreinte (?:s[ée]curit[ée]|ssi|cyber)/iu;
const PRIVACY_ROLE = /\bdpo\b|d[ée]l[ée]gu[ée] (?:[àa] la )?protection des donn[ée]es|data protection officer|privacy officer/iu;
const SUPPORT_ROLE = /support|hotline|hot-line|service desk|help ?desk|centre (?:de services|d'appels|d'assistance)|assistance|centre de support|standard/iu;
const COMMERCIAL_ROLE = /commercial|account manager|chargé d'affaires|ing[ée]nieur d'affaires|sales|interlocuteur commercial|customer success|directeur de compte/iu;
const LEGAL_NOTICE = /notices?\b.*\b(?:sent|addressed|given)|notifications? (?:l[ée]gales|contractuelles)|courriers?|lettre recommand[ée]e|registered (?:mail|letter)|si[èe]ge social|registered office|legal department|service juridique|direction juridique/iu;

const EMAIL = /[\p{L}0-9._%+-]+@[\p{L}0-9.-]+\.[a-z]{2,}/iu;
const PHONE = /(?:\+|00)\s?\d{2,3}[\s.-]?\(?\d\)?(?:[\s.-]?\d{2,4}){3,5}|\b0\d(?:[\s.-]?\d{2}){4}\b|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\b\d{3}[\s.-]\d{3}[\s.-]\d{4}\b|\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b/u;
const PERSON = /\b(?:m\.|mme|mr|mrs|ms|dr|madame|monsieur)\s+\p{Lu}|\b\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?\s+\p{Lu}(?:\p{Ll}+|\p{Lu}+)\b/u;
const LATER =
  /d[ée]signera|sera d[ée]sign[ée]|seront d[ée]sign[ée]s|communiquera (?:ult[ée]rieurement|[àa] la notification|dans)|communiqu[ée]e?s? ult[ée]rieurement|sera communiqu[ée]|seront communiqu[ée]s|sur (?:simple )?demande|will (?:designate|appoint|nominate|provide|notify|communicate)|shall (?:designate|appoint|nominate)|to be (?:designated|appointed|provided|confirmed|notified)|upon request|on request|prior to (?:go-live|the start)|avant (?:la mise en (?:production|service)|le d[ée]marrage)/iu;

// Words that make a sentence about a role a statement about reaching it.
const CONTACT_CUE =
  /contact|interlocut|correspondant|joignable|point d'entr[ée]e|d[ée]sign|nomm|r[ée]f[ée]rent|escalad|astreinte|appoint|designat|named|nominat|reach|escalat|on[- ]call|liaison/iu;

function hasCoordinates(text: string): boolean {
  return EMAIL.test(text) || PHONE.test(text);
}

/** Whether the text belongs to the client's side ("Pour l'Établissement", "Customer contacts"). */
function clientSide(context: CheckContext, text: string): boolean {
  const { parties } = context.analysis;
  const client = new RegExp(`(?:pour|côté|cote|du|de l'|contacts? (?:du|de l')|for|customer's?|client's?)\\s*(?:l'|le|la|the)?\\s*${namesPattern(parties.client)}`, 'iu');
  const supplier = new RegExp(`(?:pour|côté|cote|du|de l'|contacts? (?:du|de l')|for)\\s*(?:l'|le|la|the)?\\s*${namesPattern(parties.supplier.filter((n) => !['we', 'us', 'our', 'nous'].includes(n)))}`, 'iu');
  return client.test(text) && !supplier.test(text);
}

function coordinatesOf(sentence: Sentence, text: string): boolean {
  return hasCoordinates(sentence.tableRow ? sentence.text : text);
}

export const securityContacts: Check = (context) => {
  const { analysis, lang } = context;
  const candidates: Candidate[] = [];
  const nearMisses: NearMiss[] = [];
  const sentences = analysis.sentences;

  for (let i = 0; i < sentences.length; i++) {
    const sentence: Sentence = sentences[i]!;
    const lower = sentence.lower;
    const heading = analysis.headingPath(sentence);
    const securityHere = SECURITY_ROLE.test(lower);
    // A table row under a security-contacts heading counts as a security contact row.
    const securitySection = /contacts?|interlocuteurs?|correspondants?|points? de contact|escalad/iu.test(heading) && /s[ée]curit|security|incident|crise|crisis|ssi|cyber/iu.test(heading);
    if (!securityHere && !(securitySection && (sentence.tableRow || hasCoordinates(sentence.text)))) {
      if ((SUPPORT_ROLE.test(lower) || COMMERCIAL_ROLE.test(lower)) && hasCoordinates(sentence.text)) {
        const commercial = COMMERCIAL_ROLE.test(lower);
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
    const text = window.map((s) => s.text).join(' ');
    if (clientSide(context, sentence.text + ' ' + heading.split(' > ').pop())) {
      nearMisses.push({ sentence, note: pick(lang, 'contact du client, pas du prestataire.', "the client's contact, not the supplier's."), closeness: 2 });
      continue;
    }
    if (!coordinatesOf(sentence, text) && !sentence.tableRow && !CONTACT_CUE.test(lower)) continue;
    const privacyOnly = !securityHere && PRIVACY_ROLE.test(lower);
    const coordinates = coordinatesOf(sentence, text);
    const placeholder = PLACEHOLDER.test(sentence.tableRow ? sentence.text : text) || /\|\s*\|/.test(sentence.text) || /\|\s*$/.test(sentence.text.trim());
    const reasons: string[] = [];
    if (privacyOnly) reasons.push('privacy-contact-only');
    if (!coordinates) reasons.push(placeholder ? 'placeholder' : LATER.test(text) ? 'promised-later' : 'no-coordinates');
    else if (placeholder && !EMAIL.test(sentence.text)) reasons.push('placeholder');
    if (LATER.test(lower) && !coordinates && !reasons.includes('promised-later')) reasons.push('promised-later');
    const status = reasons.length ? 'weak' : 'ok';
    const named = PERSON.test(sentence.text);
    candidates.push({
      sentence,
      status,
      reasons: status === 'ok' ? ['meets-threshold'] : reasons,
      value: null,
      detail: coordinates
        ? pick(lang, `contact sécurité identifié${named ? ' nommément' : ''} avec coordonnées`, `security contact${named ? ' named' : ''} with coordinates`)
        : pick(lang, 'contact sécurité mentionné sans coordonnées', 'security contact mentioned without coordinates'),
      strength: (coordinates ? 10 : 0) + (named ? 1 : 0),
    });
  }
  return decide(context, candidates, nearMisses, {
    title: context.rule.title,
    searched: {
      fr: 'un contact sécurité du prestataire (nom ou fonction précise, type RSSI ou SOC) avec téléphone ou courriel, dans le corps du contrat ou une annexe',
      en: "a supplier security contact (name or precise role such as CISO or SOC) with a phone number or e-mail, in the body or a schedule",
    },
  });
};
