/**
 * Entry point of an isolation child (see isolate.ts). It imports the job
 * module named on its command line, then runs one job per message and
 * answers with its value. It exits when its parent goes away, so an
 * interrupted batch leaves no reader behind.
 */
import type { FromChild, ToChild } from './isolate.js';
import { onOcrPage } from './ocr/budget.js';

type Job = (...args: unknown[]) => unknown;

const jobModuleUrl = process.argv[2];
if (!jobModuleUrl || !process.send) {
  console.error('isolate-worker: run by isolate.ts with a job module URL and an IPC channel');
  process.exit(2);
}

const jobs = (await import(jobModuleUrl)) as Record<string, unknown>;
const send = (message: FromChild) => process.send!(message);

process.on('disconnect', () => process.exit(0));
// One job at a time per child: OCR pages extend the deadline of the job running now.
let currentJob: number | null = null;
onOcrPage((extraMs) => {
  if (currentJob !== null) send({ id: currentJob, extendMs: extraMs });
});
process.on('message', (message: ToChild) => {
  void (async () => {
    currentJob = message.id;
    const job = jobs[message.job];
    try {
      if (typeof job !== 'function') throw new Error(`no job named ${message.job}`);
      send({ id: message.id, value: await (job as Job)(...message.args) });
    } catch (error) {
      send({ id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    } finally {
      currentJob = null;
    }
  })();
});
send({ ready: true });
