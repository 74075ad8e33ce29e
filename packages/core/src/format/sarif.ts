import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import type { FileReport, Finding, Report, Severity } from '../report/schema.js';
import type { RuleDefinition } from '../rules/pack-schema.js';
import { describeLocation, describeValue, primaryEvidence, shortenQuote } from './describe.js';
import { language, ruleDefinition, ruleIds } from './rules.js';
import { regionKey, type FormatOptions } from './types.js';

/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure DevOps):
 * one result per weak/missing finding, located at the contract file; waived
 * findings carry an external suppression; unreadable files become tool
 * execution notifications. Validated in tests against the official schema and
 * by Microsoft's SARIF multitool.
 */

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type Level = 'error' | 'warning' | 'note';
const LEVEL_BY_SEVERITY: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub ranks security alerts by this 0–10 property. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.0', high: '7.0', medium: '5.0', low: '3.0' };

/** A relative URI reference with `/` separators and each segment percent-encoded. */
export function artifactUri(path: string, cwd: string | undefined): string {
  const relativePath = cwd && isAbsolute(path) ? relative(cwd, path) : path;
  const segments = relativePath.split(sep === '\\' ? /[\\/]/ : /\//);
  return segments.map((segment, index) => (index === 0 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join('/');
}

/** Stable across runs and machines: the contract's content hash and the rule. */
function fingerprint(file: FileReport, rule: string): string {
  return createHash('sha256').update(`${file.sha256 ?? file.path}\u0000${rule}`).digest('hex');
}

/** "IncidentNotification" from "incident-notification": SARIF's `name` is an identifier. */
function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase());
}

function ruleDescriptor(id: string, definition: RuleDefinition | undefined, options: FormatOptions) {
  const lang = language(options);
  if (!definition) return { id, name: pascalCase(id), shortDescription: { text: id } };
  const sources = definition.sources.map((source) => (source.url ? `${source.label} (${source.url})` : source.label));
  const help = [
    definition.remedy[lang],
    '',
    lang === 'fr' ? 'Clause type :' : 'Model clause:',
    definition.modelClause[lang],
    '',
    `${lang === 'fr' ? 'Sources' : 'Sources'}: ${sources.join('; ')}`,
  ].join('\n');
  const markdown = [
    definition.remedy[lang],
    '',
    `**${lang === 'fr' ? 'Clause type' : 'Model clause'}**`,
    '',
    ...definition.modelClause[lang].split('\n').map((line) => `> ${line}`),
    '',
    `**Sources**: ${sources.join('; ')}`,
  ].join('\n');
  return {
    id,
    name: pascalCase(id),
    shortDescription: { text: definition.title[lang] },
    fullDescription: { text: definition.rationale[lang] },
    help: { text: help, markdown },
    defaultConfiguration: { level: LEVEL_BY_SEVERITY[definition.severity] },
    properties: {
      severity: definition.severity,
      'security-severity': SECURITY_SEVERITY[definition.severity],
      thresholds: definition.thresholds,
      tags: ['security', 'contract', 'compliance'],
    },
  };
}

function resultMessage(file: FileReport, finding: Finding, options: FormatOptions): string {
  const evidence = primaryEvidence(finding);
  const value = describeValue(finding.value, language(options));
  const head = `${finding.rule}: ${finding.status}${value ? ` (${value})` : ''}. ${finding.message}`.trim();
  if (!evidence) return finding.searched ? `${head} Searched: ${finding.searched}` : head;
  const where = describeLocation(evidence.page, evidence.section);
  return `${head} Quote: "${shortenQuote(evidence.quote, 500)}"${where ? ` (${where})` : ''}`;
}

function result(file: FileReport, finding: Finding, ruleIndex: number, options: FormatOptions) {
  const evidence = primaryEvidence(finding);
  const lines = options.regions?.get(regionKey(file.path, finding.rule));
  // GitHub code scanning needs region.startLine on every result. Lines exist only for text
  // sources; a PDF or Word finding points at the file (line 1) and gives its page in properties.
  const region = lines
    ? { startLine: lines.startLine, endLine: lines.endLine, ...(evidence ? { snippet: { text: evidence.quote } } : {}) }
    : { startLine: 1 };
  const physicalLocation = { artifactLocation: { uri: artifactUri(file.path, options.cwd) }, region };
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVEL_BY_SEVERITY[finding.severity],
    kind: 'fail',
    message: { text: resultMessage(file, finding, options) },
    locations: [{ physicalLocation }],
    partialFingerprints: { 'clausierFinding/v1': fingerprint(file, finding.rule) },
    ...(finding.waiver && !finding.waiver.expired
      ? { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.waiver.justification }] }
      : {}),
    properties: {
      status: finding.status,
      severity: finding.severity,
      reasons: finding.reasons,
      value: finding.value,
      ...(evidence ? { quote: evidence.quote, page: evidence.page, section: evidence.section } : {}),
      evidence: finding.evidence.map(({ quote, page, section, role, note }) => ({ quote, page, section, role, ...(note ? { note } : {}) })),
      ...(finding.searched ? { searched: finding.searched } : {}),
      ...(finding.remedy ? { remedy: finding.remedy } : {}),
      ...(finding.waiver ? { waiver: finding.waiver } : {}),
    },
  };
}

export function formatSarif(report: Report, options: FormatOptions = {}): string {
  const ids = ruleIds(report, options);
  const index = new Map(ids.map((id, position) => [id, position]));
  const results = report.files.flatMap((file) =>
    file.findings.filter((finding) => finding.status !== 'ok').map((finding) => result(file, finding, index.get(finding.rule)!, options)),
  );
  const failures = report.files.filter((file) => file.status === 'error');
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'clausier',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: ids.map((id) => ruleDescriptor(id, ruleDefinition(options, id), options)),
            properties: { pack: report.pack },
          },
        },
        artifacts: report.files.map((file) => ({
          location: { uri: artifactUri(file.path, options.cwd) },
          ...(file.sha256 ? { hashes: { 'sha-256': file.sha256 } } : {}),
          properties: { format: file.format, language: file.language, pages: file.pages, status: file.status },
        })),
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((file) => ({
              level: 'error',
              message: { text: `${file.error?.code ?? 'error'}: ${file.error?.message ?? 'could not be audited'}` },
              locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file.path, options.cwd) } } }],
              descriptor: { id: file.error?.code ?? 'error' },
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
