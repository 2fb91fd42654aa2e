/**
 * What a task is: how the offline engine drafts it, and what a model is asked for and how its
 * answer becomes the same TaskOutput. One definition a task file; the registry (./index.ts) lists
 * them. `defineTask` keeps each task's answer type to itself: callers get `fromAnswer(unknown)`,
 * which validates with the task's own schema, so nothing is cast.
 */
import type { z } from 'zod';
import type { PatientRecord } from '../../record/schema';
import type { TaskOptions, TaskOutput } from '../schema';

export interface ModelPart<Answer> {
  /** `<task>-v<n>`: recorded with every model draft. */
  version: string;
  /** The JSON schema's name in the request (response_format). */
  schemaName: string;
  schema: z.ZodType<Answer>;
  instructions: (options: TaskOptions) => string;
  toOutput: (answer: Answer, options: TaskOptions) => TaskOutput;
}

export interface TaskDefinition {
  offline: (record: PatientRecord, options: TaskOptions) => TaskOutput;
  model: Omit<ModelPart<unknown>, 'toOutput' | 'schema'> & {
    schema: z.ZodType<unknown>;
    /** The model's parsed JSON as this task's output, validated by the task's schema first. */
    fromAnswer: (answer: unknown, options: TaskOptions) => TaskOutput;
  };
}

export function defineTask<Answer>(task: {
  offline: TaskDefinition['offline'];
  model: ModelPart<Answer>;
}): TaskDefinition {
  const { toOutput, ...model } = task.model;
  return {
    offline: task.offline,
    model: { ...model, fromAnswer: (answer, options) => toOutput(task.model.schema.parse(answer), options) },
  };
}
