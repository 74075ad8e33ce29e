import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { assertBuilt, CLI, workspaceWithContracts } from './helpers.js';

/**
 * Behaviour on a terminal: colours and the progress bar. `script` (util-linux)
 * gives the CLI a pseudo-terminal for stdout and stderr alike.
 */

vi.setConfig({ testTimeout: 180_000 });
beforeAll(() => assertBuilt());

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

function onTerminal(dir: string, args: string, env: Record<string, string> = {}): string {
  const run = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${args}`, '/dev/null'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', XDG_CACHE_HOME: join(dir, '.cache'), COLUMNS: '100', ...env },
    timeout: 120_000,
  });
  return run.stdout;
}

describe.skipIf(!hasScript)('on a terminal', () => {
  it('colours the pretty report and draws a progress bar on stderr', () => {
    const dir = workspaceWithContracts();
    const screen = onTerminal(dir, 'audit contracts');
    expect(screen).toMatch(/\u001b\[(31|32|33)m/);
    expect(screen).toMatch(/[█░]{20} \d\/3 \d+:\d\d/);
  });

  it('NO_COLOR turns colours off; --quiet turns the progress bar off', () => {
    const dir = workspaceWithContracts();
    const screen = onTerminal(dir, 'audit contracts --quiet', { NO_COLOR: '1' });
    expect(screen).not.toMatch(/\u001b\[\d+m/);
    expect(screen).not.toMatch(/[█░]{20}/);
    expect(screen).toContain('Portfolio: 3 contracts');
  });
});
