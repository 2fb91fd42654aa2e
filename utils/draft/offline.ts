/** The built-in offline engine: deterministic, no network, the default backend. Every task runs here. */
import type { PatientRecord } from '../record/schema';
import { DEFAULT_TASK_OPTIONS, type Task, type TaskOptions, type TaskOutput } from './schema';
import { nextStepsOffline } from './tasks/next-steps';
import { noteOffline } from './tasks/note';
import { replyOffline } from './tasks/reply';
import { summarizeOffline } from './tasks/summary';

export function runOffline(task: Task, record: PatientRecord, options: TaskOptions = DEFAULT_TASK_OPTIONS): TaskOutput {
  switch (task) {
    case 'summary':
      return summarizeOffline(record);
    case 'note':
      return noteOffline(record, options);
    case 'next-steps':
      return nextStepsOffline(record);
    case 'reply':
      return replyOffline(record, options);
  }
}
