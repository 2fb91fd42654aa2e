/**
 * The panel's way to prepare a send: in the de-identification worker where there are workers, in
 * this thread where there are none (unit tests). Answers to superseded requests are dropped by id;
 * a worker that dies fails every waiting request closed.
 */
import { PrepareResponseSchema, type PrepareRequest } from '../messaging';
import type { PatientRecord } from '../record/schema';
import { fail, type Result } from '../result';
import type { PreparedSend, SendSettings } from './prepare';
import { preparedFromState } from './prepared-state';

export interface Preparer {
  prepare(record: PatientRecord, settings: SendSettings): Promise<Result<PreparedSend>>;
  dispose(): void;
}

const WORKER_FAILED =
  'Chartside could not prepare this record for sending, so nothing was sent. Read the page again; if it happens again, tell your IT team.';

export function createPreparer(makeWorker: (() => Worker) | undefined = defaultWorker()): Preparer {
  // In this thread, the detectors are loaded on first use: the panel never loads them where it has a worker.
  if (!makeWorker)
    return {
      prepare: async (record, settings) => (await import('./prepare')).prepareSend(record, settings),
      dispose: () => {},
    };
  let worker: Worker | undefined;
  let nextId = 0;
  const waiting = new Map<number, (result: Result<PreparedSend>) => void>();
  const failAll = (detail: string) => {
    for (const resolve of waiting.values()) resolve(fail('internal', WORKER_FAILED, detail));
    waiting.clear();
    worker?.terminate();
    worker = undefined; // the next request starts a new worker
  };
  const start = () => {
    const started = makeWorker();
    started.onmessage = (event: MessageEvent) => {
      const response = PrepareResponseSchema.safeParse(event.data);
      if (!response.success) return failAll(`unreadable answer from the worker: ${response.error.message}`);
      const resolve = waiting.get(response.data.id);
      waiting.delete(response.data.id);
      const { result } = response.data;
      resolve?.(result.ok ? { ok: true, value: preparedFromState(result.value) } : result);
    };
    started.onerror = (event) => failAll(event.message || 'the de-identification worker stopped');
    return started;
  };
  return {
    prepare(record, settings) {
      worker ??= start();
      const id = nextId++;
      const request: PrepareRequest = {
        id,
        record,
        settings: {
          task: settings.task,
          tokenBudget: settings.tokenBudget,
          datePolicy: settings.datePolicy,
          choices: { redact: settings.choices?.redact, keep: settings.choices?.keep },
        },
      };
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        worker!.postMessage(request);
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      waiting.clear();
    },
  };
}

function defaultWorker(): (() => Worker) | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return () =>
    new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module', name: 'chartside-deidentify' });
}
