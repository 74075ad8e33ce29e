/**
 * Who is who in a contract: which words name the supplier (the party bound by
 * the security clauses) and which name the client (the health establishment).
 * Role words come from a lexicon; defined short names ("ci-après « MEDILOG »",
 * `(the "Vendor")`) are classified from the description that precedes them.
 */

export type PartyRole = 'supplier' | 'client' | 'other';

export interface PartyLexicon {
  /** Lower-case names of the supplier: role words and defined short names. */
  supplier: string[];
  /** Lower-case names of the client. */
  client: string[];
  /** Defined names found in the text, with the role given to each. */
  defined: Array<{ name: string; role: PartyRole }>;
}

// Role words: how French and English contracts name each side.
const SUPPLIER_WORDS = [
  'titulaire', 'prestataire', 'fournisseur', 'éditeur', 'editeur', 'hébergeur', 'hebergeur', 'sous-traitant',
  'cocontractant', 'co-contractant', 'intégrateur', 'integrateur', 'mainteneur', 'constructeur', 'opérateur', 'operateur',
  'concédant', 'concedant', 'donneur de licence', 'infogéreur', 'infogereur', 'société prestataire', 'candidat',
  'supplier', 'provider', 'service provider', 'vendor', 'contractor', 'processor', 'licensor', 'seller', 'consultant',
  'hosting provider', 'data processor', 'manufacturer', 'integrator', 'outsourcer', 'subcontractor', 'we', 'us', 'our', 'nous',
];
const CLIENT_WORDS = [
  'établissement', 'etablissement', 'client', 'acheteur', 'pouvoir adjudicateur', 'acquéreur', 'acquereur', 'chu', 'ch',
  'centre hospitalier', 'ght', 'groupement', 'hôpital', 'hopital', 'ehpad', 'clinique', 'responsable de traitement',
  'responsable du traitement', 'bénéficiaire', 'beneficiaire', 'adhérent', 'adherent', 'utilisateur', 'maître d\'ouvrage',
  'customer', 'trust', 'hospital', 'controller', 'data controller', 'licensee', 'purchaser', 'buyer', 'authority',
  'client organisation', 'organisation', 'organization', 'contracting authority', 'establishment', 'health establishment',
  'institution', 'you', 'your', 'vous',
];

// Words in a party's description that say it is a health establishment (the client).
const CLIENT_HINTS =
  /\b(?:centre hospitalier|chu\b|chr\b|ch\b|h[ôo]pita(?:l|ux)|hospital|ght\b|groupement hospitalier|ehpad|clinique|clinic|health(?:care)? trust|nhs|[ée]tablissement (?:public )?de sant[ée]|[ée]tablissement|maison de sant[ée]|laboratoire de biologie|infirmary|medical cent(?:er|re)|health system|health board|customer|client|acheteur|pouvoir adjudicateur)(?![\p{L}])/iu;
const SUPPLIER_HINTS =
  /\b(?:soci[ée]t[ée]|sas\b|sasu\b|sarl\b|s\.a\.|sa\b|eurl\b|ltd\b|limited\b|inc\b|llc\b|gmbh\b|plc\b|corp|b\.v\.|prestataire|fournisseur|titulaire|[ée]diteur|supplier|provider|vendor|contractor|processor|licensor)(?![\p{L}])/iu;

// What describes a party (and not a defined thing): its legal form, seat, representative or kind of establishment.
const PARTY_DETAILS =
  /repr[ée]sent[ée]e?|represented by|si[èe]ge|registered|immatricul|\brcs\b|siret|siren|capital (?:social )?de|company|soci[ée]t[ée]|\bsas\b|\bsasu\b|\bsarl\b|\bltd\b|limited|\binc\b|\bllc\b|gmbh|\bplc\b|\bs\.a\.|centre hospitalier|\bchu\b|h[ôo]pita(?:l|ux)|hospital|universit|fondation|foundation|association|mutuelle|institut|ehpad|clinique|clinic|\bght\b|trust|[ée]tablissement public|groupement|laboratoire|laboratory|incorporated|organised under|organized under|having its (?:principal|registered)|dont le si[èe]ge|situ[ée]e? (?:au|à)|located at/iu;
const THINGS =
  /^(?:plate-?forme|logiciel|progiciel|solution|application|service|services|prestations?|contrat|march[ée]|accord|donn[ée]es|annexe|documentation|site|syst[èe]me|platform|software|agreement|data|schedule|documentation|system|product|products|equipment|[ée]quipements?|mat[ée]riels?|incident|incidents|dpa|ccap|cctp)$/iu;

const DEFINED_NAME_PATTERNS: RegExp[] = [
  // ci-après (dénommé·e / désigné·e / appelé·e) « X » ; ci-après « X »
  /ci-(?:apr[èe]s|dessous)\s*(?:d[ée]nomm[ée]e?s?|d[ée]sign[ée]e?s?|appel[ée]e?s?|nomm[ée]e?s?)?\s*(?:par\s+)?(?:«\s*|"|“)([^»"”]{2,40}?)(?:\s*»|"|”)/giu,
  // hereinafter (referred to as / called) "X" ; (the "X") ; ("X")
  /here(?:in)?after\s*(?:referred to as|called|designated as|the)?\s*(?:the\s+)?(?:"|“|«\s*)([^"”»]{2,40}?)(?:"|”|\s*»)/giu,
  /\(\s*(?:the\s+|le\s+|la\s+|l')?(?:"|“|«\s*)([^"”»]{2,40}?)(?:"|”|\s*»)\s*\)/giu,
];

function roleOfWord(name: string): PartyRole | null {
  const n = name.toLowerCase().replace(/^(?:(?:le|la|les|the)\s+|l')/u, '').trim();
  if (SUPPLIER_WORDS.includes(n)) return 'supplier';
  if (CLIENT_WORDS.includes(n)) return 'client';
  return null;
}

/** Finds defined party names and classifies each from the words before it. */
export function findParties(text: string): PartyLexicon {
  const head = text.slice(0, 20_000); // parties are defined in the preamble or the definitions
  const defined: PartyLexicon['defined'] = [];
  for (const pattern of DEFINED_NAME_PATTERNS) {
    pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(head)) !== null) {
      // "l'Établissement support": the elided article has no space after it.
      const name = m[1]!.trim().replace(/^(?:(?:le|la|les|the)\s+|l['’]\s*)/iu, '');
      if (name.length < 2 || /\d{3,}/.test(name) || name.split(/\s+/).length > 5) continue;
      if (defined.some((d) => d.name === name.toLowerCase())) continue;
      let role = roleOfWord(name);
      if (role === null) {
        // The party's description runs from the previous defined name (or paragraph start) to here.
        const from = Math.max(0, m.index - 400);
        let description = head.slice(from, m.index);
        const cut = Math.max(description.lastIndexOf('\n\n'), description.lastIndexOf('»'), description.lastIndexOf('")'));
        if (cut > 0) description = description.slice(cut);
        // A defined term that is not a party ("la Plateforme", "the Services") has no identity details.
        if (!PARTY_DETAILS.test(description) || THINGS.test(name)) continue;
        const clientHint = CLIENT_HINTS.exec(description);
        const supplierHint = SUPPLIER_HINTS.exec(description);
        if (clientHint && (!supplierHint || clientHint.index >= supplierHint.index || /clinique|clinic|h[ôo]pital|hospital|centre hospitalier/i.test(clientHint[0])))
          role = 'client';
        else if (supplierHint && /\b(?:soci[ée]t[ée]|sas|sasu|sarl|ltd|limited|inc|llc|gmbh|plc|corp)\b/i.test(description)) role = 'supplier';
        else role = 'other';
      }
      defined.push({ name: name.toLowerCase(), role });
    }
  }
  // A supplier contract has a client: with the supplier identified and no client, the one other party that
  // was described as a party (an association, a foundation, a mutual) is the client.
  const others = defined.filter((d) => d.role === 'other');
  if (others.length === 1 && defined.some((d) => d.role === 'supplier') && !defined.some((d) => d.role === 'client')) others[0]!.role = 'client';
  return {
    supplier: [...SUPPLIER_WORDS, ...defined.filter((d) => d.role === 'supplier').map((d) => d.name)],
    client: [...CLIENT_WORDS, ...defined.filter((d) => d.role === 'client').map((d) => d.name)],
    defined,
  };
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex source matching any of the names as a whole word, longest first. */
const patterns = new Map<string, string>();
const lexiconPatterns = new WeakMap<PartyLexicon, string>();

/** The pattern of every party name of a contract, built once per contract. */
export function allPartiesPattern(lexicon: PartyLexicon): string {
  let pattern = lexiconPatterns.get(lexicon);
  if (pattern === undefined) {
    pattern = namesPattern([...lexicon.supplier, ...lexicon.client]);
    lexiconPatterns.set(lexicon, pattern);
  }
  return pattern;
}

export function namesPattern(names: string[]): string {
  const key = names.join('\u0000');
  const known = patterns.get(key);
  if (known !== undefined) return known;
  if (patterns.size > 1_000) patterns.clear();
  const pattern = buildNamesPattern(names);
  patterns.set(key, pattern);
  return pattern;
}

function buildNamesPattern(names: string[]): string {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length).map(escape);
  return `(?<![\\p{L}\\d-])(?:${sorted.join('|')})(?![\\p{L}\\d-])`;
}
