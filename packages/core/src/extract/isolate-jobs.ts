/**
 * The jobs an isolation child runs by default (see isolate.ts): reading one
 * contract file. Kept apart from isolate-worker.ts so tests can hand the
 * worker other jobs.
 */
export { extractFile } from './index.js';
