/**
 * The harness's only contact with clausier: read a contract file into a
 * ContractDocument and audit it, through the core's public API.
 */
import type { ContractDocument, Finding, RawDocument, RulePack } from '../../packages/core/src/index.js';
import type { ContractOutcome, RuleOutcome } from './types.js';

type ExtractFile = (path: string) => Promise<{ ok: true; raw: RawDocument } | { ok: false; problem: { code: string; message: string } }>;
type BuildDocument = (raw: RawDocument) => ContractDocument;

export interface CoreApi {
  extractFile: ExtractFile;
  buildDocument: BuildDocument;
  loadPack: (idOrDir?: string) => Promise<RulePack>;
  auditDocument: (doc: ContractDocument, pack: RulePack) => Finding[];
}

/**
 * The four functions the harness needs, from the core's index. Until the index
 * exports extraction and document building, they are taken from their modules.
 */
export async function loadCoreApi(): Promise<CoreApi> {
  // Imported here, not at the top, so a core that fails to load is reported as a harness error (exit 2).
  const api = (await import('../../packages/core/src/index.js')) as unknown as Partial<CoreApi>;
  const extractFile = api.extractFile ?? ((await import('../../packages/core/src/extract/index.js')).extractFile as unknown as ExtractFile);
  const buildDocument = api.buildDocument ?? (await import('../../packages/core/src/document/build.js')).buildDocument;
  if (!api.loadPack || !api.auditDocument) throw new Error('@clausier/core does not export loadPack and auditDocument');
  return { extractFile, buildDocument, loadPack: api.loadPack, auditDocument: api.auditDocument };
}

export type ReadResult = { ok: true; doc: ContractDocument } | { ok: false; error: { code: string; message: string } };

export async function readContract(api: CoreApi, file: string): Promise<ReadResult> {
  try {
    const extracted = await api.extractFile(file);
    if (!extracted.ok) return { ok: false, error: { code: extracted.problem.code, message: extracted.problem.message } };
    return { ok: true, doc: api.buildDocument(extracted.raw) };
  } catch (error) {
    // The core promises not to throw on bad input; if it does, that is a finding of the eval too.
    return { ok: false, error: { code: 'internal', message: (error as Error).stack ?? String(error) } };
  }
}

export function toRuleOutcome(finding: Finding): RuleOutcome {
  return {
    status: finding.status,
    value: finding.value,
    reasons: finding.reasons,
    basisQuotes: finding.evidence.filter((e) => (e.role ?? 'basis') === 'basis').map((e) => e.quote),
    message: finding.message,
  };
}

export function auditWithEngine(api: CoreApi, doc: ContractDocument, pack: RulePack): ContractOutcome {
  try {
    const findings = api.auditDocument(doc, pack);
    return { rules: Object.fromEntries(findings.map((f) => [f.rule, toRuleOutcome(f)])) };
  } catch (error) {
    return { rules: {}, error: { code: 'internal', message: (error as Error).stack ?? String(error) } };
  }
}
