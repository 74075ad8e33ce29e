import { InvalidArgumentError, Option, type Command } from 'commander';

/** Options shared by `audit`, `baseline` and `config print` (the same settings, the same names). */

const FORMATS = ['pretty', 'json', 'jsonl', 'csv', 'sarif', 'junit', 'markdown'];

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64.');
  return number;
}

export function addSettingsOptions(command: Command, { report = true }: { report?: boolean } = {}): Command {
  if (report) {
    command
      .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS))
      .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
      .addOption(new Option('--fail-on <verdict>', 'lowest verdict that fails the run (exit 1)').choices(['weak', 'missing', 'never']))
      .option('--baseline <file>', 'accepted exceptions (from `clausier baseline`): only new or worse findings fail')
      .option('--fail-on-stale', 'also fail (exit 1) when a baseline entry matches no finding any more')
      .option('--csv-separator <char>', "CSV field separator, e.g. ';' for French Excel")
      .option('--bom', 'start CSV output with a UTF-8 byte-order mark (Excel)');
  }
  return command
    .addOption(new Option('--lang <lang>', 'force the contracts’ language (default: detected)').choices(['fr', 'en']))
    .option('--pack <id-or-dir>', 'rule pack: bundled id or a pack folder (default rssi-sante)')
    .option('-c, --config <file>', 'configuration file (default: clausier.config.* or .clausierrc found upward)')
    .option('--password <password>', 'password for encrypted PDFs (prefer the CLAUSIER_PDF_PASSWORD variable: arguments show in `ps`)')
    .option('--no-ocr', 'do not OCR scanned pages (they are reported as no-text-layer)')
    .option('-j, --jobs <n>', 'files read in parallel (default 2, 1 on a single core)', positiveInteger)
    .option('-q, --quiet', 'no progress bar and no notes on stderr')
    .option('--cache-dir <dir>', 'extraction cache folder (default $XDG_CACHE_HOME/clausier or ~/.cache/clausier)')
    .option('--no-cache', 'neither read nor write the extraction cache')
    .option('--max-file-size <size>', 'largest file read, e.g. 50MB (default 50MiB)')
    .option('--timeout <duration>', 'time limit per file, seconds or e.g. 90s, 2m (default 120s)');
}

/** Only the options typed on the command line, so a config file value is not hidden by a default. */
export function explicitOptions(command: Command): Record<string, unknown> {
  const values = command.opts();
  const explicit: Record<string, unknown> = {};
  for (const option of command.options) {
    const key = option.attributeName();
    if (command.getOptionValueSource(key) === 'cli') explicit[key] = values[key];
  }
  return explicit;
}
