/** The built-in offline engine: deterministic, no network, the default backend. */
import type { PatientRecord } from '../record/schema';
import type { Task, TaskOutput } from './schema';
import { summarizeOffline } from './tasks/summary';

export function runOffline(task: Task, record: PatientRecord): TaskOutput {
  switch (task) {
    case 'summary':
      return summarizeOffline(record);
  }
}
