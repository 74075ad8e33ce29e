import { allPartiesPattern, type PartyLexicon } from './parties.js';
import { ownedRegex } from './regex-cache.js';
import { lowered } from '../../language/lowered.js';
import type { Sentence } from './sentences.js';

/**
 * Who is bound by the verb at a given place in a sentence, and whether the
 * verb is negated. Contracts put the subject far from the verb ("Le Titulaire,
 * dès qu'il a connaissance d'un incident affectant l'Établissement, le notifie
 * …"), use passives ("shall be notified to Customer by Supplier") and leave the
 * subject in a list's lead-in; each is handled in turn, most explicit first.
 */

export type BoundRole = 'supplier' | 'client' | 'both' | 'other' | 'unknown';

export interface Bound {
  role: BoundRole;
  via: 'subject' | 'agent' | 'recipient' | 'lead-in' | 'section' | 'none';
}

// A finite verb or modal right after a subject: what makes a party mention the subject.
const VERB_AFTER_SUBJECT = lowered(new RegExp(
  String.raw`^(?:\s*\([^)]{0,120}\))?(?:\s*,[^,;]{0,200},)?\s*(?:(?:et|and)\s+(?:ses|son|sa|its|their|tout|any)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+)?(?:(?:ne|n'|se|s'|lui|leur|l'|le|la|les|en|y|vous|nous)\s*)*(?:` +
    [
      // French finite forms used in obligations, rights and statements
      String.raw`enregistre|enregistrera|journalise|journalisera|consigne|consignera|collecte|collectera|stocke|stockera|h[ée]berge|h[ée]bergera|recueille|recueillera|maintient|maintiendra|r[ée]alise|r[ée]alisera|effectue|effectuera|r[ée]pond|r[ée]pondra|engage|engagent|oblige|obligent|doit|doivent|devra|devront|est\b|sont\b|sera\b|seront\b|a\b|ont\b|aura\b|auront\b|peut|peuvent|pourra|pourront|r[ée]serve|dispose|disposera|b[ée]n[ée]ficie|accepte|autorise|permet|notifie|notifiera|informe|informera|avertit|avertira|alerte|alertera|signale|signalera|pr[ée]vient|pr[ée]viendra|conserve|conservera|garde|archive|tient|tiendra|met|mettra|assure|assurera|garantit|garantira|d[ée]signe|d[ée]signera|communique|communiquera|transmet|transmettra|fournit|fournira|interdit|veille|veillera|prend|prendra|proc[èe]de|proc[ée]dera|adresse|adressera|fait|fera|s'acquitte|paie|paiera|paye|supporte|reconna[îi]t|d[ée]clare|consent|conserveront|notifieront|informeront|souscrit|applique|appliquera|remet|remettra|respecte|respectera|r[ée]alise|r[ée]alisera|effectue|effectuera|laisse|tol[èe]re|facilite|facilitera|d[ée]clenche|pr[ée]sente|d[ée]tient`,
      // "nous conservons", "vous pouvez", "nous notifierons": the first and second persons plural of any verb
      String.raw`[\p{L}]{2,}(?:ons|ez)`,
      // English
      String.raw`shall|must|will|may|might|should|can|cannot|agrees?|undertakes?|commits?|is\b|are\b|has\b|have\b|hereby|notif(?:y|ies)|inform(?:s)?|retains?|keeps?|maintains?|provides?|warrants?|acknowledges?|represents?|ensures?|grants?|designates?|appoints?|permits?|allows?|pays?|reserves?|stores?|preserves?|logs?\b|records?\b|submits?|accepts?|consents?`,
    ].join('|') +
    // A whole word: "the Hospital informed of" is no subject of "inform".
    String.raw`)(?![\p{L}])`,
  'iu',
));

const MUTUAL = lowered(/(?:chaque|l'une? (?:ou l'autre |des )?|aucune des|les deux) parties?|les parties|each party|either party|both parties|the parties|each of the parties/giu);

// Negation that governs a verb: "n'est pas tenu de", "is not required to", "no obligation to".
const NEGATION_FR = lowered(/\b(?:ne|n')\s*(?:[\p{L}']+\s+){0,4}?(?:pas|point|jamais|nullement|aucunement|plus)\b|\baucune obligation\b|\bsans (?:obligation|[êe]tre tenu)\b|\bexclut\b|\bexclu(?:e|s|es)?\s+(?:de|du)\b/iu);
const NEGATION_EN = lowered(/\b(?:not|never|no obligation|under no|in no event|nothing in|without any obligation|neither|nor)\b/iu);
// "no later than", "not more than", "not exceeding": deadlines and ceilings, not negations of the verb.
const NOT_A_NEGATION = lowered(/\bnot\s+(?:keep|retain|store|conserve|hold|preserve)\b[^.;]{0,60}?\b(?:less|fewer|shorter) than\b|\bne\s+(?:[\p{L}']+\s+){0,4}?(?:pas|jamais)\s+(?:[\p{L}']+\s+){0,4}?moins de\b|\b(?:no|not) (?:later|more|less|longer|fewer|sooner|earlier) than\b|\bnot (?:to )?exceed(?:ing)?\b|\bnot exceeding\b|\bne (?:pourra|peut|saurait|devra|doit) (?:pas )?(?:exc[ée]der|d[ée]passer)\b|\bnot? (?:less|fewer)\b|\bpas moins de\b|\bau plus tard\b/giu);

const RELATIVE_CLAUSE = /\b(?:qui|who|which)\b[^,;:()]{0,80},/gu;

export function isNegated(before: string, lang: 'fr' | 'en' | 'any' = 'any'): boolean {
  const window = before.slice(-90).toLowerCase().replace(NOT_A_NEGATION, ' ');
  // Only the clause that holds the verb: stop at the last ';' or sentence-internal ':'.
  // A relative clause closed before the verb describes a noun, not the duty: "tout vérificateur … qui n'est pas un
  // concurrent du prestataire, peut procéder …", "an auditor who is not a competitor, may …".
  const clause = window.slice(Math.max(window.lastIndexOf(';'), window.lastIndexOf(':')) + 1).replace(RELATIVE_CLAUSE, ' ');
  if (lang !== 'en' && NEGATION_FR.test(clause)) return true;
  if (lang !== 'fr' && NEGATION_EN.test(clause)) return true;
  return false;
}

/**
 * "Exigences de l'Établissement", "Customer's requirements of": a heading that names what one party asks of the
 * other, so the party it names is not the one bound. The source is shared by the contacts check.
 */
export const REQUIREMENTS_OF = String.raw`(?:exigences?|requirements?|attentes|expectations|demandes|requests?|prescriptions)\s+(?:de\s+(?:la\s+|l'|le\s+)?|du\s+|des\s+|of\s+(?:the\s+)?)?`;
const REQUIREMENTS_OF_END = new RegExp(`${REQUIREMENTS_OF}\\s*$`, 'u');

/**
 * French negation wraps the verb: "il ne les communique pas". True when `ne`/`n'` stands just before the verb
 * that runs from `start` and "pas", "jamais", "point", "nullement" or "aucunement" right after it.
 */
export function frenchNegationAround(lower: string, start: number): boolean {
  if (!/\b(?:ne|n')\s*(?:(?:les|le|la|l'|lui|leur|leurs|en|y|se|s')\s*){0,2}$/u.test(lower.slice(Math.max(0, start - 30), start))) return false;
  return /^[\p{L}'’-]*\s+(?:pas|jamais|point|nullement|aucunement|plus)\b/u.test(lower.slice(start, start + 40));
}

/** The role a party mention stands for ("l'Établissement" → client). */
export function roleOfMention(mention: string, lexicon: PartyLexicon): BoundRole {
  const m = mention.toLowerCase().replace(/^(?:(?:le|la|les|the|au|aux|du|des|à la)\s+|l'|à l')/u, '').trim();
  if (lexicon.supplier.includes(m)) return 'supplier';
  if (lexicon.client.includes(m)) return 'client';
  return 'other';
}

interface Mention {
  index: number;
  end: number;
  role: BoundRole;
}

function mentions(text: string, lexicon: PartyLexicon): Mention[] {
  const out: Mention[] = [];
  const re = ownedRegex(lexicon, 'mentions', () => allPartiesPattern(lexicon), 'gu'); // text is lower-cased
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // "vous"/"you"/"we" are parties only in documents written in that voice; a bare role word counts.
    out.push({ index: m.index, end: m.index + m[0].length, role: roleOfMention(m[0], lexicon) });
  }
  MUTUAL.lastIndex = 0;
  while ((m = MUTUAL.exec(text)) !== null) out.push({ index: m.index, end: m.index + m[0].length, role: 'both' });
  return out.sort((a, b) => a.index - b.index);
}

/** The role of the last party mention before `at` that is the subject of a verb. */
function subjectBefore(text: string, at: number, lexicon: PartyLexicon): BoundRole | null {
  const found = mentions(text.slice(0, at), lexicon).filter((m) => {
    const precededBy = text.slice(Math.max(0, m.index - 25), m.index).toLowerCase();
    // "de l'Établissement", "to the Customer", "par le Titulaire", "the Customer's", "pour le compte du" are not subjects.
    if (/(?:\b(?:de|du|des|à|au|aux|par|pour|avec|envers|contre|chez|auprès|aupres|of|to|by|for|with|from|against|than|que)\s+(?:l'|le|la|les|the|ce|cet|cette)?\s*)$/u.test(precededBy)) return false;
    if (/^'s\b|^’s\b/.test(text.slice(m.end, m.end + 3))) return false;
    // "Nous vous informons": the second pronoun is the object, the first the subject.
    if (/^(?:vous|nous)$/u.test(text.slice(m.index, m.end)) && /\b(?:nous|vous|je|j'|il|elle|ils|elles|on)\s+$/u.test(precededBy)) return false;
    return VERB_AFTER_SUBJECT.test(text.slice(m.end, m.end + 260));
  });
  return found.length ? found[found.length - 1]!.role : null;
}

// "Il incombe à l'Hôpital de notifier…", "il appartient au Titulaire de", "it is the responsibility of the
// Customer to": the party the duty is put on, named before the verb in an impersonal phrase.
function chargedParty(before: string, lexicon: PartyLexicon): BoundRole | null {
  const re = ownedRegex(
    lexicon,
    'charged',
    () =>
      String.raw`(?:il (?:incombe|appartient|revient)|c'est)\s+(?:à|au|aux)\s+(?:l'|la |le |les )?(` +
      allPartiesPattern(lexicon) +
      String.raw`)\s+(?:de|d')\s+(?:[\p{L}'’-]+\s+){0,3}$|it (?:is|shall be|will be) (?:the (?:sole )?responsibility of|incumbent (?:up)?on|for|up to) (?:the )?(` +
      allPartiesPattern(lexicon) +
      String.raw`)\s+to\s+(?:[\p{L}'’-]+\s+){0,3}$`,
    'u',
  );
  const m = re.exec(before);
  if (!m) {
    // "Il vous appartient de …", "il nous incombe de …": the pronoun is the party, in documents written as we/you.
    const p = /\bil (vous|nous) (?:incombe|appartient|revient(?:dra)?|appartiendra|incombera)\s+(?:ensuite\s+|alors\s+|également\s+|egalement\s+)?(?:de\s+|d')[^.;]{0,80}$/u.exec(before);
    if (p) return roleOfMention(p[1]!, lexicon);
    return null;
  }
  return roleOfMention((m[1] ?? m[2])!, lexicon);
}

// "par le Titulaire", "by the Supplier" after a passive verb.
function agentAfter(text: string, at: number, lexicon: PartyLexicon): BoundRole | null {
  // Only the verb's own clause: "retained … and may be exported by the Customer" names the agent of another verb.
  let after = text.slice(at, at + 200);
  const stop = after.search(/[;,]|\s(?:and|et|or|ou|but|mais)\s/u);
  if (stop > 0) after = after.slice(0, stop);
  const re = ownedRegex(lexicon, 'agent', () => String.raw`\b(?:par|by)\s+(?:l'|le|la|les|the|ses|its)?\s*(` + allPartiesPattern(lexicon) + ')', 'u');
  const m = re.exec(after);
  return m ? roleOfMention(m[1]!, lexicon) : null;
}

// The addressee of a notification: "à l'Établissement", "notify Customer", "informe le Client".
export function recipientAfter(text: string, at: number, lexicon: PartyLexicon): BoundRole | null {
  const after = text.slice(at, at + 160).toLowerCase();
  const re = ownedRegex(
    lexicon,
    'recipient',
    () =>
      String.raw`^[\p{L}'’-]*\s+(?:(?:imm[ée]diatement|promptly|immediately|sans d[ée]lai|par [ée]crit|in writing|without undue delay|formellement|sans tarder)\s+)?(?:(?:à|a|au|aux|to|the|l'|le|la|les)\s*)*(` +
      allPartiesPattern(lexicon) +
      ')',
    'u',
  );
  const m = re.exec(after);
  if (m) return roleOfMention(m[1]!, lexicon);
  const re2 = ownedRegex(lexicon, 'to-party', () => String.raw`\b(?:à|au|aux|to)\s+(?:l'|le|la|les|the)?\s*(` + allPartiesPattern(lexicon) + ')', 'u');
  const m2 = re2.exec(after.slice(0, 120));
  return m2 ? roleOfMention(m2[1]!, lexicon) : null;
}

function opposite(role: BoundRole): BoundRole {
  if (role === 'client') return 'supplier';
  if (role === 'supplier') return 'client';
  return 'unknown';
}

/**
 * Who is bound by the verb at `at` (offset in the sentence text).
 * `recipientMatters`: for notify/inform verbs, the addressee tells the notifier.
 */
export function whoIsBound(
  sentence: Sentence,
  at: number,
  lexicon: PartyLexicon,
  options: { recipientMatters?: boolean; sectionHeading?: string | null; passiveAgent?: boolean } = {},
): Bound {
  // The lower-cased text has the same offsets; party names and verbs are matched without case.
  const text = sentence.lower;
  const charged = chargedParty(text.slice(Math.max(0, at - 160), at), lexicon);
  if (charged !== null) return { role: charged, via: 'subject' };
  const subject = subjectBefore(text, at, lexicon);
  if (subject !== null) return { role: subject, via: 'subject' };
  const agent = options.passiveAgent === false ? null : agentAfter(text, at, lexicon);
  if (agent !== null) return { role: agent, via: 'agent' };
  if (options.recipientMatters) {
    const recipient = recipientAfter(text, at, lexicon);
    if (recipient === 'client' || recipient === 'supplier') return { role: opposite(recipient), via: 'recipient' };
  }
  if (sentence.leadIn) {
    const lead = subjectBefore(sentence.leadIn, sentence.leadIn.length, lexicon);
    if (lead !== null) return { role: lead, via: 'lead-in' };
  }
  if (options.sectionHeading) {
    const heading = options.sectionHeading.toLowerCase();
    const ms = mentions(heading, lexicon);
    // "Obligations du Titulaire" binds the Titulaire; "Exigences de l'Établissement" are what the client asks of the other.
    if (ms.length === 1 && !REQUIREMENTS_OF_END.test(heading.slice(0, ms[0]!.index))) return { role: ms[0]!.role, via: 'section' };
  }
  return { role: 'unknown', via: 'none' };
}
