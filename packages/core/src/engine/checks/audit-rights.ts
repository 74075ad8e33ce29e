import type { DocumentAnalysis } from '../analysis/analyse.js';
import { findDurations } from '../../language/durations.js';
import { EFFORTS, PLACEHOLDER, statesNone } from '../../language/hedges.js';
import { isNegated, roleOfMention, whoIsBound } from '../analysis/obligations.js';
import { allPartiesPattern, namesPattern } from '../analysis/parties.js';
import { ownedRegex } from '../analysis/regex-cache.js';
import type { Sentence } from '../analysis/sentences.js';
import { lowered } from '../../language/lowered.js';
import type { Check, CheckContext } from '../types.js';
import { articleOf, decide, judged, followers, pick, type Candidate, type NearMiss } from './common.js';

/**
 * audit-rights: the client, or an auditor it appoints, may audit the
 * supplier's security — on site, on documents or by technical tests — with a
 * notice no longer than the threshold (30 days) and at least once a year.
 */

const AUDIT = lowered(/\baudit\p{L}*|[ée]valu\p{L}* (?:la )?(?:s[ée]curit[ée] (?:du|de l'|des)|conformit[ée] (?:du|de l')(?:titulaire|prestataire|fournisseur|[ée]diteur|h[ée]bergeur)[^.;]{0,40}s[ée]curit)|examiner la documentation de s[ée]curit[ée]|\breview (?:the |its )?(?:[\p{L}-]+(?:'s|’s) )?security (?:documentation|documents|policies|policy|measures|controls|practices)|\bassess\p{L}* (?:the |its )?(?:[\p{L}-]+(?:'s|’s) )?(?:security|compliance with (?:the |its )?security)|\binspect\p{L}*|contr[ôo]les? (?:sur (?:site|place)|de s[ée]curit[ée]|de conformit[ée])|visites? (?:sur site|des locaux|sur place)|venir (?:voir|visiter|inspecter|contr[ôo]ler) (?:nos|les|ses|leurs) (?:locaux|installations|sites|salles)|tests? d'intrusion|pentests?|penetration test\p{L}*|v[ée]rifications? (?:sur site|sur place)|on-site (?:visits?|inspections?)|\bvisit the premises|questionnaires? (?:d'[ée]valuation )?(?:de |d')?(?:la )?s[ée]curit[ée]|security (?:assessment )?questionnaires?|contr[ôo]les? documentaires?|v[ée]rifi\p{L}* (?:de )?(?:la )?conformit[ée] (?:du |de l')(?:titulaire|prestataire|fournisseur|h[ée]bergeur|sous-traitant)|v[ée]rifi\p{L}* (?:notre|sa|leur|votre) conformit[ée]|v[ée]rifi\p{L}* (?:le respect|la bonne application) (?:du pr[ée]sent|de la pr[ée]sente|des pr[ée]sentes|des stipulations|des obligations|des exigences)|verify (?:(?:the|its) )?(?:(?:\p{L}+ )?\p{L}+(?:'s|’s) )?compliance(?! of the (?:deliverables|software|equipment|products?))|v[ée]rifi\p{L}* (?:de )?la s[ée]curit[ée]|verify that (?:the )?(?:contractor|supplier|provider|processor|vendor)[^.;]{0,80}compl(?:y|ies)|v[ée]rifier que (?:le |l')(?:titulaire|prestataire|fournisseur|h[ée]bergeur|sous-traitant)[^.;]{0,80}(?:respecte|conforme)/iu);
// A word every AUDIT match contains, for one scan of the document before the per-sentence test.
const AUDIT_STEMS = /audit|inspect|contr[ôo]le|visit|venir voir|test|penetration|v[ée]rifi|verif|questionnaire|review|assess|[ée]valu|examiner/g;
// "a vulnerability reported by Customer or its auditor": an auditor named in passing grants nothing;
// the sentence must also speak of checking (auditing, verifying, inspecting, testing, appointing the auditor).
const AUDIT_WORD = /\baudit\p{L}*/gu;
const CHECKING_ACTION = /v[ée]rifi|contr[ôo]l|inspect|examin|review|tests?\b|mandat|appoint|d[ée]sign|choisi|chosen|engag|visit/u;
function auditorOnly(lower: string): boolean {
  const words = [...lower.matchAll(AUDIT_WORD)].map((m) => m[0]);
  if (words.length === 0 || words.some((w) => !/^audit(?:eurs?|ors?)$/u.test(w))) return false;
  const others = lower.replace(AUDIT_WORD, ' ');
  return !CHECKING_ACTION.test(others) && !AUDIT.test(others);
}

/** "permettre au Commanditaire …", "allow the Customer or its auditor …": permitting someone who is neither the supplier nor a regulator. */
const PERMITS = /(?:permet\p{L}*|autoris\p{L}*|allow\p{L}*|permit\p{L}*)\s+(?:[àa]\s+|au\s+|aux\s+)?(?:l'|le |la |les |the |any |tout |toute )?([\p{L}][\p{L}-]*)/gu;
function permitsAnotherParty(head: string, supplierNames: string[]): boolean {
  return [...head.matchAll(PERMITS)].some((m) => {
    const who = m[1]!;
    return !supplierNames.includes(who) && !THIRD_PARTY_AUDITOR.test(who) && !/^(?:organismes?|tiers|third|ses|its|un|une|a|an|de|d)$/u.test(who);
  });
}
const THIRD_PARTY_AUDITOR =
  /(?<![\p{L}])(?:anssi|organismes? (?:de )?(?:qualification|certification|certificateurs?)|certification bod(?:y|ies)|certifying bod(?:y|ies)|regulators?|autorit[ée]s? de (?:contr[ôo]le|tutelle)|cnil|supervisory authorit(?:y|ies)|competent authorit(?:y|ies)|regulatory (?:authorit(?:y|ies)|bod(?:y|ies)|agenc(?:y|ies))|health authorit(?:y|ies)|autorit[ée]s? (?:comp[ée]tentes?|sanitaires?|r[ée]glementaires?)|ansm|ema|fda|mhra|european medicines agency|medicines agency|haute autorit[ée] de sant[ée]|agences? r[ée]gionales? de sant[ée]|ars)(?![\p{L}])/u;
const OTHER_AUDIT_OBJECT =
  /^\S*\s+(?:(?:de|of|on|sur|du|des)\s+)?(?:la |le |les |l'|the |its |their |ses |sa |son )?(?:[\p{L}-]+(?:'s|’s)\s+)?(?:qualit[ée]|quality|performance|service levels?|niveaux? de service|accessibilit|factur|invoices?|pricing|prix|time ?sheets?|temps pass[ée]|environnement|environmental|[ée]nerg|energy|financ|comptab|accounts|accounting|sla\b)/u;
// "request a penetration test report": the client receives a report, it does not audit.
const REPORT_REQUEST = /(?:request|receive|obtain|be provided with|demander|obtenir|recevoir|se faire (?:remettre|communiquer|transmettre)|(?:lui |leur )?(?:communiquer|transmettre|remettre|fournir|adresser))\s+(?:(?:[àa] l'[ée]tablissement|au client)\s+)?(?:a |the |une |le |la |les |copies? of |une copie d[ue] )?(?:[\p{L}-]+\s+){0,6}?(?:reports?|rapports?|synth[èe]ses?|summary|summaries|r[ée]sultats?)/u;
const ON_SITE_AUDIT = /(?:audit|inspect|contr[ôo]l|visit|test)\p{L}*\s+(?:[\p{L}-]+\s+){0,3}?(?:sur site|sur place|on[- ]site|des locaux|premises)|(?:conduct|carry out|perform|r[ée]alis|proc[ée]d|faire r[ée]aliser)\p{L}*\s+(?:[\p{L}'-]+\s+){0,4}?(?:audits?|tests?|inspections?)/u;
/** "Audit : annuel, par l'Établissement ou un auditeur mandaté": the party a labelled line names with "par"/"by". */
function labelledAuditor(parties: DocumentAnalysis['parties'], lower: string): 'client' | 'supplier' | null {
  const m = ownedRegex(parties, 'audit:label-agent', () => `\\b(?:par|by)\\s+(?:l'|le |la |les |the )?(${allPartiesPattern(parties)})`, 'u').exec(lower);
  const role = m ? roleOfMention(m[1]!, parties) : null;
  return role === 'client' || role === 'supplier' ? role : null;
}
// The supplier picks the auditor or can put the audit off: "conducted by the Supplier's usual certification body",
// "the Supplier may postpone any audit".
const SUPPLIER_CONTROLS_AUDIT =
  /(?:choisi|s[ée]lectionn[ée])e?s? (?:sur|dans|parmi) (?:une|la) liste (?:[ée]tablie|propos[ée]e|fournie|arr[êe]t[ée]e|agr[ée][ée]e) par (?:le |l')?(?:titulaire|prestataire|fournisseur|[ée]diteur|h[ée]bergeur)|(?:selected|chosen) from (?:a|the) (?:list|panel) (?:provided|approved|established|proposed|maintained) by (?:the )?(?:supplier|provider|vendor|contractor|processor)|(?:by|par) (?:the )?(?:supplier|provider|vendor|contractor|processor)(?:'s|’s) (?:usual |own |regular |current )?(?:certification body|certifying body|auditors?|audit firm)|(?:par )?l'organisme (?:certificateur|de certification) (?:habituel )?(?:du|de l') ?(?:titulaire|prestataire|fournisseur|[ée]diteur|h[ée]bergeur)|(?:supplier|provider|vendor|contractor|processor|titulaire|prestataire|fournisseur|[ée]diteur|h[ée]bergeur) (?:may|can|peut|pourra) (?:postpone|defer|delay|reschedule|reporter|diff[ée]rer|ajourner)/u;
const REMOTE_ONLY =
  /(?:audits?|l'audit|les audits|inspections?)[^.;]{0,40}(?:conducted|carried out|performed|r[ée]alis[ée]e?s?|men[ée]e?s?|effectu[ée]e?s?|se d[ée]roule(?:nt)?)\s+(?:exclusively |only |solely |uniquement |exclusivement )?(?:remotely|[àa] distance|off-site|on a remote basis)|(?:supplier|provider|vendor|contractor|titulaire|prestataire|fournisseur|[ée]diteur|h[ée]bergeur) (?:may|can|peut|pourra) (?:refuse|deny|refuser|interdire) (?:l'|the )?(?:acc[èe]s|access)(?: to)? (?:[àa] |aux? )?(?:ses |its |their |les )?(?:locaux|premises|sites?|centres? de donn[ée]es|data cent(?:re|er)s?|facilities|installations)/u;
const AUDIT_LABEL = /^\s*(?:[-–•*]\s*)?(?:droits? d'|rights? (?:of|to) )?audits?(?: de s[ée]curit[ée]| de la s[ée]curit[ée]| rights?| s[ée]curit[ée])?\s*:\s*/u;
const BY_AUTHORITY =
  /^\s*(?:by|par|de)\s+(?:the |any |les? |la |l'|des |toute )?(?:[\p{L}-]+\s+){0,4}?(?:authorit(?:y|ies)|autorit[ée]s?|regulators?|agenc(?:y|ies)|agences?|inspectorates?|inspecteurs?|services? (?:v[ée]t[ée]rinaires|de l'[ée]tat|d[ée]concentr[ée]s)|ministr(?:y|ies)|minist[èe]res?)(?![\p{L}])/u;
const CLIENTS_AUDITOR = /(?:auditeur|auditor|prestataire d'audit|audit firm)[^.;]{0,50}(?:son choix|its choice|qu'il (?:mandate|d[ée]signe)|mandat[ée] par (?:le|l')|appointed by (?:the )?(?:client|customer|hospital|trust|authority|establishment))/u;
// A check on paper: a questionnaire or a documentary control is at best a documentary audit.
// Every audit right at once: "any (information and) audit rights … will be satisfied by", "tout droit d'audit … est
// réputé satisfait par", "in lieu of any audit".
const GLOBAL_WAIVER = lowered(
  /(?:any|all|each|every|tout|toute|tous|les)\s+(?:(?:information|contractual|statutory|other)\s+(?:and|or)\s+)?(?:rights? (?:of|to) audit|audit(?: and inspection)? rights?|droits? d'audit)[^.;]{0,200}?(?:(?:shall|will) be|is|are|sera|seront|est|sont) (?:deemed |fully |r[ée]put[ée]e?s? )?(?:satisfied|fulfilled|met|discharged|satisfaits?|remplis?)|in lieu of (?:any|all) (?:audits?|inspections?)|(?:tient|tiennent|tiendra) lieu de (?:tout|tous les) (?:audits?|contr[ôo]les?)/iu,
);
const AUDIT_LOGS = /journa(?:l|ux) d'audit|pistes? d'audit|traces? d'audit|audit[- ](?:logs?|trails?|records?|events?)|logs? d'audit/gu;
const OWN_AUDIT = /(?:(?:its|their|son|sa|ses|leur|leurs)\s+(?:own\s+|propres?\s+)?(?:(?:annual|yearly|latest|most recent|last|dernier|derni[èe]re|annuel(?:le)?)\s+)*)?(?:internal\s+audits?|audits?\s+internes?)(?:\s+annuel(?:le)?s?)?/u;
const OWN_AUDITS = new RegExp(OWN_AUDIT.source, 'gu');
const CONTRACT_DOCUMENTS =
  /(?:contract|agreement|march[ée]|contrat|accord)\s+(?:consists? of|comprises?|is made up of|is formed by|se compose|comprend|est (?:constitu[ée]|compos[ée]|form[ée]))|(?:pi[èe]ces contractuelles|contract(?:ual)? documents|documents contractuels)\s*(?:sont|comprennent|suivant|are|comprise|include|:)|order of precedence|ordre de (?:priorit[ée]|pr[ée]s[ée]ance)/u;
const DOCUMENTARY_CHECK = /questionnaire|documentaire|v[ée]rifi|verify/u;
// The supplier's own audits, financial and licence audits: not a client right over security.
const LICENCE_AUDIT = lowered(/licen[cs]es?|logiciels? (?:install[ée]s|d[ée]ploy[ée]s)|nombre d'utilisateurs|usage rights|droits d'utilisation|compliance with the licen|conformit[ée] (?:de l'utilisation|des licences)|utilisation (?:du|des) logiciels?|use of the software|deployment|installed base/iu);
const FINANCIAL_AUDIT = lowered(/comptab|financ|factur|invoic|\bfees\b|charges|prix|pricing|books and records|commissaire aux comptes|statutory auditor|code source|source code|escrow/iu);
const RIGHT =
  lowered(/peut|pourra|pourront|peuvent|pouvez|pourrez|(?:avez|aurez|disposez|disposerez) (?:le|du) droit|[êe]tes (?:en droit|autoris[ée]s?)|\bcan\s+(?:[\p{L}-]+\s+){0,2}?(?:audit|inspect|have|request|carry|conduct|perform|appoint|commission|verify|check|visit)|se r[ée]serve|a le droit|aura le droit|dispose du droit|est (?:en droit|autoris[ée])|a la facult[ée]|est habilit[ée]|may\b|is entitled|shall be entitled|has the right|shall have the right|reserves the right|rights? (?:to|of) (?:audit|inspect|conduct|carry out|perform)|droits? d'audit|audit rights?|droit de (?:contr[ôo]le|visite|proc[ée]der)|accommodat\p{L}*|accepte|s'engage [àa] (?:permettre|accepter|se soumettre|autoriser|faciliter)|se soumet|permet\p{L}*|autoris|allow|permit|submit to|cooperate with|make available|facilit|contribute to audits|contribue aux audits|donne acc[èe]s|grant(?:s)? access/iu);
const SECURITY_SCOPE =
  lowered(/s[ée]curit[ée]|security|mesures (?:techniques|organisationnelles)|technical and organi[sz]ational|protection des donn[ée]es|data protection|article 28|art\. 28|rgpd|gdpr|conformit[ée] (?:aux|au|à|a) (?:obligations|pr[ée]sent|contrat|exigences)|compliance with (?:its|the|this|these) (?:obligations|agreement|dpa|addendum|terms)|obligations (?:du|de l'|of the) (?:titulaire|prestataire|processor|supplier|provider|sous-traitant)|processing|traitement|pssi|hds|iso ?27001|soc ?[12]|on-site|sur site|intrusion|penetration|vuln[ée]rabilit/iu);

const CERTIFICATES_INSTEAD =
  lowered(/(?:exclusively|solely|only|exclusivement|uniquement|seulement)\s+(?:by|through|par|en|sur)\s+(?:reviewing|review of|the (?:review|provision|delivery) of|l'examen|la (?:remise|communication|production)|(?:ex)?aminant|consultant)[^.]{0,100}(?:certifi|soc ?[12]|iso|reports?|rapports?|attestation)|(?:en lieu et place|au lieu|in lieu|instead|r[ée]put[ée]e?s? satisfai|deemed (?:to )?(?:satisf|fulfil)|satisf(?:y|ied|ies) (?:by|through)|(?:se limite|limit[ée]e?s?|limited) (?:[àa] la (?:communication|fourniture|remise)|to (?:the provision|providing|a review))|exclusivement (?:par|sur)|solely (?:by|through)|by (?:providing|making available) (?:a copy of )?(?:its|the) (?:soc|iso|certif|audit report|third[- ]party))[^.]{0,160}(?:certifi|soc ?[12]|iso|rapports? d'audit|audit reports?|attestation|questionnaire)|(?:certifi\p{L}*|soc ?[12][^.]{0,40}report|rapports? d'audit (?:tiers|externe))[^.]{0,120}(?:en lieu et place|in lieu of|instead of|suffi|r[ée]put[ée]|deemed|satisf)/iu);
// The audit done by reading the supplier's papers: "You may audit our compliance by reviewing our ISO 27001
// certificate", "l'audit s'exerce par l'examen des rapports SOC 2".
const AUDIT_BY_DOCUMENTS =
  lowered(/\baudit\p{L}*[^.;]{0,80}?\b(?:by|through|par|en)\s+(?:reviewing|review(?:ing)? of|examining|consulting|obtaining|requesting|reading|inspecting|l'examen d[eu']s?|examinant|consultant|la (?:consultation|lecture|communication|remise) d[eu']s?)\s*[^.;]{0,60}?(?:certifi|soc ?[12]|iso|reports?|rapports?|attestations?)/iu);
// The audit right given up for documents: "tient lieu d'audit", "satisfies any right of audit", "le CHU renonce à ses audits".
const AUDIT_WAIVED =
  lowered(/(?:replac\p{L}*|remplac\p{L}*|substitu\p{L}*|tien(?:t|nent|dra) lieu)\s+(?:[àa]\s+|of\s+)?(?:any|all|every|tout|toute|tous|toutes|les|the)\s+(?:(?:other|autres?)\s+)?(?:(?:on-site|sur site)\s+)?(?:audits?|inspections?|contr[ôo]les?|v[ée]rifications?)|(?:right|droit)[^.;]{0,40}?(?:exercised|exerc[ée]e?|s'exerce)\s+(?:by|through|par)\s+(?:the\s+|la\s+|le\s+|l')?(?:communication|provision|delivery|remise|transmission|fourniture|production)[^.;]{0,80}?(?:certifi|soc ?[12]|iso|reports?|rapports?|attestation)|satisf\p{L}* [àa] (?:cette|la|toute|chaque) (?:v[ée]rification|obligation d'audit|demande d'audit)|(?:rights?|droits?) (?:of|to|de) (?:audit|verify|verification|inspect\p{L}*|v[ée]rifi\p{L}*)[^.]{0,200}(?:(?:shall|will) be|is|are) (?:fully |deemed )?(?:satisfied|fulfilled|met|discharged)|tien(?:t|nent|dra) lieu (?:de (?:tout |tous |toute |l')?|d')(?:audits?|contr[ôo]les?|v[ée]rification)|va(?:ut|lant|udra) (?:audit|v[ée]rification|contr[ôo]le)|en lieu et place (?:de l'|d'|des )audits?|r[ée]put[ée]e?s? (?:satisfaire|remplir)[^.]{0,40}audit|renon[cç]\p{L}*[^.]{0,80}audits?|in lieu of (?:any )?(?:audits?|inspections?)|satisf(?:y|ies|ied)[^.]{0,40}(?:rights? (?:of|to) audit|audit rights?|audit obligations?)|(?:audit rights?|rights? (?:of|to) audit)[^.]{0,200}(?:(?:shall|will) be|is|are) (?:fully |deemed )?(?:satisfied|fulfilled|met|discharged)|(?:(?:shall|will) be|is|are) (?:fully |deemed )?(?:satisfied|fulfilled|met|discharged) by (?:these|the|its|such|[\p{L}]+'s)?\s*(?:[\p{L}-]+\s+){0,3}(?:reports?|certific\p{L}*|attestations?|documentation)|(?:shall|will) not (?:conduct|carry out|perform|request)[^.]{0,40}(?:on-site )?audits?|satisfaire [àa] (?:cette|son|ses|l'|la pr[ée]sente)\s*obligations?[^.]{0,40}\ben (?:remettant|produisant|communiquant|fournissant|transmettant)|(?:may|can) (?:instead )?(?:satisfy|discharge|fulfil+) (?:this|such|its|that) (?:obligation|requirement)[^.]{0,40}\bby (?:providing|delivering|furnishing|making available)|(?:peut|pourra) (?:toutefois )?(?:remplacer|substituer)[^.]{0,60}audit|satisf\p{L}*\s+[àa]\s+[^.]{0,40}(?:audit|obligation|demande)[^.]{0,60}\ben (?:lui )?(?:remettant|produisant|communiquant|fournissant|transmettant)|(?:peut|pourra) (?:toutefois |n[ée]anmoins |cependant )?(?:satisfaire|r[ée]pondre|s'acquitter|se lib[ée]rer|se dispenser)[^.]{0,80}\ben (?:remettant|produisant|communiquant|fournissant|transmettant)[^.]{0,120}(?:certificat|rapport|attestation|synth[èe]se)/iu);
// "Les audits de sécurité sont réalisés …", "Audits … shall take place …": audits stated to happen.
const AUDITS_HAPPEN =
  lowered(/(?:audits?|contr[ôo]les?|inspections?)[^.;]{0,80}?\b(?:sont|est|seront|sera|shall|will|may)\s+(?:be\s+)?(?:r[ée]alis[ée]s?|effectu[ée]s?|men[ée]s?|conduit[ée]?s?|conducted|carried out|performed|held|take place|occur)/iu);
const MUTUAL = lowered(/(?:une |la |les |des )?dates? [àa] convenir|[àa] une date (?:convenue|fix[ée]e) (?:ensemble|entre les parties|conjointement)|convenue?s? ensemble|mutually (?:agreeable|acceptable)|commun accord|d'un commun|accord (?:pr[ée]alable|mutuel) des parties|mutual(?:ly)? (?:agreed|agreement|consent)|as agreed between the parties|(?:dates?|calendrier|modalit[ée]s|p[ée]rim[èe]tre|scope|timing|schedule)[^.;]{0,60}(?:agreed (?:upon )?(?:by|between) (?:both|the) parties|(?:convenue?s?|arr[êe]t[ée]e?s?|fix[ée]e?s?|d[ée]finie?s?) (?:entre|par) les (?:deux )?parties)|dates? (?:convenues?|fix[ée]es?) (?:d'un commun accord|conjointement)|jointly agreed/iu);
const APPROVAL =
  lowered(/(?:agr[ée][ée]|agr[ée]ment|accord|approbation|approuv[ée]|valid[ée])(?:\s+\p{L}+){0,3}\s+(?:pr[ée]alable\s+)?(?:et [ée]crit\s+)?(?:du|par le|de l')\s*(?:titulaire|prestataire|fournisseur|[ée]diteur|h[ée]bergeur|sous-traitant)|subject to (?:the )?(?:\p{L}+'s |\p{L}+’s )?(?:prior )?(?:written )?(?:approval|consent)|approved (?:in advance )?by (?:the )?(?:supplier|provider|vendor|processor|contractor)|(?:supplier|provider|vendor|processor|contractor)(?:'s|’s) (?:prior )?(?:written )?(?:approval|consent)|(?:sole|absolute) discretion/iu);
const APPROVAL_REASONABLE = lowered(/(?:ne peut (?:[êe]tre )?refus[ée]|not (?:to be )?unreasonably (?:withheld|refused|delayed)|sans motif l[ée]gitime|sauf motif (?:l[ée]gitime|s[ée]rieux)|concurrent|competitor)/iu);
const DOC_ONLY =
  lowered(/(?:[àa] l'exclusion de|excluding|hors|sans|except|other than)\s+(?:tout |toute |tous |any |all )?(?:audits?|contr[ôo]les?|visites?|inspections?|tests?)\s+(?:techniques?\s+)?(?:sur site|sur place|on[- ]site|dans les locaux|at the premises)|aucun (?:audit|contr[ôo]le|visite|test)[^.;]{0,30}n'(?:a|aura) lieu|(?:on-site audits?|audits? sur site|site visits?|visites? sur site)[^.;]{0,80}(?:are not|is not|ne sont pas|n'est pas|sont exclu|are excluded|not included)|ne (?:peut|pourra|peuvent|pourront) porter que sur (?:les |des )?(?:documents|pi[èe]ces|[ée]l[ée]ments documentaires)|(?:can|may|shall) only (?:cover|consist of|be (?:carried out|conducted|performed) (?:on|by reviewing)) (?:the )?(?:documents|documentation|records provided)|exclut (?:toute?|les) (?:visites?|audits?|contr[ôo]les?|inspections?|tests?)|(?:documentaires?|documentary|sur pi[èe]ces)\s+(?:uniquement|seulement|only|exclusivement)|(?:is|are|shall be|est|sont|reste|restent)\s+(?:purely |strictly |solely |uniquement |exclusivement )?(?:documentaires?|documentary|paper-based|desk-based)\b|(?:exclusivement|uniquement|seulement|only|solely|limited to)\s+(?:sur\s+(?:pi[èe]ces|documents?)|documentaires?|documentary|(?:a |the )?(?:review of )?documents?|(?:on )?paper|remote(?:ly)?|questionnaires?)|(?:à l'exclusion|excluding|sans|excluant|no|not include|n'inclut pas)\s+(?:de\s+)?(?:tout(?:e)?\s+)?(?:audits?|visites?|contr[ôo]les?|inspections?)?\s*(?:sur (?:site|place)|on[- ]site|physiques?|des locaux)|(?:pas|aucun(?:e)?|no|not)\s+(?:d'|de\s+)?(?:audits?\s+|visites?\s+|inspections?\s+)?(?:sur (?:site|place)|on[- ]site)/iu);
// The participle must qualify the auditor ("un auditeur désigné par le Titulaire"), not what is audited
// ("des tests d'intrusion sur un environnement désigné par l'Éditeur").
const SUPPLIER_AUDITOR =
  lowered(/(?:auditeurs?|auditors?|cabinets?|organismes?|firms?|prestataires? d'audit|tiers|third part(?:y|ies)|experts?)\s+(?:[\p{L}'’-]+\s+){0,4}?(?:mandat[ée]|d[ée]sign[ée]|choisi|missionn[ée]|appointed|engaged|selected|commissioned)\s+par\s+(?:le|l')\s*(?:titulaire|prestataire|fournisseur|[ée]diteur|h[ée]bergeur)|(?:appointed|engaged|selected|commissioned)\s+by\s+(?:the\s+)?(?:supplier|provider|vendor|processor|contractor)/iu);
const PROHIBITION = lowered(/s'interdi\p{L}*|il est interdit|est interdit|interdiction de|is prohibited|are prohibited|shall refrain|prohibited from/iu);
const DOCUMENT_ACCESS =
  lowered(/(?:consulter|examiner|acc[ée]der|review|examine|access)\s+(?:[àa]\s+)?(?:l'ensemble des |les |tous les |the |all |any )?(?:documents|documentation|pi[èe]ces|records|informations?)/iu);
const ON_SITE =
  lowered(/sur site|sur place|on[- ]site|inspections?|visites?|locaux|premises|tests? (?:techniques|d'intrusion)|technical test|penetration|intrusion|facilities|installations/iu);
const CONDITIONAL =
  lowered(/(?:to the extent|insofar as|in so far as|dans la mesure o[ùu])\s+(?:that\s+)?[^.;]{0,160}?(?:fall short|do(?:es)? not (?:satisfy|meet|suffice)|(?:are|is) (?:insufficient|not sufficient)|ne (?:suffi|satisf)\p{L}*|insuffisant\p{L}*|l'exige)|^\s*(?:[\d.]+\s+)?(?:following|after|in the event of|in case of|upon|en cas d[e']|[àa] la suite d[e']|suite [àa]|apr[èe]s)\s*(?:a |an |any |the |un |une |tout |toute |l')?(?:\p{L}+\s+){0,3}?(?:breach|incident|violation|compromise|attack|attaque|request|demande|injonction)|^\s*(?:[\d.]+\s+)?(?:if|where|when|should|si|lorsqu'|lorsque|dans le cas o[ùu]|au cas o[ùu]|in the event (?:that )?)\s*(?:a |an |any |the |un |une |tout |toute |l'|le |la )?(?:\p{L}+\s+){0,3}?(?:breach|incident|violation|compromise|attack|attaque)|(?:outside|other than|hors|en dehors d[eu'])\s*(?:the |de |des |du )?(?:cases?|cas|situations?)\s+(?:in|of|set out|pr[ée]vus?|vis[ée]s?|mentionn[ée]s?|de l'|du|des)|(?:where|if|to the extent (?:that )?|only (?:where|if))\s*(?:applicable |the )?(?:data protection )?(?:laws?|legislation|regulations?)\s+(?:afford|grant|provide|require|give)|dans la mesure o[ùu] (?:la|les) (?:r[ée]glementation|l[ée]gislation|lois?)\s+(?:l'|le |les )?(?:exige|impose|pr[ée]voi)|(?:uniquement|seulement|only|exclusively|exclusivement)\s+(?:en cas|si|lorsque|apr[èe]s|following|if|in the event|in case|where|when|upon|after|subject to|provided that|[àa] la suite|sur demande (?:de l'|d'une )?autorit)|(?:que|qu')\s*(?:en cas|si|lorsque|apr[èe]s|[àa] la suite)|ne (?:peut|peuvent|pourra|pourront)[^.]{0,60}qu'(?:en cas|apr[èe]s|[àa] la suite|une fois|sous r[ée]serve)|(?:may|can|shall) (?:only|not) be (?:carried out|conducted|performed)[^.]{0,40}(?:only )?(?:after|once|unless|until)/iu);
const FREQUENCY_TWO_PLUS =
  lowered(/(?:at|[àa]) (?:reasonable|appropriate|des) intervall?es? (?:raisonnables?|appropri[ée]s?)?|at reasonable intervals|p[ée]riodicit[ée] raisonnable|(?:tous les|toutes les|une fois (?:tous|toutes) les|every|once every|once in (?:any|each|every)?)\s+(?:deux|trois|quatre|cinq|two|three|four|five|[2-9]|\d{2})\s*(?:\(\d+\)\s*)?(?:(?:contract|calendar|contractual)\s+)?(?:ans|ann[ée]es|years?)|(?:tous les|every|once every|une fois tous les)\s+(?:24|36|48)\s*(?:\(\w+\)\s*)?(?:mois|months)|(?:biennal|bisannuel|biennial|triennal|triennial)|(?:pendant la dur[ée]e du (?:contrat|march[ée])|during the term)[^.]{0,30}(?:une seule fois|once)|(?:une seule fois|only once)|(?:une (?:seule )?fois|once)\s+(?:au cours de|pendant|durant|during|over|for|in)\s+(?:la dur[ée]e|the (?:term|duration|life))/iu);

/** The interval between audits in months, from "once every twenty-four (24) months", "tous les deux ans"; 0 when unsaid. */
function intervalMonths(text: string, lang: 'fr' | 'en'): number {
  let longest = 0;
  for (const d of findDurations(text, lang)) {
    if (d.months === null || d.placeholder) continue;
    const before = text.slice(Math.max(0, d.start - 30), d.start);
    if (/(?:every|once every|once in (?:any|each)?|tous les|toutes les|une fois (?:tous|toutes) les|par p[ée]riode de|per period of|(?:any|each|a|every|per|par|toute|chaque|une)\s+(?:rolling\s+|glissante\s+)?(?:period|p[ée]riode)\s+(?:of|de))\s*$/iu.test(before)) longest = Math.max(longest, d.months);
  }
  return longest;
}

const NOTICE_CUE = /pr[ée]avis|notice|pr[ée]venance|inform[ée] (?:au moins|préalablement)|advance|à l'avance|in advance|pr[ée]alablement|avant (?:la date|l'audit|le d[ée]but|la visite|son d[ée]but)|(?:before|prior to) (?:the|its|any) (?:proposed |planned |intended )?(?:date|audit|visit|start|inspection)/gu;

function noticeDays(input: string, lang: 'fr' | 'en'): { days: number; text: string } | null {
  // "sixty (60) days' notice": the possessive apostrophe would hide the duration.
  const text = input.replace(/\b(days|jours|weeks|months|hours)['’]/giu, '$1 ');
  const lower = text.toLowerCase();
  // "… au moins deux (2) mois avant la date envisagée", "at least 45 days before the audit": a notice by another name.
  // Every cue is tried ("approved in advance by …, on sixty (60) days' notice"): the figure nearest one wins.
  const cues = [...lower.matchAll(NOTICE_CUE)];
  if (!cues.length) return null;
  const durations = findDurations(text, lang).filter((d) => d.unit === 'day' || d.unit === 'week' || d.unit === 'month');
  if (!durations.length) return null;
  // "thirty (30) days' notice" puts the figure before the cue, "préavis de quinze jours" after it;
  // "once in any twelve-month period" is a frequency, not a notice.
  const notices = durations.filter((d) => !/(?:any|every|each|chaque|par|per|tous les|toutes les|once in)\s+(?:\p{L}+\s+)?$/iu.test(text.slice(Math.max(0, d.start - 20), d.start)));
  let nearest: (typeof notices)[number] | undefined;
  let distance = Infinity;
  for (const cue of cues) {
    const at = cue.index!;
    for (const d of notices) {
      const gap = d.end <= at ? at - d.end : d.start >= at ? d.start - at : Infinity;
      if ((d.end <= at && gap <= 30) || (d.start >= at && gap <= 60)) {
        if (gap < distance) {
          nearest = d;
          distance = gap;
        }
      }
    }
  }
  if (!nearest) return null;
  const days = nearest.unit === 'day' ? nearest.amount : nearest.unit === 'week' ? (nearest.amount ?? 0) * 7 : (nearest.amount ?? 0) * 30;
  if (days === null) return null;
  const business = nearest.dayKind === 'business' ? 1.4 : 1;
  return { days: Math.round(days * business), text: nearest.text };
}

/**
 * "provided that the auditor has first been approved in writing by Cardiolink": someone other than the
 * client vets the auditor (the supplier, by role word or by its name).
 */
const APPROVED_BY = /(?:approved|agreed|accepted|validated|authori[sz]ed|permitted|agr[ée][ée]|approuv[ée]|valid[ée]|accept[ée]|autoris[ée])e?s?\s+(?:[\p{L}]+\s+){0,4}?(?:by|par)\s+(?:the |le |la |l')?([\p{L}][\p{L}-]*)/gu;
function approvedBySupplier(context: CheckContext, lower: string): boolean {
  const client = context.analysis.parties.client;
  return [...lower.matchAll(APPROVED_BY)].some((m) => /auditeur|auditor|audit|tests?\b|intrusion|inspect|visit|contr[ôo]l/u.test(lower.slice(Math.max(0, m.index! - 80), m.index)) && !client.includes(m[1]!));
}

// What an audit clause says it does not cover: "This right does not extend to the Supplier's … security arrangements".
const SCOPE_CARVED_OUT = /(?:does not|do not|shall not|will not|ne s'[ée]tend pas|ne porte pas|n'inclut pas|ne couvre pas|excluding|excludes|[àa] l'exclusion d[eu']?|hors)\b[^.;]*/gu;

/** A weak candidate for an audit that documents stand in for (certificates, reports, an internal audit's summary). */
function documentsInstead(sentence: Sentence, detail: string): { candidate: Candidate } {
  return { candidate: { sentence, status: 'weak', reasons: ['certificates-instead'], value: null, detail, strength: 0 } };
}

function read(context: CheckContext, sentence: Sentence, text: string): { candidate?: Candidate; nearMiss?: NearMiss } {
  const { analysis, rule } = context;
  const lang = context.lang;
  // "Les journaux d'audit … Vous pouvez les consulter": audit logs are logs; blanked, not read as an audit.
  const lower = text.toLowerCase().replace(AUDIT_LOGS, (m) => ' '.repeat(m.length));
  const audit = AUDIT.exec(lower);
  if (!audit) return {};
  // "The contract consists of … the answers to the security questionnaire, the audit report …": a list of documents.
  if (CONTRACT_DOCUMENTS.test(sentence.lower)) return {};
  // "… by providing its ISO 27001 certificate and a summary of its annual internal audit": the supplier's own audit,
  // handed over as a document, when the sentence names no other audit.
  if (OWN_AUDIT.test(lower) && !AUDIT.test(lower.replace(OWN_AUDITS, (m) => ' '.repeat(m.length)))) {
    if (!/certifi|rapport|report|summary|synth[èe]se|r[ée]sum[ée]|attestation/u.test(lower)) return {};
    return documentsInstead(sentence, pick(lang, "documents de l'audit interne du prestataire, pas un audit du client", "documents of the supplier's internal audit, not a client audit"));
  }
  const heading = analysis.headingPath(sentence);
  const inScope = SECURITY_SCOPE.test(lower.replace(SCOPE_CARVED_OUT, ' '));
  if ((LICENCE_AUDIT.test(lower) && !inScope) || ((FINANCIAL_AUDIT.test(lower) || /statutory auditor|commissaire aux comptes|expert-comptable/u.test(lower)) && !inScope)) {
    return {
      nearMiss: {
        sentence,
        note: LICENCE_AUDIT.test(lower)
          ? pick(lang, "c'est un audit des licences du client par l'éditeur, l'inverse du droit recherché.", "it is the vendor's licence audit of the client, the reverse of the right sought.")
          : pick(lang, "c'est un audit financier ou du code, pas de la sécurité.", 'it is a financial or code audit, not a security audit.'),
        closeness: 3,
      },
    };
  }
  const waived = AUDIT_WAIVED.test(lower);
  // "Le Titulaire répond chaque année au questionnaire de sécurité": the supplier answering is the check.
  // A verification is documentary unless the clause also grants something on site or technical.
  const documentary = DOCUMENTARY_CHECK.test(audit[0]) && (!/v[ée]rifi|verify/u.test(audit[0]) || !ON_SITE.test(lower));
  // "• Audit : annuel, sur site, préavis 15 j": a labelled line states the regime; "Audit : N/A" states none.
  const labelled = AUDIT_LABEL.exec(lower);
  if (labelled && statesNone(lower.slice(labelled[0].length))) return {};
  if (waived || (!RIGHT.test(lower) && !AUDITS_HAPPEN.test(lower) && !documentary && !labelled)) {
    // A clause that gives the right up for documents ("la transmission des certificats tient lieu de tout audit"),
    // whoever its subject, still tells the reviewer where the audit went.
    if (waived) return documentsInstead(sentence, pick(lang, 'audit remplacé par des certificats ou rapports', 'audit replaced by certificates or reports'));
    return {};
  }
  // "Customer's audit rights": the possessive names the right holder.
  const possessive = ownedRegex(analysis.parties, 'audit:client-possessive', () => `${namesPattern(analysis.parties.client)}(?:'s|’s)\\s+(?:\\p{L}+\\s+)?(?:audit|right|inspection)`, 'u').test(lower);
  const bound = possessive
    ? ({ role: 'client', via: 'subject' } as const)
    : labelled && labelledAuditor(analysis.parties, lower)
      ? ({ role: labelledAuditor(analysis.parties, lower)!, via: 'agent' } as const)
      : whoIsBound(sentence, audit.index, analysis.parties, { sectionHeading: heading, passiveAgent: false });
  // The right holder is the client, or the supplier submits to audits; a supplier auditing its own subcontractors is neither.
  // "permettant à un organisme de qualification de vérifier ces tiers" lets someone else audit: permitting counts
  // as submitting only when the client (or its auditor) is the one permitted.
  const head = lower.slice(0, audit.index + 20);
  const supplierSubmits =
    /accept\p{L}*|se soumet\p{L}*|soumettre|facilit\p{L}*|donne acc[èe]s|submit to|make available|cooperate|contribute|grants? access|accommodat\p{L}*/u.test(head) ||
    permitsAnotherParty(head, analysis.parties.supplier);
  const subcontractors = /(?:ses|its) (?:propres )?(?:sous-traitants|sub-?processors|subcontractors)|(?:chacun des |les |each of the |the )?(?:tiers|third parties) (?:participant|intervenant|involved|participating)/u.test(lower.slice(Math.max(0, audit.index - 80), audit.index + 80)) && !/(?:l'|the )?(?:[ée]tablissement|client|customer|controller|responsable)/u.test(lower.slice(0, audit.index));
  if (bound.role === 'supplier' && !supplierSubmits && !documentary) {
    return {
      nearMiss: {
        sentence,
        note: pick(lang, "l'audit est mené par le prestataire (sur ses sous-traitants ou le client), pas par le client sur le prestataire.", 'the audit is run by the supplier (of its subcontractors or the client), not by the client of the supplier.'),
        closeness: 3,
      },
    };
  }
  if (subcontractors && bound.role !== 'client') return {};
  if (bound.role === 'other') return {};
  // "Le Client autorise l'ANSSI et l'organisme de qualification à auditer le Service": a regulator's or a
  // certification body's audit, not one the client runs or commissions.
  const thirdPartyNear =
    THIRD_PARTY_AUDITOR.test(lower.slice(0, audit.index)) ||
    (bound.role !== 'client' && THIRD_PARTY_AUDITOR.test(lower.slice(audit.index, audit.index + 80))) ||
    // "for inspections by the veterinary and food safety authorities": whoever holds the sentence, the inspector is an authority.
    BY_AUTHORITY.test(lower.slice(audit.index + audit[0].length, audit.index + audit[0].length + 80));
  if (thirdPartyNear && !CLIENTS_AUDITOR.test(lower) && !CERTIFICATES_INSTEAD.test(lower)) {
    return { nearMiss: { sentence, note: pick(lang, "l'audit est mené par une autorité ou un organisme de certification, pas par le client.", 'the audit is run by a regulator or certification body, not by the client.'), closeness: 2 } };
  }
  // An auditor the supplier appoints runs the supplier's own certification audit, not the client's.
  if (SUPPLIER_AUDITOR.test(lower)) {
    return { nearMiss: { sentence, note: pick(lang, "l'auditeur est mandaté par le prestataire (audit de certification), pas par le client.", 'the auditor is appointed by the supplier (a certification audit), not by the client.'), closeness: 2 } };
  }
  // "Le Client s'interdit : … les tests d'intrusion non autorisés": a prohibition, not a right.
  if (PROHIBITION.test(`${sentence.leadIn ?? ''} ${lower.slice(0, audit.index)}`)) {
    return { nearMiss: { sentence, note: pick(lang, "la phrase interdit au client d'agir, elle ne lui donne pas de droit d'audit.", 'the sentence forbids the client to act; it grants no audit right.'), closeness: 2 } };
  }
  if (isNegated(lower.slice(0, audit.index), lang) && !DOC_ONLY.test(lower) && !documentary) {
    return { nearMiss: { sentence, note: pick(lang, "la phrase exclut l'audit (tournure négative).", 'the sentence rules audits out (negation).'), closeness: 4 } };
  }
  // "audit de la qualité des prestations", "audit the Supplier's performance against the Service Levels": the object
  // named right after the audit word is something other than security.
  if (OTHER_AUDIT_OBJECT.test(lower.slice(audit.index, audit.index + audit[0].length + 60)) && !SECURITY_SCOPE.test(lower)) {
    return { nearMiss: { sentence, note: pick(lang, "l'audit porte sur autre chose que la sécurité (qualité, performance, facturation).", 'the audit covers something other than security (quality, performance, billing).'), closeness: 2 } };
  }
  if (!SECURITY_SCOPE.test(lower + ' ' + heading) && !/obligations|contrat|agreement|contract|services?|prestations?|compliance with (?:clause|article|section|schedule)|conformit[ée] (?:[àa]|aux?) (?:l'article|article|annexe)|data cent(?:re|er)s?|technical test|tests? techniques|inspection/u.test(lower)) {
    return { nearMiss: { sentence, note: pick(lang, "le périmètre de l'audit ne couvre pas la sécurité.", 'the audit scope does not cover security.'), closeness: 2 } };
  }

  const reasons: string[] = [];
  if (CERTIFICATES_INSTEAD.test(lower) || AUDIT_WAIVED.test(lower) || AUDIT_BY_DOCUMENTS.test(lower)) reasons.push('certificates-instead');
  // Language of the clause's own words, for its figures (asked only of a clause that stands).
  const textLang = analysis.languageOfText(text, sentence.start);
  if (FREQUENCY_TWO_PLUS.test(lower) || intervalMonths(text, textLang) > (rule.thresholds.maxIntervalMonths ?? 12)) reasons.push('infrequent');
  const notice = noticeDays(text, textLang);
  const maxNotice = rule.thresholds.maxNoticeDays ?? 30;
  if (notice && notice.days > maxNotice) reasons.push('long-notice');
  if (((APPROVAL.test(lower) || approvedBySupplier(context, lower)) && !APPROVAL_REASONABLE.test(lower)) || SUPPLIER_CONTROLS_AUDIT.test(lower)) reasons.push('auditor-approval');
  // "audits shall be conducted remotely", "le Titulaire peut refuser l'accès à ses centres de données": nothing on site.
  if (REMOTE_ONLY.test(lower)) reasons.push('documentary-only');
  if (MUTUAL.test(lower)) reasons.push('mutual-agreement');
  // "permettre … de consulter l'ensemble des documents": documents only, when nothing on site or technical is granted.
  // "review the Supplier's security documentation", "assess … by means of a questionnaire": a desk review unless on site.
  const deskReview = /^(?:review|assess|[ée]valu|examiner)/u.test(audit[0]) && !ON_SITE.test(lower);
  if (documentary || deskReview || DOC_ONLY.test(lower) || (DOCUMENT_ACCESS.test(lower) && !ON_SITE.test(lower)) || (REPORT_REQUEST.test(lower) && !ON_SITE_AUDIT.test(lower)))
    reasons.push('documentary-only');
  // A list item takes its lead-in's condition: "To the extent … fall short …, Processor agrees to: … 2. cooperate with audits".
  if (CONDITIONAL.test(lower) || (sentence.leadIn !== null && CONDITIONAL.test(sentence.leadIn))) reasons.push('conditional');
  if (EFFORTS.test(lower)) reasons.push('hedged');
  if (PLACEHOLDER.test(lower)) reasons.push('placeholder');
  return {
    candidate: {
      sentence,
      ...judged(reasons),
      value: notice ? { days: notice.days } : null,
      detail: pick(lang, `droit d'audit du client${notice ? ` (préavis « ${notice.text} »)` : ''}`, `client audit right${notice ? ` (notice "${notice.text}")` : ''}`),
      strength: 10 - reasons.length,
    },
  };
}

const AUDIT_TOPIC = lowered(/audit|contr[ôo]l|v[ée]rif|visit|inspect|on-site|sur site|sur place/iu);

export const auditRights: Check = (context) => {
  const { analysis } = context;
  const candidates: Candidate[] = [];
  const nearMisses: NearMiss[] = [];
  const mentions = analysis.sentencesWith(AUDIT_STEMS);
  for (const sentence of analysis.sentences) {
    if (!mentions[sentence.index]) continue;
    if (analysis.isDefinition(sentence) || sentence.heading) continue;
    if (!AUDIT.test(sentence.lower.replace(AUDIT_LOGS, (m) => ' '.repeat(m.length))) || auditorOnly(sentence.lower)) continue;
    // Limits often follow in the next sentences of the paragraph ("Cet audit ne peut intervenir plus d'une fois par an…").
    let text = sentence.text;
    let end = sentence.end;
    for (const next of followers(analysis, sentence, 3)) {
      text += ' '.repeat(next.start - sentence.end) + next.text;
      end = next.end;
    }
    // A lead-in ("Customer's rights to audit: (i) … (ii) …") takes its items along.
    if (/:\s*$/.test(sentence.text)) {
      for (let i = sentence.index + 1; i < analysis.sentences.length && i <= sentence.index + 8; i++) {
        const item = analysis.sentences[i]!;
        if (item.leadIn === null) break;
        text += ` ${item.text}`;
        end = item.end;
      }
    }
    // What an amendment added to the clause ("L'article 8.1 est complété comme suit : « … »") is read with it.
    for (const added of analysis.additionsTo(sentence)) text += ` ${added.text}`;
    const { candidate, nearMiss } = read(context, sentence, text);
    if (candidate) candidates.push({ ...candidate, end });
    if (nearMiss) nearMisses.push(nearMiss);
  }
  // "Customer agrees that any information and audit rights granted by the applicable Data Protection Requirements
  // will be satisfied by these compliance reports": a waiver of every audit right, wherever else one is granted.
  const waiver = analysis.sentences.find((s) => mentions[s.index] && GLOBAL_WAIVER.test(s.lower) && !analysis.supersededAt(s.start));
  if (waiver) {
    for (const c of candidates) {
      if (c.status !== 'ok' || c.sentence === waiver) continue;
      c.status = 'weak';
      c.reasons = ['certificates-instead'];
      c.extra = [...(c.extra ?? []), { start: waiver.start, end: waiver.end, role: 'basis', note: pick(context.lang, "Clause qui remplace tout droit d'audit par des rapports ou certificats.", 'Clause that replaces every audit right with reports or certificates.') }];
    }
  }
  // Restrictions anywhere in the audit article (all its numbered clauses) apply to the right granted in it.
  for (const c of candidates) {
    const article = articleOf(context, c.sentence.section);
    if (article === null) continue;
    const { start, end } = context.doc.sections[article]!;
    // Only what speaks of audits there (or shares a paragraph with it): in an annex of requirements, the
    // penalties item's "d'un commun accord" says nothing of the audit item.
    const inArticle = analysis.sentences.filter((s) => s.start >= start && s.start < end && !analysis.supersededAt(s.start));
    const auditLines = new Set(inArticle.filter((s) => AUDIT_TOPIC.test(s.lower)).map((s) => s.line));
    const sectionText = inArticle.filter((s) => s !== c.sentence && auditLines.has(s.line)).map((s) => s.lower).join(' ');
    const more: string[] = [];
    if (CERTIFICATES_INSTEAD.test(sectionText) || AUDIT_WAIVED.test(sectionText)) more.push('certificates-instead');
    if (FREQUENCY_TWO_PLUS.test(sectionText) || intervalMonths(sectionText, analysis.languageOfText(sectionText, c.sentence.start)) > (context.rule.thresholds.maxIntervalMonths ?? 12)) more.push('infrequent');
    if (MUTUAL.test(sectionText)) more.push('mutual-agreement');
    if (CONDITIONAL.test(sectionText)) more.push('conditional');
    if (DOC_ONLY.test(sectionText) || REMOTE_ONLY.test(sectionText)) more.push('documentary-only');
    if (SUPPLIER_CONTROLS_AUDIT.test(sectionText)) more.push('auditor-approval');
    if (APPROVAL.test(sectionText) && !APPROVAL_REASONABLE.test(sectionText)) more.push('auditor-approval');
    const notice = noticeDays(sectionText, analysis.languageOfText(sectionText, c.sentence.start));
    if (notice && notice.days > (context.rule.thresholds.maxNoticeDays ?? 30)) more.push('long-notice');
    const added = more.filter((r) => !c.reasons.includes(r));
    if (added.length) {
      c.reasons = c.status === 'ok' ? added : [...c.reasons, ...added];
      c.status = 'weak';
    }
  }
  return decide(context, candidates, nearMisses, {
    title: context.rule.title,
    searched: {
      fr: "un droit du client (ou d'un auditeur qu'il désigne) d'auditer la sécurité du prestataire : sur site, sur pièces ou par tests techniques",
      en: 'a right of the client (or an auditor it appoints) to audit the supplier’s security: on site, on documents or by technical tests',
    },
  });
};
