import type { FileReport, Finding, Report } from '../report/schema.js';
import { isFailing, isWaived } from '../report/summary.js';
import { consideredLabel, describeLocation, describeValue, waiverText } from './describe.js';
import { language, ruleIds } from './rules.js';
import type { FormatOptions } from './types.js';

/**
 * JUnit XML for CI test dashboards (GitLab, Jenkins, Azure): one testsuite per
 * contract, one testcase per rule; `<failure>` for a finding at or above the
 * fail-on threshold, `<skipped>` for a waived one (visible, not failing),
 * `<error>` for a file that could not be audited.
 */

/** Characters XML 1.0 cannot carry at all, even escaped. */
const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => ` ${name}="${xmlEscape(String(value))}"`)
    .join('');
}

function details(finding: Finding, options: FormatOptions): string {
  const lines = [`${finding.rule}: ${finding.status} (${finding.severity})`, finding.message];
  const value = describeValue(finding.value, language(options));
  if (value) lines.push(`Value: ${value}`);
  if (finding.reasons.length) lines.push(`Reasons: ${finding.reasons.join(', ')}`);
  for (const evidence of finding.evidence) {
    const where = describeLocation(evidence.page, evidence.section);
    const label = evidence.role === 'basis' ? 'Quote' : consideredLabel(evidence);
    lines.push(`${label}: "${evidence.quote}"${where ? ` (${where})` : ''}`);
  }
  if (finding.searched) lines.push(`Searched: ${finding.searched}`);
  if (finding.waiver) lines.push(`Waiver: ${waiverText(finding)}`);
  if (finding.remedy) lines.push(`Remedy: ${finding.remedy}`);
  return lines.join('\n');
}

function testcase(file: FileReport, finding: Finding, options: FormatOptions): { xml: string; failed: boolean; skipped: boolean } {
  const open = `    <testcase${attributes({ classname: file.path, name: finding.rule, time: 0 })}>`;
  if (isFailing(finding, options.failOn ?? 'weak')) {
    const message = `${finding.status}: ${finding.message}`;
    return {
      xml: `${open}\n      <failure${attributes({ message, type: finding.status })}>${xmlEscape(details(finding, options))}</failure>\n    </testcase>`,
      failed: true,
      skipped: false,
    };
  }
  if (isWaived(finding)) {
    const message = `waived (${finding.status}): ${waiverText(finding)}`;
    return { xml: `${open}\n      <skipped${attributes({ message })}/>\n    </testcase>`, failed: false, skipped: true };
  }
  return {
    xml: `${open}\n      <system-out>${xmlEscape(details(finding, options))}</system-out>\n    </testcase>`,
    failed: false,
    skipped: false,
  };
}

function suite(file: FileReport, options: FormatOptions, ruleOrder: string[]): { xml: string; tests: number; failures: number; errors: number; skipped: number } {
  const properties = [
    ['format', file.format],
    ['language', file.language],
    ['pages', file.pages],
    ['sha256', file.sha256],
  ]
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => `      <property${attributes({ name: String(name), value: String(value) })}/>`);
  const propertiesXml = properties.length ? `\n    <properties>\n${properties.join('\n')}\n    </properties>` : '';
  const head = (counts: Record<string, number>) => `  <testsuite${attributes({ name: file.path, ...counts, time: 0 })}>${propertiesXml}`;
  if (file.status === 'error') {
    const error = file.error ?? { code: 'internal', message: 'could not be audited' };
    const body = `    <testcase${attributes({ classname: file.path, name: 'audit', time: 0 })}>\n      <error${attributes({ message: error.message, type: error.code })}>${xmlEscape(`${error.code}: ${error.message}`)}</error>\n    </testcase>`;
    return { xml: `${head({ tests: 1, failures: 0, errors: 1, skipped: 0 })}\n${body}\n  </testsuite>`, tests: 1, failures: 0, errors: 1, skipped: 0 };
  }
  const order = new Map(ruleOrder.map((rule, index) => [rule, index]));
  const findings = [...file.findings].sort((a, b) => (order.get(a.rule) ?? 0) - (order.get(b.rule) ?? 0));
  const cases = findings.map((finding) => testcase(file, finding, options));
  const failures = cases.filter((entry) => entry.failed).length;
  const skipped = cases.filter((entry) => entry.skipped).length;
  const counts = { tests: cases.length, failures, errors: 0, skipped };
  return { xml: `${head(counts)}\n${cases.map((entry) => entry.xml).join('\n')}\n  </testsuite>`, ...counts };
}

export function formatJunit(report: Report, options: FormatOptions = {}): string {
  const rules = ruleIds(report, options);
  const suites = report.files.map((file) => suite(file, options, rules));
  const total = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((sum, entry) => sum + entry[key], 0);
  const root = attributes({ name: 'clausier', tests: total('tests'), failures: total('failures'), errors: total('errors'), skipped: total('skipped'), time: 0 });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${root}>\n${suites.map((entry) => entry.xml).join('\n')}\n</testsuites>\n`;
}
