#!/usr/bin/env node
/**
 * Entry point. `--version` is answered before anything else is loaded (it must
 * stay well under 0.3 s); every other command loads commander and then only the
 * modules it needs.
 */
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { cliVersion } = await import('./version.js');
  process.stdout.write(`${cliVersion()}\n`);
} else {
  const { main } = await import('./main.js');
  process.exitCode = await main(args);
}
