import { mixedBatchSuite } from './mixed-batch.js';

// The quick version for every CI run; batch.slow.ts runs 20 good files and measures memory and time.
mixedBatchSuite({ goodFiles: 6, timeoutSeconds: 5, measure: false });
