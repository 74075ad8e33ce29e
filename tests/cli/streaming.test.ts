import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FileReport, Report } from '@clausier/core';
import { createReportWriter } from '../../packages/cli/src/report-writer.js';
import type { ReportSink } from '../../packages/cli/src/sink.js';
import { loadSampleReport, sampleOptions } from '../formats/load-sample.js';
import { assertBuilt, CLI, workspaceWithContracts } from './helpers.js';

vi.setConfig({ testTimeout: 180_000 });

function recordingSink(): ReportSink & { writes: string[] } {
  const writes: string[] = [];
  return { writes, write: async (chunk) => void writes.push(chunk), finish: async () => {}, abort: async () => {} };
}

describe('report writer', () => {
  const report: Report = loadSampleReport();

  it('pretty, jsonl and csv write each contract as it comes; the other formats only at the end', async () => {
    for (const format of ['pretty', 'jsonl', 'csv', 'json', 'sarif', 'junit', 'markdown'] as const) {
      const sink = recordingSink();
      const writer = createReportWriter(format, sampleOptions(), sink);
      await writer.file(report.files[0] as FileReport);
      const streamed = sink.writes.join('');
      await writer.end(report);
      if (['pretty', 'jsonl', 'csv'].includes(format)) {
        expect(streamed, format).toContain(report.files[0]!.path);
      } else {
        expect(streamed, format).toBe('');
        expect(sink.writes.join(''), format).toContain(report.files[0]!.path);
      }
    }
  });
});

describe('interrupting a run', () => {
  beforeAll(() => assertBuilt());

  it('Ctrl-C exits 130, keeps the previous --output report and leaves no temp file', async () => {
    const dir = workspaceWithContracts();
    const text = readFileSync(join(dir, 'contracts', 'hebergement-72h.txt'), 'utf8');
    for (let i = 0; i < 400; i++) writeFileSync(join(dir, 'contracts', `copie-${String(i).padStart(3, '0')}.txt`), `${text}\nAnnexe ${i}.\n`);
    writeFileSync(join(dir, 'report.jsonl'), 'previous report\n');
    const child = spawn(process.execPath, [CLI, 'audit', 'contracts', '--format', 'jsonl', '--output', 'report.jsonl', '--jobs', '1', '--no-cache'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Interrupt once the run is under way (the temp report file exists).
    for (let waited = 0; waited < 60_000 && !readdirSync(dir).some((name) => name.endsWith('.tmp')); waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readdirSync(dir).some((name) => name.endsWith('.tmp'))).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(readFileSync(join(dir, 'report.jsonl'), 'utf8')).toBe('previous report\n');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
