/**
 * What would leave, worked out the one way the panel, the CLI and the benchmarks all use: the
 * record trimmed to the token budget, then de-identified in one pass and checked by the leak
 * guard. The preview shows exactly this; a send sends exactly this.
 */
import { buildPayload, type Payload } from '../deidentify/payload';
import type { ClinicianChoices, DetectorChoice } from '../deidentify';
import type { DatePolicy } from '../deidentify/types';
import { withinBudget, type Budgeted } from '../draft/budget';
import type { Task } from '../draft/schema';
import type { PatientRecord } from '../record/schema';
import { ok, type Result } from '../result';

export interface SendSettings {
  task: Task;
  tokenBudget: number;
  datePolicy: DatePolicy;
  /** The clinician's redactions and kept values from the preview (and, in tests, the detectors). */
  choices?: ClinicianChoices & DetectorChoice;
}

export interface PreparedSend {
  /** The record as trimmed to the budget, and what was left out. */
  budgeted: Budgeted;
  payload: Payload;
}

export function prepareSend(record: PatientRecord, settings: SendSettings): Result<PreparedSend> {
  const budgeted = withinBudget(record, settings.task, settings.tokenBudget);
  const payload = buildPayload(budgeted.record, settings.datePolicy, settings.choices ?? {});
  return payload.ok ? ok({ budgeted, payload: payload.value }) : payload;
}
