import type { Block, OutputFormat, Source } from '../fixtures/source.js';

/**
 * Turns one fixture source into a bench contract: another output format, a
 * unique establishment and reference (so no two files share bytes or cache
 * keys), and the body repeated as numbered annexes until the contract is long
 * enough. Only ASCII/WinAnsi text is added, so pdf-lib can draw it.
 */

const ESTABLISHMENTS = [
  'Centre Hospitalier de Brivelle', 'GHT Loire-Vallons', 'EHPAD Les Tilleuls de Marcenat', 'CHU de Port-Alban',
  'Laboratoire Biosanté Orvane', 'Centre Hospitalier Intercommunal du Haut-Verdan', 'Clinique Saint-Aubrac',
  'GHT Cote d’Opale Sud', 'EHPAD Résidence du Moulin', 'Centre de Santé Mutualiste de Ravières',
];

export interface VariantSpec {
  index: number;
  format: OutputFormat;
  establishment: string;
  /** How many copies of the body (1 = the source as written). */
  copies: number;
}

export function establishmentFor(index: number): string {
  return `${ESTABLISHMENTS[index % ESTABLISHMENTS.length]} (site ${Math.floor(index / ESTABLISHMENTS.length) + 1})`;
}

export function varySource(base: Source, spec: VariantSpec): Source {
  const reference = `BENCH-${String(spec.index).padStart(5, '0')}`;
  const [title, ...body] = base.blocks;
  const preamble: Block = {
    kind: 'paragraph',
    listItem: false,
    runs: [{ text: base.meta.lang === 'fr'
      ? `Référence ${reference} – établissement bénéficiaire : ${spec.establishment}.`
      : `Reference ${reference} – beneficiary establishment: ${spec.establishment}.` }],
  };
  const blocks: Block[] = [title, preamble, ...body];
  for (let copy = 2; copy <= spec.copies; copy++) {
    const heading = base.meta.lang === 'fr'
      ? `ANNEXE ${copy + 10} – Stipulations applicables au lot ${copy} (${reference})`
      : `SCHEDULE ${copy + 10} – Terms applicable to lot ${copy} (${reference})`;
    blocks.push({ kind: 'pagebreak' }, { kind: 'heading', level: 2, runs: [{ text: heading }] }, ...body.map(demoteHeading));
  }
  return {
    meta: {
      ...base.meta,
      format: spec.format,
      engine: 'pdf-lib', // LibreOffice PDFs would make generation minutes long
      tracked: false,
      wrap: 0,
      header: base.meta.header ? `${base.meta.header} – ${reference}` : reference,
    },
    blocks,
  };
}

/** Inside an annex, the copied articles sit one level below the annex heading. */
function demoteHeading(block: Block): Block {
  return block.kind === 'heading' ? { ...block, level: Math.min(block.level + 1, 6) } : block;
}
