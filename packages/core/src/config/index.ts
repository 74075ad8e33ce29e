export { ConfigSchema, RuleOverrideSchema, LimitsSchema, type Config, type RuleOverride } from './schema.js';
export { ConfigError, describeIssues } from './errors.js';
export { CONFIG_FILE_NAMES, discoverConfigFile, loadConfig, readConfigFile, validateConfig, type LoadedConfig } from './load.js';
export {
  DEFAULT_EXCLUDES,
  DEFAULT_LIMITS,
  checkRuleOverrides,
  resolveSettings,
  type Flags,
  type Limits,
  type ResolveInput,
  type Settings,
} from './resolve.js';
export { closest } from './suggest.js';
export { parseDuration, parseSize } from './units.js';
