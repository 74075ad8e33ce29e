import { csvHeader, csvRow, formatReport, jsonlLine, prettyFile, prettySummary, type FileReport, type FormatName, type FormatOptions, type Report } from '@clausier/core';
import type { ReportSink } from './sink.js';

/**
 * Streams a report into a sink. pretty, jsonl and csv write each contract as
 * soon as it is audited (a long run shows results early, memory stays flat);
 * json, sarif, junit and markdown are single documents written at the end.
 */
export interface ReportWriter {
  file(file: FileReport): Promise<void>;
  end(report: Report): Promise<void>;
}

export function createReportWriter(format: FormatName, options: FormatOptions, sink: ReportSink): ReportWriter {
  const rules = (options.pack?.rules ?? []).map((rule) => rule.id);
  switch (format) {
    case 'pretty':
      return { file: (file) => sink.write(prettyFile(file, options)), end: (report) => sink.write(prettySummary(report, options)) };
    case 'jsonl':
      return { file: (file) => sink.write(jsonlLine(file)), end: async () => {} };
    case 'csv': {
      let headerWritten = false;
      const header = async () => {
        if (!headerWritten) await sink.write(csvHeader(rules, options));
        headerWritten = true;
      };
      return {
        file: async (file) => {
          await header();
          await sink.write(csvRow(file, rules, options));
        },
        end: header,
      };
    }
    default:
      return { file: async () => {}, end: (report) => sink.write(formatReport(format, report, options)) };
  }
}
