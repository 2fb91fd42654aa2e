/** The built-in offline engine: deterministic, no network, the default backend. Every task runs here. */
import type { PatientRecord } from '../record/schema';
import { DEFAULT_TASK_OPTIONS, type Task, type TaskOptions, type TaskOutput } from './schema';
import { TASK_DEFINITIONS } from './tasks';

export function runOffline(task: Task, record: PatientRecord, options: TaskOptions = DEFAULT_TASK_OPTIONS): TaskOutput {
  return TASK_DEFINITIONS[task].offline(record, options);
}
