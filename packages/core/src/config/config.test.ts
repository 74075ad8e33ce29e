import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, checkRuleOverrides, loadConfig, parseDuration, parseSize, resolveSettings, validateConfig } from './index.js';
import type { RulePack } from '../rules/pack-schema.js';

const tree = () => mkdtempSync(join(tmpdir(), 'clausier-config-'));

function errorOf(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('validation', () => {
  it('names the file, the key path and suggests the right key for a typo', () => {
    const error = errorOf(() => validateConfig('/x/clausier.config.json', { faliOn: 'weak', limits: { maxFileSise: '5MB' } }));
    expect(error.message).toContain('/x/clausier.config.json');
    expect(error.problems).toContainEqual(expect.stringMatching(/^faliOn: unknown key — did you mean "failOn"\?/));
    expect(error.problems).toContainEqual(expect.stringMatching(/^limits\.maxFileSise: unknown key — did you mean "maxFileSize"\?/));
  });

  it('suggests nested threshold names under rules', () => {
    const error = errorOf(() => validateConfig('c.yaml', { rules: { 'log-retention': { thresholds: { minMonth: 6 } } } }));
    expect(error.problems[0]).toMatch(/^rules\.log-retention\.thresholds\.minMonth: unknown key — did you mean "minMonths"\?/);
  });

  it('says what value was expected', () => {
    expect(errorOf(() => validateConfig('c', { failOn: 'high' })).problems[0]).toBe('failOn: expected one of "weak", "missing", "never"');
    expect(errorOf(() => validateConfig('c', { jobs: 'four' })).problems[0]).toBe('jobs: expected number');
    expect(errorOf(() => validateConfig('c', { limits: { maxFileSize: 'huge' } })).problems[0]).toMatch(/^limits\.maxFileSize: expected a size/);
    expect(errorOf(() => validateConfig('c', { csvSeparator: ';;' })).problems[0]).toMatch(/^csvSeparator: /);
  });

  it('accepts an empty file', () => {
    expect(validateConfig('c', null)).toEqual({});
  });
});

describe('discovery', () => {
  it('finds the nearest file upward, JSON or YAML, and --config wins', async () => {
    const root = tree();
    writeFileSync(join(root, '.clausierrc'), 'failOn: missing\n');
    mkdirSync(join(root, 'a', 'b'), { recursive: true });
    writeFileSync(join(root, 'a', 'clausier.config.json'), '{"failOn":"never"}');
    expect(await loadConfig({ cwd: join(root, 'a', 'b') })).toEqual({ file: join(root, 'a', 'clausier.config.json'), config: { failOn: 'never' } });
    expect((await loadConfig({ cwd: join(root, 'a', 'b'), file: join(root, '.clausierrc') })).config).toEqual({ failOn: 'missing' });
  });

  it('reports a JSON syntax error with the file name', async () => {
    const root = tree();
    writeFileSync(join(root, 'clausier.config.json'), '{ failOn: ');
    await expect(loadConfig({ cwd: root })).rejects.toThrow(/clausier\.config\.json: not valid JSON/);
  });
});

describe('effective settings', () => {
  const base = { cwd: '/work', defaultCacheDir: '/cache', defaultJobs: 1 };

  it('flags override the file, which overrides defaults; paths resolve against their source', () => {
    const settings = resolveSettings({
      ...base,
      configFile: '/repo/clausier.config.yaml',
      config: { failOn: 'missing', output: 'out/report.json', cacheDir: '.cache', pack: './packs/mine', limits: { maxFileSize: '10MB', timeout: '2m' } },
      flags: { failOn: 'never', maxFileSize: '1MiB' },
    });
    expect(settings.failOn).toBe('never');
    expect(settings.output).toBe('/repo/out/report.json');
    expect(settings.cacheDir).toBe('/repo/.cache');
    expect(settings.pack).toBe('/repo/packs/mine');
    expect(settings.limits).toEqual({ maxFileSizeBytes: 1024 * 1024, timeoutMs: 120_000, maxPages: 500 });
    expect(settings.format).toBe('pretty');
    expect(settings.globBase).toBe('/repo');
  });

  it('rejects unreadable flag values', () => {
    expect(() => resolveSettings({ ...base, configFile: null, config: {}, flags: { timeout: 'soon' } })).toThrow(/--timeout/);
    expect(() => resolveSettings({ ...base, configFile: null, config: {}, flags: { csvSeparator: '"' } })).toThrow(/--csv-separator/);
  });

  it('rule overrides must name rules of the pack and thresholds they use', () => {
    const pack = { id: 'p', version: '1', title: { fr: 'p', en: 'p' }, rules: [{ id: 'log-retention', check: 'log-retention', thresholds: { minMonths: 6 } }] } as unknown as RulePack;
    const settings = resolveSettings({ ...base, configFile: '/c.json', config: { rules: { 'log-retentoin': {} } }, flags: {} });
    expect(() => checkRuleOverrides(settings, pack)).toThrow(/rules\.log-retentoin: no such rule in pack "p" — did you mean "log-retention"\?/);
    const wrongThreshold = resolveSettings({ ...base, configFile: '/c.json', config: { rules: { 'log-retention': { thresholds: { maxHours: 4 } } } }, flags: {} });
    expect(() => checkRuleOverrides(wrongThreshold, pack)).toThrow(/does not use this threshold/);
  });
});

describe('units', () => {
  it('reads sizes and durations as people write them', () => {
    expect(parseSize('50MB')).toBe(50_000_000);
    expect(parseSize('50MiB')).toBe(50 * 1024 * 1024);
    expect(parseSize(2048)).toBe(2048);
    expect(parseSize('lots')).toBeNull();
    expect(parseDuration(30)).toBe(30_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('2m')).toBe(120_000);
    expect(parseDuration('0')).toBeNull();
  });
});
