import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseJunit } from 'junit2json';
import { FileReportSchema, ReportSchema, formatReport } from '@clausier/core';
import { loadSampleReport, sampleOptions, TXT_PATH } from './load-sample.js';
import { runMultitoolValidate, sarifSchemaErrors } from './validators.js';

/** Each format read back by an independent reader, not by our own code. */

const report = loadSampleReport();

describe('json', () => {
  it('validates against ReportSchema and round-trips', () => {
    const text = formatReport('json', report, sampleOptions());
    const parsed = ReportSchema.parse(JSON.parse(text));
    expect(parsed).toEqual(report);
  });
});

describe('jsonl', () => {
  it('is one valid FileReport per line, in report order', () => {
    const lines = formatReport('jsonl', report, sampleOptions()).trimEnd().split('\n');
    expect(lines).toHaveLength(report.files.length);
    expect(lines.map((line) => FileReportSchema.parse(JSON.parse(line)).path)).toEqual(report.files.map((f) => f.path));
  });
});

describe('csv', () => {
  it('parses with csv-parse: one row per contract, a verdict and a value column per rule', () => {
    const text = formatReport('csv', report, sampleOptions());
    const rows: Record<string, string>[] = parseCsv(text, { columns: true });
    expect(rows).toHaveLength(report.files.length);
    const txt = rows.find((row) => row.path === TXT_PATH)!;
    expect(txt['log-retention']).toBe('weak');
    expect(txt['log-retention_value']).toBe('3');
    expect(txt['incident-notification']).toBe('missing');
    const pdf = rows.find((row) => row.path === 'contracts/fr/maintenance-dpi.pdf')!;
    expect(pdf['incident-notification_value']).toBe('72');
    expect(pdf.pages).toBe('14');
    expect(pdf.waivers).toContain('audit-rights: Hébergeur HDS certifié');
    const broken = rows.find((row) => row.status === 'error')!;
    expect(broken.error).toMatch(/^corrupt: /);
  });

  it('honours --csv-separator and --bom', () => {
    const text = formatReport('csv', report, sampleOptions({ csvSeparator: ';', bom: true }));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows: Record<string, string>[] = parseCsv(text, { columns: true, delimiter: ';', bom: true });
    expect(rows.map((row) => row.path)).toEqual(report.files.map((f) => f.path));
    // The path holds a ';' and quotes: quoted per RFC 4180, so it survives.
    expect(rows.some((row) => row.path === TXT_PATH)).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const evil = structuredClone(report);
    evil.files[0]!.path = '=HYPERLINK("http://x")';
    const rows: string[][] = parseCsv(formatReport('csv', evil, sampleOptions()));
    expect(rows[1]![0]).toBe(`'=HYPERLINK("http://x")`);
  });

  it('rejects a separator that would break the quoting', () => {
    expect(() => formatReport('csv', report, sampleOptions({ csvSeparator: '"' }))).toThrow(/separator/);
    expect(() => formatReport('csv', report, sampleOptions({ csvSeparator: ';;' }))).toThrow(/separator/);
  });
});

describe('sarif', () => {
  const text = formatReport('sarif', report, sampleOptions({ cwd: '/repo' }));
  const log = JSON.parse(text);

  it('validates against the official SARIF 2.1.0 schema (ajv)', () => {
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('the schema check can fail: a broken log is rejected', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(sarifSchemaErrors(broken).length).toBeGreaterThan(0);
  });

  it('has one result per weak/missing finding, waived ones suppressed, errors as notifications', () => {
    const results = log.runs[0].results;
    const expected = report.files.flatMap((f) => f.findings).filter((f) => f.status !== 'ok');
    expect(results).toHaveLength(expected.length);
    const suppressed = results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].ruleId).toBe('audit-rights');
    // The expired waiver is not a suppression: that finding fails again.
    const expired = results.find((r: { ruleId: string; properties: { waiver?: { expired: boolean } } }) => r.properties.waiver?.expired);
    expect(expired.suppressions).toBeUndefined();
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notifications).toHaveLength(1);
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('locates text passages by line, PDF passages by page in properties, URIs relative and encoded', () => {
    const results = log.runs[0].results;
    const txt = results.find((r: { ruleId: string; locations: any[] }) => r.ruleId === 'log-retention' && r.locations[0].physicalLocation.region);
    expect(txt.locations[0].physicalLocation.region).toMatchObject({ startLine: 41, endLine: 42 });
    expect(txt.locations[0].physicalLocation.artifactLocation.uri).toBe('contracts/fr/notes%20%22relues%22%2C%20v2%3B%20final.txt');
    const pdf = results.find((r: { ruleId: string; locations: any[] }) => r.locations[0].physicalLocation.artifactLocation.uri.endsWith('.pdf') && r.ruleId === 'incident-notification');
    expect(pdf.properties.page).toBe(6);
    expect(pdf.locations[0].physicalLocation.region).toEqual({ startLine: 1 });
    expect(pdf.message.text).toContain('soixante-douze (72) heures');
  });

  it('rules carry metadata and the model clause', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(sampleOptions().pack!.rules.map((r) => r.id));
    expect(rules[0].help.text).toContain('The Supplier shall meet incident-notification.');
    expect(rules[0].properties.severity).toBe('critical');
  });

  it('fingerprints are stable and differ by file and rule', () => {
    const fingerprints = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['clausierFinding/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    const again = JSON.parse(formatReport('sarif', structuredClone(report), sampleOptions({ cwd: '/elsewhere' })));
    expect(again.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['clausierFinding/v1'])).toEqual(fingerprints);
  });

  it('passes `Sarif.Multitool validate` (Microsoft SARIF SDK)', (context) => {
    const outcome = runMultitoolValidate(text);
    if ('skipped' in outcome) {
      context.skip(outcome.skipped);
      return;
    }
    expect(outcome.errors, outcome.output).toEqual([]);
    expect(outcome.ok, outcome.output).toBe(true);
  }, 180_000);

  it('the multitool check can fail: it reports a region at line 0 and a URI with a space', (context) => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].locations[0].physicalLocation.region = { startLine: 0 };
    broken.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri = 'a b.pdf';
    const outcome = runMultitoolValidate(JSON.stringify(broken));
    if ('skipped' in outcome) {
      context.skip(outcome.skipped);
      return;
    }
    expect(outcome.ok).toBe(false);
    expect(outcome.errors.join('\n')).toMatch(/JSON1008|SARIF1002/);
  }, 180_000);
});

describe('junit', () => {
  it('parses with junit2json: a testsuite per contract, a testcase per rule, failures at the threshold', async () => {
    const parsed = await parseJunit(formatReport('junit', report, sampleOptions()));
    expect(parsed).toBeDefined();
    const suites = (parsed as { testsuite: any[] }).testsuite;
    expect(suites.map((s) => s.name)).toEqual(report.files.map((f) => f.path));
    const pdf = suites.find((s) => s.name === 'contracts/fr/maintenance-dpi.pdf');
    expect(pdf.testcase.map((c: { name: string }) => c.name)).toEqual(['incident-notification', 'log-retention', 'security-contacts', 'audit-rights', 'security-penalties']);
    expect(pdf.failures).toBe(3); // weak notification, missing contacts, missing penalties (expired waiver)
    expect(pdf.skipped).toBe(1); // the waived audit right
    const broken = suites.find((s) => s.name === 'contracts/scanned-broken.pdf');
    expect(broken.errors).toBe(1);
    expect(broken.testcase[0].error[0].type).toBe('corrupt');
  });

  it('fail-on missing turns weak findings into passing testcases', async () => {
    const parsed = (await parseJunit(formatReport('junit', report, sampleOptions({ failOn: 'missing' })))) as { testsuite: any[] };
    const docx = parsed.testsuite.find((s) => s.name === 'contracts/en/hosting-saas.docx');
    expect(docx.failures).toBe(0);
  });

  it('escapes text XML cannot carry', async () => {
    const nasty = structuredClone(report);
    nasty.files[0]!.findings[4]!.message = 'a < b & "c" \u0001 ]]> end';
    const parsed = (await parseJunit(formatReport('junit', nasty, sampleOptions()))) as { testsuite: any[] };
    expect(parsed.testsuite[0].testcase[4].failure[0].message).toBe('weak: a < b & "c" \uFFFD ]]> end');
  });
});

describe('markdown', () => {
  it('has a table with a column per rule and lists only failing verdicts', () => {
    const text = formatReport('markdown', report, sampleOptions());
    const tableRows = text.split('\n').filter((line) => line.startsWith('| '));
    expect(tableRows).toHaveLength(1 + report.files.length);
    // Unescaped pipes would add columns: every row must have exactly 1 + 5 cells.
    for (const row of tableRows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(text).toContain('#### Failing verdicts');
    expect(text).not.toContain('**log-retention** — ok');
    expect(text).toContain('☑️ waived (weak)');
  });
});

describe('markdown size', () => {
  it('stays under the comment limit for a large portfolio and says what it left out', async () => {
    const { MARKDOWN_MAX_LENGTH } = await import('@clausier/core');
    const big = structuredClone(report);
    const template = report.files[1]!; // the French PDF: failing verdicts with long quotes
    big.files = Array.from({ length: 1500 }, (_, index) => ({ ...structuredClone(template), path: `contrats/lot-${String(index).padStart(4, '0')}.pdf` }));
    big.files.push(...Array.from({ length: 300 }, (_, index) => ({ ...structuredClone(report.files[0]!), path: `contrats/propre-${index}.docx` })));
    const text = formatReport('markdown', big, sampleOptions());
    expect(text.length).toBeLessThanOrEqual(MARKDOWN_MAX_LENGTH);
    expect(text).toMatch(/\*Comment shortened to fit: .*table row\(s\).*failing verdicts of \d+ more contract\(s\)/);
    // The small sample is not shortened.
    expect(formatReport('markdown', report, sampleOptions())).not.toContain('shortened');
  });
});
