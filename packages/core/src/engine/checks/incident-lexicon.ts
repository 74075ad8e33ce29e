import { lowered } from '../../language/lowered.js';

/**
 * The words of the incident-notification check: what a notice, a security incident, a clock start, an
 * authority or a narrowing looks like in French and English contracts. Kept apart from the reading logic in
 * incident-notification.ts so that each can be read on its own.
 */

export const NOTIFY =
  lowered(/\b(?:notifi(?!able)\p{L}*|intimat(?:e|es|ed|ing)\b|inform(?:e|es|ent|er|era|eront|erait|ait|é|ée|és|ées|s|ed|ing|ons|erons|ez|erez)?\b|avis(?:e|ent|era|eront|ons|erons|é|ée|er)\b|(?<!d')information (?:du|de l'|de la|des|imm[ée]diate|sans d[ée]lai|pr[ée]alable)\b|avert\p{L}*|alert\p{L}*|signal\p{L}*|pr[ée]vien\p{L}*|pr[ée]venir|d[ée]clar\p{L}*|porter? [àa] la connaissance|port[ée]e? [àa] la connaissance|tenir inform[ée]|remont[ée]e? d'(?:alerte|information)|notify\p{L}*|notice to (?:the )?(?=[\p{L}])(?!(?:terminate|end|cancel|renew|resilier|r[ée]silier)\b)|notice of(?!\s+(?:at least |not less than |no less than |a minimum of )?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|forty-five|sixty|ninety)\b))|unreported\b|unnotified\b|non[- ](?:signal|notifi|d[ée]clar)\p{L}*|report(?:s|ed|ing)?\s+(?:(?:any|all|each|every|such|the|a|tout|toute)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:incidents?|breach\p{L}*|violations?)|report(?:s|ed|ing)?\s+(?:(?:it|them|this|such)\s+)?to\b|reported\s+by\s+[^,.;]{1,40}?\s+to\b|advis\p{L}*|give notice|provide notice|tell)/giu);

// What is notified: a security incident in some wording.
export const SECURITY_EVENT =
  lowered(/incidents? de s[ée]curit[ée]|incidents? (?:cyber|informatiques? de s[ée]curit[ée])|[ée]v[ée]nements? de s[ée]curit[ée]|violations? de (?:la )?s[ée]curit[ée]|atteintes? (?:[àa] la|aux?) (?:s[ée]curit[ée]|confidentialit[ée]|int[ée]grit[ée]|syst[èe]mes?)|failles? de s[ée]curit[ée]|failles?|compromissions?|intrusions?|cyber-?attaques?|attaques?|acc[èe]s (?:frauduleux|non autoris[ée]s?)|piratages?|ran[çc]ongiciels?|codes? malveillants?|fuites? de donn[ée]es|security (?:incidents?|breach(?:es)?|events?)|cyber[- ]?(?:incidents?|attacks?|security incidents?)|breach(?:es)? of security|unauthori[sz]ed (?:access|disclosure|use)|compromises?|intrusions?|attacks?|ransomware|malware|data breach(?:es)?|information security incidents?/iu);
export const PERSONAL_DATA_EVENT =
  lowered(/privacy breach(?:es)?|privacy incidents?|atteintes? [àa] la vie priv[ée]e|violations? de(?:s)? donn[ée]es(?: [àa] caract[èe]re)? personnel(?:le)?s|violations? de(?:s)? donn[ée]es|personal data breach(?:es)?|data protection breach(?:es)?|breach(?:es)? of personal data/iu);
// Incidents that are not about information security: device vigilance, adverse events, production.
export const NON_SECURITY_INCIDENT =
  lowered(/incidents? (?:ou risques? d'incidents? )?(?:de (?:mat[ée]rio|r[ée]acto|pharmaco|h[ée]mo)?vigilance|ind[ée]sirables?|cliniques?|sanitaires?|m[ée]dicaux|de production|d'exploitation|de paiement)|mat[ée]riovigilance|adverse (?:events?|incidents?)|field safety|safety (?:notices?|corrective actions?)|clinical incidents?|patient safety/iu);
export const BARE_INCIDENT = lowered(/\bincidents?\b|\bbreach(?:es)?\b/iu);
// A bare incident word that is not an anaphor ("the breach", "cet incident", "l'incident").
export const NEW_BARE_INCIDENT = lowered(/(?<!\b(?:the|this|that|such|said|ce|cet|cette|ledit|ladite|l'|l’)\s?)\b(?:incidents?|breach(?:es)?)\b/iu);
export const SECURITY_CONTEXT = lowered(/s[ée]curit[ée]|security|cyber|\bssi\b|protection des donn[ée]es|data protection|confidentialit/iu);
export const MAJOR_ONLY =
  /incidents? (?:de s[ée]curit[ée] )?(?:majeurs?|graves?|critiques?|significatifs?|importants?|s[ée]rieux)(?! ou (?:non|mineurs?))|(?:major|critical|significant|serious|material|severe) (?:security )?(?:incidents?|breach(?:es)?)|qu'il (?:juge|estime|consid[èe]re) (?:comme )?(?:majeur|grave|significatif|critique)|classifi\p{L}* as (?:critical|major|severe|high)|(?:rated|categori[sz]ed|designated|deemed) (?:as )?(?:critical|major|severe|high)|qualifi[ée]e?s? (?:de |comme |d')?(?:critique|majeur|grave|s[ée]rieux)|class[ée]e?s? (?:comme |en )?(?:majeur|critique|grave)|(?:de |of )?(?:niveau|s[ée]v[ée]rit[ée]|priorit[ée]|severity|priority) (?:1|un|critique|majeure?|critical)\b/iu;

export const CLOCK_DETECTION =
  /d[ée]tection|d[ée]couverte|prise de connaissance|(?:a|aura|avoir) (?:eu )?connaissance|connaissance|constat|survenance|identification|aware|awareness|discover\p{L}*|detect\p{L}*|occurrence|occurs|identif\p{L}*|learning of|notice of/iu;
export const CLOCK_CONFIRMATION =
  /r[ée]solution|\br[ée]solu\p{L}*|resolv\p{L}*|\bcontain(?:ed|ment)\b|confinement|\bconfin[ée]\p{L}*|remediat\p{L}*|rem[ée]diation|restaur\p{L}*|\brestored\b|r[ée]tablissement|confirmation|qualification|validation|validat\p{L}*|qualif(?:y|ies|ied|ying)\b|classif\p{L}*|(?:fin|issue|conclusion|cl[ôo]ture|ach[èe]vement|r[ée]sultats?) (?:de l'|des |du |de la )?(?:analyse|investigation|enqu[êe]te|diagnostic|qualification)|closure of (?:the |its )?(?:investigation|analysis)|apr[èe]s (?:analyse|investigation|diagnostic)|(?:a |avoir |aura )(?:confirm[ée]|qualifi[ée]|valid[ée])|confirm\p{L}*|verif(?:y|ied|ication)|determin(?:ed|ation|es)|(?:has|have|shall have|aura|a) (?:completed|achev[ée]|termin[ée]|finalis[ée])|completion of (?:the |its |their )?(?:[\p{L}-]+ )?(?:investigation|analysis|assessment)|(?:has|have) investigated|concluded|after investigat\p{L}*/iu;

// Verbs of other obligations that durations after them belong to (a report, a fix), not the first notice.
export const OTHER_OBLIGATION = lowered(
  /\b(?:rapport\p{L}*|compte[- ]rendu|analyse|post-mortem|plan d'action|r[ée]sou\p{L}*|r[ée]solution|r[ée]tabli\p{L}*|corrig\p{L}*|correction|rem[ée]di\p{L}*|intervention|intervenir|interviendr\p{L}*|restaur\p{L}*|transmet\p{L}*|fourni\p{L}*|report\b|written report|final report|resolv\p{L}*|resolution|restor\p{L}*|remedi\p{L}*|fix\p{L}*|repair\p{L}*|respond\p{L}*|response|provide|submit\p{L}*|investigat\p{L}*|update\p{L}*|mise à jour|d[ée]tailler|details?|escalat\p{L}*|escalad\p{L}*|prise en (?:compte|charge)|demandes? (?:de support|d'assistance|d'intervention)|support requests?|tickets?|r[ée]tablissement|restoration)\b/giu);

// Support and repair times that share the words "incident" and "heures" with a notification.
export const SUPPORT_CONTEXT =
  lowered(/\bgt[ir]\b|garantie de temps|d[ée]lai d'intervention|temps d'intervention|intervention sur site|d[ée]lai de (?:r[ée]tablissement|r[ée]solution|correction|prise en charge)|r[ée]paration|panne|dysfonctionnement|anomalie|ticket|hotline|support|response time|resolution time|repair|fault|on-site|service desk|helpdesk|maintenance/iu);

// Notices to authorities are the controller's duty, not a notice to the client.
export const AUTHORITY_RECIPIENT =
  /^\S+\s+(?:(?:lui-m[êe]me|elle-m[êe]me|itself|directly|directement|sans d[ée]lai|imm[ée]diatement|promptly|without undue delay)\s+){0,2}(?:[àa]|aux?|to)\s+(?:l'|la|le|les|the)?\s*(?:cnil|ars\b|agence r[ée]gionale|anssi|cert[ -]sant[ée]|autorit[ée]s?|ico\b|information commissioner|supervisory authorit|competent authorit|regulator|police|law enforcement|agence nationale|ansm\b|haute autorit[ée]|minist[èe]re|pr[ée]fe|procureur|ncsc\b|mhra\b|fda\b)/iu;
export const AUTHORITY_LATER = lowered(
  /\b(?:[àa]|aux?|to)\s+(?:l'|la |le |les |the )?(?:cnil|ars\b|agence r[ée]gionale|anssi|cert[ -]sant[ée]|autorit[ée]s?|ico\b|information commissioner|supervisory authorit|competent authorit|regulator|police|law enforcement|agence (?:nationale|du num[ée]rique)|ansm\b|haute autorit[ée]|minist[èe]re|pr[ée]fe|procureur|ncsc\b|mhra\b|fda\b)/iu,
);
export const CLIENT_AS_RECIPIENT = lowered(/\b(?:[àa]|aux?|to|et|and)\s+(?:l'|la |le |les |the |son |its )?(?:client|customer|[ée]tablissement|h[ôo]pital|hospital|trust|chu\b|ght\b)/iu);
// "sauf si l'enquête en cours l'en empêche", "unless its investigation requires otherwise": the supplier decides.
export const PERSONAL_ONLY_SAID = lowered(
  /(?:violations? de(?:s)? donn[ée]es[^.;|]{0,40}?|personal data breach(?:es)?|data breach(?:es)?)\s*,?\s*(?:uniquement|seulement|exclusivement|only)\b|\b(?:uniquement|seulement|exclusivement|only|solely)\s+(?:pour\s+|for\s+|aux?\s+|to\s+|in case of\s+|en cas de\s+)?(?:les\s+|the\s+|des\s+)?(?:violations? de(?:s)? donn[ée]es|personal data breach)/iu,
);
export const WARNS_SOMEONE = lowered(
  /^\s*(?:(?:imm[ée]diatement|sans d[ée]lai|aussit[ôo]t|sans attendre|dans|par|sous|d[èe]s|au plus tard|au plus vite|rapidement)\b|(?:le|la|l'|les|son|sa|ses|leur|leurs|tout|toute|chaque|au|aux)\s*(?:client|commanditaire|[ée]tablissement|acheteur|pouvoir adjudicateur|h[ôo]pital|chu|ght|responsables?|rssi|correspondant|contacts?|interlocuteurs?|personnes?|utilisateurs?|[ée]quipes?|r[ée]f[ée]rents?|direction|titulaire|prestataire|partie|cocontractant)|(?:l'|les|le|la)\s*$|\S+\s+(?:imm[ée]diatement|sans d[ée]lai))/iu,
);
// "any Security Incident that results in the unauthorised disclosure of Customer Data", "tout incident ayant
// entraîné une fuite de données": only incidents whose harm has happened, not attempts or suspicions.
export const ACTUAL_HARM_ONLY = lowered(
  /(?:that|which)\s+(?:results?|resulted|has resulted|leads?|led)\s+in\s+(?:an?\s+|the\s+)?(?:actual\s+)?(?:unauthori[sz]ed\s+)?(?:disclosure|loss|leak|exfiltration|destruction|compromise)|ayant\s+(?:entra[îi]n[ée]|provoqu[ée]|caus[ée]|donn[ée] lieu [àa])\s+(?:une?\s+)?(?:fuite|perte|divulgation|destruction|compromission|exfiltration)/iu,
);
export const RIGHT_TO_BE_TOLD = lowered(
  /(?:a|aura|dispose du|b[ée]n[ée]ficie du)\s+(?:le\s+)?droit d'[êe]tre\s*$|(?:is|are|shall be|will be)\s+entitled\s+to\s+be\s*$|(?:has|have|shall have)\s+the right\s+to\s+be\s*$/iu,
);
// "No Security Incident shall remain unreported … for more than 48 hours", "aucun incident ne peut rester non signalé".
export const DOUBLE_NEGATIVE = lowered(
  /\bno\s+(?:[\p{L}-]+\s+){0,2}?(?:incidents?|breach(?:es)?|events?)\b[^.;]{0,80}?(?:shall|may|will|must|can)\s+(?:remain|be left|go|stay)\s+(?:unreported|unnotified|undisclosed|uncommunicated)|\baucun\s+(?:[\p{L}-]+\s+){0,2}?incidents?\b[^.;]{0,80}?ne\s+(?:peut|pourra|doit|saurait)\s+(?:rester|demeurer)\s+(?:non\s+(?:signal|notifi|d[ée]clar|communiqu)|ignor)/iu,
);
export const INVESTIGATION_ESCAPE = lowered(
  /(?:save|except|unless|sauf)\s+(?:(?:where|if|when|si|lorsque)\s+)?(?:the |its |son |ses |sa |l')?(?:[\p{L}-]+(?:'s|’s) )?(?:insurers?|assureurs?|legal counsel|lawyers?|counsel|avocats?|conseils? juridiques?)|(?:sauf|except) (?:si|lorsque|dans le cas o[ùu]|where|if|when) (?:l'|les |the |its |such |son |sa |ses )?(?:enqu[êe]tes?|investigations?|analyses?|besoins de l'enqu[êe]te|forensic)|unless (?:(?:the|its|such|supplier's|provider's) )?(?:ongoing )?(?:investigation|analysis|forensic)/iu,
);
// "within 24 hours of the Customer's written request": the clock starts when the client asks, not at detection.
export const CLOCK_REQUEST = lowered(
  /^\s*(?:[^,;.]{0,25}?\s)?(?:of|from|after|following|upon|on|suivant|apr[èe]s|d[èe]s|[àa] compter d[eu]|[àa] r[ée]ception d[eu])\s+(?:(?:the|its|la|sa|leur|l'|une?)\s*)?(?:[\p{L}'’-]+\s+){0,3}?(?:requests?|demandes?|requ[êe]tes?)\b/iu,
);
export const NEXT_BUSINESS_DAY = lowered(/next (?:business|working) day|(?:premier )?jour ouvr(?:[ée]|able) suivant/iu);
export const LAW_CONDITION = lowered(
  /where (?:so )?(?:required|mandated) by (?:(?:applicable|the) )?(?:law|laws|legislation|regulations?)|to the extent (?:required|mandated) by (?:(?:applicable|the) )?(?:law|laws|regulations?)|if (?:required|mandated) by (?:(?:applicable|the) )?(?:law|regulations?)|(?:lorsque|si|dans la mesure o[ùu]) la (?:loi|r[ée]glementation|l[ée]gislation) (?:applicable )?(?:l'exige|l'impose|le pr[ée]voit)|lorsque (?:les textes|la r[ée]glementation) (?:l'imposent|l'impose)/iu,
);
export const CLIENT_RECIPIENT_WORDS = /client|customer|[ée]tablissement|h[ôo]pital|hospital|trust|chu\b|ght\b/iu;
// "will inform Customer of the suspension": the notice is about something else.
export const NON_INCIDENT_OBJECT =
  /^\S+(?:\s+\S+){0,5}?\s+(?:of|de|du|des|d')\s*(?:the|la|le|les|cette|this|such|toute?)?\s*(?:suspension|maintenance|modifications?|changes?|updates?|mises? [àa] jour|interventions? (?:programm|planifi)|factur\p{L}*|invoices?|prices?|prix|tarifs?|planning|releases?|versions?|sous-traitants? ult[ée]rieurs?|new sub-?processors?|intention)/iu;

// The event a delay runs from, right after it: "24 heures suivant sa détection", "72 hours after confirmation".
export const CLOCK_PHRASE =
  /^\s*(?:[^,;.]{0,25}?\s)?(?:[àa] compter d[eu]|[àa] partir d[eu]|suivant|apr[èe]s|d[èe]s|from|after|of|following|upon|on)\s+(?:(?:la|sa|son|leur|l'|the|its|their|his|her|such|any)\s*)?((?:[\p{L}'-]+\s+){0,3}?[\p{L}'-]+)/iu;
// Elsewhere in the clause, only unambiguous wording about waiting for the analysis counts
// ("confirmé par écrit" confirms the notice, not the incident).
export const WAITS_FOR_ANALYSIS =
  /(?:apr[èe]s|d[èe]s|after|following|upon|once|[àa] l'issue d[eu]|at the end of)\s+(?:(?:la|sa|son|l'|the|its|their)\s*)?(?:confirmation|qualification|validation|(?:fin|conclusion) de (?:l'|son |sa )?(?:analyse|investigation|enqu[êe]te)|analyse|investigation|enqu[êe]te|diagnostic|completion of|determination|verification)|(?:has|have) (?:been )?(?:confirmed|determined|qualified|investigated|verified)|(?:a|aura|avoir) (?:confirm[ée]|qualifi[ée]|valid[ée])|(?:confirm[ée]e?|qualifi[ée]e?) (?:comme|en tant qu)|confirmed (?:as|to be)|qualified as/iu;

export const CONFIRMED_ONLY = lowered(
  /(?:ayant|avec) un impact (?:av[ée]r[ée]|confirm[ée]|r[ée]el)|dont l'impact (?:est|a [ée]t[ée]) (?:av[ée]r[ée]|confirm[ée])|with (?:a |an )?(?:confirmed|proven|actual|demonstrated) impact|(?:that|which) (?:actually|has actually|have actually) (?:affect|compromis)\p{L}*|(?:ait|a|ont|aura|auront|aient) [ée]t[ée] (?:confirm|qualifi|valid|av[ée]r)\p{L}*|(?:has|have) been (?:confirmed|verified|validated)|\b(?:confirmed|verified|validated)\s+(?:security\s+)?(?:incidents?|breach(?:es)?)(?!\s+or\s+(?:suspected|potential))|incidents?\s+(?:de\s+s[ée]curit[ée]\s+)?(?:av[ée]r[ée]s?|confirm[ée]s?)(?!\s+ou\s+(?:suspect|potentiel|pr[ée]sum))/iu,
);

// Severity tiers: the labels of a delay-by-severity list.
export const TIER = /s[ée]v[ée]rit[ée]|severity|priorit[ée]|priority|niveau \d|level \d|\bp[1-4]\b|cat[ée]gorie|critiques?|critical|majeurs?|major|mineurs?|minor|(?:all|any|tout|toute|tous les) (?:other|autres?)|autres incidents/iu;

// A definition that keeps only availability events, or says "only", narrows what must be notified.
export const NARROWING = /\b(?:uniquement|exclusivement|seulement|only|solely|limit[ée]e?s? (?:aux?|à)|limited to)\b/iu;
export const AVAILABILITY_ONLY = /indisponibilit|downtime|outage|interruption|unavailab|arr[êe]t (?:de|du) service/iu;
export const CIA = /confidentialit|int[ée]grit|integrity|confidentiality|non autoris|unauthori[sz]ed|compromi|intrusion|malveill|malicious|fuite|leak|attaque|attack/iu;

// A periodic report or meeting, not a notice: "présentation au comité de pilotage trimestriel", "monthly service report".
export const PERIODIC_REPORT =
  /(?:rapport|compte[- ]rendu|comit[ée]|revue|bilan|report|review|meeting|committee)[^|.;]{0,40}?(?:mensuel|trimestriel|semestriel|annuel|monthly|quarterly|half-yearly|annual|periodic)|(?:monthly|quarterly|annual|periodic) (?:service )?(?:report|review|meeting)/u;
