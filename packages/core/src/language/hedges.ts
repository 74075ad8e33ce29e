import { lowered } from './lowered.js';

/**
 * Wording that takes the bite out of an obligation. Each list is a closed set
 * of contract formulas, French and English, matched on lower-case text.
 */

/** The supplier decides whether to act: "s'il l'estime nécessaire", "at its sole discretion". */
export const DISCRETION =
  lowered(/(?:ceux|celles|ceux-ci) qu'(?:il|elle) (?:qualifie|juge|estime|consid[èe]re)|(?:those|the ones|such incidents) (?:that|which) (?:the )?[\p{L}-]+ (?:classifies|qualifies|deems|considers|determines)|sauf (?:demande|d[ée]cision|avis|instruction) contraire du (?:titulaire|prestataire|fournisseur|h[ée]bergeur)|unless (?:the )?(?:supplier|provider|contractor|vendor) (?:otherwise )?(?:requests|decides|determines|instructs)|(?:where|if|when|provided that) (?:the )?[\p{L}-]+ (?:so )?(?:agrees|consents|approves)|(?:lorsque|si) (?:le |la |l')?[\p{L}-]+ (?:y consent|l'accepte|en est d'accord|le veut bien)|subject to (?:the )?[\p{L}-]+(?:'s|’s) (?:(?:prior|internal|written|own) )*(?:approval|consent|agreement|authori[sz]ation)|apr[èe]s (?:accord|autorisation|validation) (?:pr[ée]alable |expr[èe]s )?(?:du|de l'|de la) (?:titulaire|prestataire|fournisseur|h[ée]bergeur|[ée]diteur)|sous r[ée]serve de l'(?:accord|autorisation) (?:pr[ée]alable |expresse? )?(?:du|de l') ?(?:titulaire|prestataire|fournisseur|h[ée]bergeur|[ée]diteur)|such (?:longer|shorter|other) (?:period|time|delay)s? as (?:the )?[\p{L}-]+ (?:may |shall |will )?(?:reasonably )?(?:consider|deem|determine|decide|think|believe|specif|notif)\p{L}*|tout autre d[ée]lai que (?:le |la |l')?[\p{L}-]+ (?:jugera|estimera|fixera|d[ée]terminera)|dont (?:il|elle) (?:estime|juge|consid[èe]re)|(?:which|that) (?:the )?[\p{L}-]+ (?:reasonably )?(?:considers|deems|believes|determines) (?:to be )?(?:likely|material|significant|relevant|serious)|at its (?:sole )?option|[àa] sa (?:seule )?convenance|s'il le souhaite|if it so (?:wishes|chooses|elects)|\bunless (?:the )?[\p{L}-]+ (?:reasonably )?(?:believes|determines|considers|concludes|deems)|sauf si (?:le |la |l')?[\p{L}-]+ (?:estime|juge|consid[èe]re)|subject to (?:the )?[\p{L}-]+(?:'s|’s) (?:own )?(?:incident )?(?:classification|assessment|determination)|selon (?:la|sa) (?:propre )?(?:classification|qualification|[ée]valuation) (?:du|de l'|de la)|at (?:the )?[\p{L}-]+(?:'s|’s) (?:sole |absolute |own )?discretion|[àa] la (?:seule |libre |pleine )?discr[ée]tion d[ue] |s'il l'estime (?:n[ée]cessaire|utile|opportun|justifi[ée]|appropri[ée])|s'il le juge (?:n[ée]cessaire|utile|opportun|justifi[ée]|appropri[ée])|qu'il (?:estime|juge|consid[èe]re)|selon (?:sa|son) (?:seule )?(?:appr[ée]ciation|jugement)|[àa] sa (?:seule |libre |entière )?(?:discr[ée]tion|appr[ée]ciation)|à son initiative|lorsqu'il (?:l'estime|le juge)|\bwhere (?:the )?[\p{L} ]{0,30}(?:determines|considers|deems|believes|judges)|\bif (?:the )?[\p{L} ]{0,30}(?:determines|considers|deems|believes)|(?:in|at) (?:its|their) (?:sole |absolute |reasonable )?(?:discretion|judg(?:e)?ment|opinion)|as (?:it|the [\p{L}]+) (?:deems|considers|determines) (?:necessary|appropriate)|(?<![\p{L}])(?:it|[\p{L}]+) deems (?:necessary|appropriate|material)|which (?:it|the [\p{L}]+) (?:considers|deems|determines|judges) (?:to be )?(?:material|significant|major|serious)/iu);

/** Best-efforts wording that turns a duty into an attempt. */
export const EFFORTS =
  lowered(/\|\s*(?:partiellement|partially|partial|partiel(?:le)?)(?:\s+(?:conforme|compliant))?\s*\||(?:where|when|if|as far as|so far as|to the extent) (?:it is )?(?:reasonably )?(?:practicable|feasible)|reasonably practicable|dans la mesure o[ùu] (?:cela est|c'est) (?:raisonnablement )?(?:praticable|r[ée]alisable)|(?:lorsque|si|quand|dans la mesure o[ùu])\s+(?:l'|le |la |les |cela |ceci |son |sa |ses )?(?:[\p{L}'’-]+\s+){0,3}?(?:le |la |l'|les )?permett?(?:ent)?\b|\b(?:where|if|when|as far as)\s+(?:the |its )?(?:[\p{L}-]+\s+){0,3}?(?:allows?|permits?|supports?)(?: it| this| so)?\b|\b(?:where|if) supported\b|dans (?:toute )?la mesure du possible|si possible|autant que (?:possible|faire se peut)|dans la mesure o[ùu] (?:cela est|c'est) (?:techniquement )?possible|si (?:cela est |c'est )?techniquement (?:possible|faisable)|lorsque (?:cela est|c'est) (?:techniquement )?possible|s'efforce(?:ra)?|fera ses meilleurs efforts|(?:best|reasonable|commercially reasonable) (?:efforts|endeavou?rs)|endeavou?r to|where (?:technically )?(?:possible|practicable|feasible)|if (?:technically )?(?:possible|practicable|feasible)|to the extent (?:technically )?(?:possible|practicable|feasible)|as far as (?:reasonably )?(?:possible|practicable)|insofar as|dans la mesure o[ùu][^.;]{0,100}\ble?s? permett?ent|dans la mesure o[ùu][^.;]{0,100}\ble permet|sous r[ée]serve (?:de|des) (?:capacit|possibilit|contraintes)|to the extent (?:that )?[^.;]{0,80}\b(?:permits?|allows?)|subject to (?:available |technical )?(?:capacity|feasibility|constraints)/iu);

/** A time without a figure: "sans délai", "without undue delay". */
export const VAGUE_DELAY =
  /sans d[ée]lai|dans (?:les )?meilleurs d[ée]lais|dans les (?:plus )?brefs d[ée]lais|dans un d[ée]lai raisonnable|d[èe]s que possible|aussit[ôo]t que possible|rapidement|promptement|imm[ée]diatement|sans tarder|sans retard(?: injustifi[ée])?|en temps utile|without (?:undue |unreasonable )?delay|promptly|as soon as (?:reasonably )?(?:possible|practicable|feasible)|immediately|forthwith|in a timely (?:manner|fashion)|timely|within a reasonable (?:time|period)|expeditiously|without unreasonable delay/iu;

/** Retention without a figure: "durée appropriée", "commercially reasonable period". */
export const VAGUE_PERIOD =
  /dur[ée]e (?:appropri[ée]e|raisonnable|n[ée]cessaire|suffisante|adapt[ée]e|l[ée]gale|r[ée]glementaire|conforme)|p[ée]riode (?:appropri[ée]e|raisonnable|suffisante)|conform[ée]ment (?:à|a) la (?:r[ée]glementation|l[ée]gislation)|(?:commercially )?reasonable (?:period|time|duration)|appropriate (?:period|duration|time)|(?:period|time) (?:required|prescribed) by (?:applicable )?law|as (?:required|permitted) by (?:applicable )?law|in accordance with (?:applicable )?(?:law|regulations?)|sufficient (?:period|time)|aussi longtemps que n[ée]cessaire|as long as (?:necessary|required)/iu;

/**
 * An exclusion that carves part of the scope out: "à l'exclusion des incidents affectant les
 * sauvegardes", "except Security Incidents at subprocessors", "excluding administrator logs".
 * Force majeure carve-outs are ordinary and do not count.
 */
export const SCOPE_EXCLUSION =
  lowered(/(?:[àa] l'exclusion|[àa] l'exception|sauf|hormis|hors|except[ée]?s?|except(?:ing)?|excluding|other than|save for|with the exception of|but not)\s+(?:de\s+|des\s+|du\s+|d'|les?\s+|la\s+|the\s+|for\s+|of\s+)?(?!(?:cas de )?force majeure|cas fortuit|impossibilit|as (?:otherwise|provided|set out|required)|where|if|in the case|lorsque|si\b|dans le cas)[^,.;]{0,80}?(?:incidents?|syst[èe]mes?|environnements?|sous-traitants?|subprocessors?|sub-processors?|sauvegardes?|backups?|breach(?:es)?|journaux|logs?|acc[èe]s|access|administrat\p{L}*|privil[èe]g\p{L}*|sites?|applications?|donn[ée]es)/iu);

/** Placeholders left in a draft. */
export const PLACEHOLDER = lowered(/\[(?:[àa] compl[ée]ter|[àa] d[ée]finir|[àa] pr[ée]ciser|●|•|\.{2,}|…|_+|x+|tbd|tbc|insert[^\]]*|to be (?:completed|confirmed|defined)|nom|name|email|e-mail|t[ée]l[ée]phone|phone)\]|\bxx+\b|\btbd\b|\btbc\b|_{3,}|\.{5,}|…{2,}|\bà compl[ée]ter\b|\bà d[ée]finir\b|\bto be (?:confirmed|completed|determined|agreed)\b/iu);

// A duty that holds only for a paid option or a plan the client must take: "à condition que l'Établissement ait
// souscrit l'Option Sécurité+", "provided Customer has purchased the Premium Support plan", "for Enterprise customers".
export const OPTION_CONDITION =
  lowered(/(?:\bunless|sauf si|[àa] moins que|[àa] condition que|pourvu que|sous r[ée]serve que|d[èe]s lors que|pour autant que|\bsi\b|lorsque|provided(?: that)?|on condition that|subject to|\bif\b|\bwhere\b|\bonly\b)\s+(?:the |l'|le |la |les )?(?:[\p{L}+'’-]+\s+){0,3}?(?:ait |a |aura |has |have |had )?(?:souscrit|subscribed|purchased|ordered|command[ée]|acquis|opted|elected|choisi|paid for|selected|contracted for)\b|(?:pour|for) (?:les |the )?(?:clients?|customers?|[ée]tablissements?) (?:ayant souscrit|who (?:have )?(?:subscribed|purchased)|on the (?:[\p{L}+-]+ )?(?:plan|tier|edition))|(?:option|offre|plan|tier|edition|[ée]dition|pack) (?:s[ée]curit[ée]\+?|security\+?|premium|enterprise|gold|platinum)\s*(?:\+\s*)?(?:souscrite?|subscribed|purchased|only|uniquement|seulement)|(?:\b(?:premium|enterprise|gold|platinum|advanced|avanc[ée]e?)\s+(?:plan|tier|edition|option|offer|offre|formule|pack|service|level|niveau)|\b(?:plan|tier|edition|option|offre|formule|pack|niveau)\s+(?:premium|enterprise|gold|platinum|avanc[ée]e?|advanced|s[ée]curit[ée]\s*\+|security\s*\+))\s*:/iu);

/**
 * The value of a labelled list line says there is nothing: "Audit : N/A", "• Logs: –", "Journaux : néant".
 * `afterLabel` is the lower-cased text after the label's colon; only its first clause is read.
 */
export function statesNone(afterLabel: string): boolean {
  const value = afterLabel.split(/[.;]/u)[0]!;
  return /^\s*(?:n\/?a|néant|neant|sans objet|aucun|none|no|non|not applicable|tbd|[-–—])?\s*$/u.test(value);
}
