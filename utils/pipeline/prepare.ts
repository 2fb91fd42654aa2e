/**
 * What would leave, worked out the one way the panel, the CLI and the benchmarks all use: the
 * record trimmed to the token budget, then de-identified in one pass and checked by the leak
 * guard. The preview shows exactly this; a send sends exactly this.
 */
import { buildPayload, type Payload } from '../deidentify/payload';
import type { ClinicianChoices, DetectorChoice } from '../deidentify';
import type { DatePolicy } from '../deidentify/types';
import { estimateTokens, withinBudget, type Budgeted } from '../draft/budget';
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

/** Trims a little more when placeholders made the de-identified text longer than the budget. */
const MAX_TRIMS = 4;

export function prepareSend(record: PatientRecord, settings: SendSettings): Result<PreparedSend> {
  // The budget is worked out on the record's text; placeholders ("[DATE-12 (2025)]" for
  // "03/14/2025") run longer than what they replace, so what is sent is measured again, de-identified.
  let budget = settings.tokenBudget;
  for (let trim = 0; ; trim++) {
    const budgeted = withinBudget(record, settings.task, budget);
    const payload = buildPayload(budgeted.record, settings.datePolicy, settings.choices ?? {});
    if (!payload.ok) return payload;
    const tokens = estimateTokens(payload.value.text);
    // After MAX_TRIMS, as close as the record's must-haves (header lines, the newest message) allow.
    if (tokens <= settings.tokenBudget || trim === MAX_TRIMS) return ok({ budgeted, payload: payload.value });
    budget = Math.floor((budget * settings.tokenBudget) / tokens) - 1;
  }
}
