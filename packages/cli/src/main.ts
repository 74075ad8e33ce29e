import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-codes.js';
import { processIo, type Io } from './io.js';
import { addSettingsOptions, explicitOptions } from './options.js';
import { cliVersion } from './version.js';

/**
 * The command tree. Each action imports its command module when it runs, so
 * `--help` and `--version` never load the extraction stack.
 */

/** Errors that are the user's to fix: one line on stderr, exit 2, no stack trace. */
const USER_ERRORS = new Set(['UsageError', 'ConfigError', 'BaselineError', 'PackError', 'InvalidArgumentError']);

function program(io: Io, setExit: (code: number) => void): Command {
  const root = new Command('clausier')
    .description('Audit health-sector supplier contracts against the security clauses CISOs require.')
    .version(cliVersion(), '-V, --version')
    .showHelpAfterError('(run `clausier --help` for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  const audit = root
    .command('audit')
    .description('audit contracts (files or folders, walked recursively) and report missing or weak clauses')
    .argument('<paths...>', 'contract files or folders');
  audit.addHelpText(
    'after',
    '\nExit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or configuration error,\nor a file that could not be audited (the report still covers the others). Details: docs/cli.md',
  );
  addSettingsOptions(audit).action(async (paths: string[], _options, command: Command) => {
    const { auditCommand } = await import('./commands/audit.js');
    setExit(await auditCommand(paths, explicitOptions(command), io));
  });

  const rules = root
    .command('rules')
    .description('list the rules of the pack (with the configuration applied)')
    .addOption(new Option('--lang <lang>', 'language of the titles').choices(['fr', 'en']))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--pack <id-or-dir>', 'rule pack')
    .option('-c, --config <file>', 'configuration file');
  rules.action(async (_options, command: Command) => {
    const { rulesListCommand } = await import('./commands/rules.js');
    setExit(await rulesListCommand(command.opts(), io));
  });
  rules
    .command('show')
    .description('a rule in full: rationale, sources, remedy and the model clause to propose (FR/EN)')
    .argument('<rule>', 'rule id, e.g. incident-notification')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['pretty', 'json']).default('pretty'))
    .option('--pack <id-or-dir>', 'rule pack')
    .option('-c, --config <file>', 'configuration file')
    .action(async (id: string, _options, command: Command) => {
      const { rulesShowCommand } = await import('./commands/rules.js');
      setExit(await rulesShowCommand(id, command.opts(), io));
    });

  const config = root.command('config').description('configuration');
  addSettingsOptions(config.command('print').description('print the effective configuration (file + flags + defaults) as JSON')).action(
    async (_options, command: Command) => {
      const { configPrintCommand } = await import('./commands/config-print.js');
      setExit(await configPrintCommand(explicitOptions(command), io));
    },
  );

  const baseline = root
    .command('baseline')
    .description('record current weak/missing findings as accepted exceptions (fill in each justification)')
    .argument('<paths...>', 'contract files or folders')
    .option('-o, --output <file>', 'baseline file to write (kept justifications are merged); stdout when absent');
  addSettingsOptions(baseline, { report: false }).action(async (paths: string[], _options, command: Command) => {
    const { baselineCommand } = await import('./commands/baseline.js');
    setExit(await baselineCommand(paths, explicitOptions(command), io));
  });

  return root;
}

export async function main(args: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.OK;
  const root = program(io, (code) => (exitCode = code));
  if (args.length === 0) {
    io.stderr.write(root.helpInformation());
    return EXIT.USAGE_OR_UNREADABLE;
  }
  try {
    await root.parseAsync(args, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0; parse errors were already printed.
      return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE_OR_UNREADABLE;
    }
    const name = (error as Error)?.name;
    if (USER_ERRORS.has(name)) {
      io.stderr.write(`clausier: ${(error as Error).message}\n`);
      return EXIT.USAGE_OR_UNREADABLE;
    }
    io.stderr.write(`clausier: internal error: ${(error as Error)?.stack ?? String(error)}\nPlease report it.\n`);
    return EXIT.USAGE_OR_UNREADABLE;
  }
}
