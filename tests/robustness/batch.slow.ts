import { mixedBatchSuite } from './mixed-batch.js';

// 20 good contracts and every bad input through the built CLI, one file at a time (-j 1)
// so that the time spent on each file can be read off the streamed report.
mixedBatchSuite({ goodFiles: 20, timeoutSeconds: 10, measure: true });
