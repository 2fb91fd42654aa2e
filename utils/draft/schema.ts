/**
 * What every engine returns, offline or model: sections of statements, each statement citing the
 * record items it rests on. Verification and hand-back read only this shape.
 */
import { z } from 'zod';

export const TASKS = ['summary'] as const;
export const TaskSchema = z.enum(TASKS);
export type Task = z.infer<typeof TaskSchema>;

export const StatementSchema = z.object({
  text: z.string(),
  /** Ids of record items (`med-2`, `lab-5`) the statement rests on. */
  cites: z.array(z.string()),
});

export const TaskOutputSchema = z.object({
  task: TaskSchema,
  engine: z.enum(['offline', 'model']),
  title: z.string(),
  sections: z.array(z.object({ heading: z.string(), statements: z.array(StatementSchema) })),
});

export type Statement = z.infer<typeof StatementSchema>;
export type TaskOutput = z.infer<typeof TaskOutputSchema>;
