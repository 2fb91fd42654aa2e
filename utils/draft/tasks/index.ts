/**
 * Every task's engines, by name. A task is named in ./catalog.ts; the type below refuses a catalog
 * name without its definition here, and a definition the catalog does not name.
 */
import type { Task } from './catalog';
import type { TaskDefinition } from './define';
import { nextStepsTask } from './next-steps';
import { noteTask } from './note';
import { replyTask } from './reply';
import { summaryTask } from './summary';

export const TASK_DEFINITIONS = {
  summary: summaryTask,
  note: noteTask,
  'next-steps': nextStepsTask,
  reply: replyTask,
} as const satisfies Record<Task, TaskDefinition>;
