/**
 * One task, end to end: budget → de-identify → leak guard → engine (offline, or a model endpoint
 * through the `openai` SDK) → placeholders filled back in → verification. The panel, the CLI and
 * the benchmarks call this and nothing else, so what a clinician previews, what the CLI prints and
 * what is measured are the same bytes. It also returns the audit entry of the run (no PHI).
 */
import { type AuditEntry, sha256Hex } from '../audit/entry';
import { detectorFailed } from '../deidentify/payload';
import { DetectorFailure } from '../deidentify';
import { endpointHost } from '../draft/backends/config';
import type { DraftFailure, ModelConfig } from '../draft/backends/openai';
import { estimateTokens } from '../draft/budget';
import { draftTaskWithModel } from '../draft/model';
import { runOffline } from '../draft/offline';
import { DEFAULT_TASK_OPTIONS, type TaskOptions, type TaskOutput } from '../draft/schema';
import { fillOutput } from '../handback/reidentify';
import type { PatientRecord } from '../record/schema';
import type { Result } from '../result';
import { verifyOutput, type Verification } from '../verify/verify';
import { prepareSend, type PreparedSend, type SendSettings } from './prepare';

export type EngineChoice = { engine: 'offline' } | { engine: 'model'; config: ModelConfig };

export interface RunRequest extends SendSettings {
  engine: EngineChoice;
  taskOptions?: TaskOptions;
  /** The preview's preparation of this same record and settings (or its error), reused rather than redone. */
  prepared?: Result<PreparedSend>;
  onText?: (text: string) => void;
  signal?: AbortSignal;
  fetchImpl?: typeof fetch;
}

export interface TaskRun {
  /** With the real values filled back in, locally. */
  output: TaskOutput;
  /** Computed once, with the draft, against the whole record. */
  verification: Verification;
}

/** The audit entry of a run, without the time and origin the caller knows. */
export type RunAudit = Omit<AuditEntry, 'time' | 'origin'>;

export type RunOutcome = ({ ok: true; value: TaskRun } | { ok: false; error: DraftFailure }) & {
  audit: RunAudit;
  /** What was prepared for a model (absent for the offline engine). */
  prepared?: PreparedSend;
};

export async function runTask(record: PatientRecord, request: RunRequest): Promise<RunOutcome> {
  const taskOptions = request.taskOptions ?? DEFAULT_TASK_OPTIONS;
  const { task } = request;
  if (request.engine.engine === 'offline') {
    // Nothing leaves: the offline engine reads the whole record, in this browser.
    const output = runOffline(task, record, taskOptions);
    return {
      ok: true,
      value: { output, verification: verifyOutput(output, record) },
      audit: { task, engine: 'offline', counts: {}, outcome: 'drafted' },
    };
  }
  const { config } = request.engine;
  const modelAudit = { task, engine: 'model' as const, model: config.model, endpoint: endpointHost(config) };
  const made = request.prepared ?? prepareSend(record, request);
  if (!made.ok)
    return {
      ok: false,
      error: made.error,
      audit: {
        ...modelAudit,
        counts: {},
        outcome: made.error.code === 'deid-detector-failed' ? 'blocked' : 'failed',
        errorCode: made.error.code,
      },
    };
  const ready = made.value;
  const { payload } = ready;
  const sent = {
    counts: payload.counts as Record<string, number>,
    payloadSha256: await sha256Hex(payload.text),
    tokens: estimateTokens(payload.text),
  };
  let result: Awaited<ReturnType<typeof draftTaskWithModel>>;
  try {
    result = await draftTaskWithModel(task, payload, config, {
      onText: request.onText,
      signal: request.signal,
      fetchImpl: request.fetchImpl,
      taskOptions,
    });
  } catch (error) {
    // The accepted next steps are de-identified again on the way out: a detector failing there blocks too.
    if (!(error instanceof DetectorFailure)) throw error;
    result = { ok: false, error: detectorFailed(error) };
  }
  if (!result.ok) {
    const code = result.error.code;
    const outcome =
      code === 'leak-blocked' || code === 'deid-detector-failed'
        ? 'blocked'
        : code === 'cancelled'
          ? 'cancelled'
          : 'failed';
    return {
      ok: false,
      error: result.error,
      audit: { ...modelAudit, ...sent, outcome, errorCode: code },
      prepared: ready,
    };
  }
  // Placeholders filled back in here: the real values never left this browser.
  const output = fillOutput(result.value, payload.book.originals);
  return {
    ok: true,
    value: { output, verification: verifyOutput(output, record) },
    audit: { ...modelAudit, ...sent, outcome: 'drafted' },
    prepared: ready,
  };
}
