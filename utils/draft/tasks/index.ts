/** Every task, by name: adding one is its file (with `defineTask`) and a line here (and its name in TASKS). */
import type { Task } from '../schema';
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
