/**
 * What every engine returns, offline or model: sections of statements, each statement citing the
 * record items it rests on. Verification and hand-back read only this shape.
 */
import { z } from 'zod';

import { TaskSchema } from './tasks/catalog';

// The task names are the catalog's; the shapes below carry them.
export { TASKS, TaskSchema, taskCard, type Task } from './tasks/catalog';

export const UrgencySchema = z.enum(['routine', 'soon', 'urgent']);

export const StatementSchema = z.object({
  text: z.string(),
  /** Ids of record items (`med-2`, `lab-5`) the statement rests on. */
  cites: z.array(z.string()),
  /** Next steps: why, how soon, and the guideline a rule rests on. */
  rationale: z.string().optional(),
  urgency: UrgencySchema.optional(),
  guideline: z.string().optional(),
});

export const LanguageSchema = z.enum(['en', 'es']);

export const TaskOutputSchema = z.object({
  task: TaskSchema,
  engine: z.enum(['offline', 'model']),
  title: z.string(),
  sections: z.array(z.object({ heading: z.string(), statements: z.array(StatementSchema) })),
  /** The prompt a model draft was made with (`note-v1`): drafts stay comparable as prompts change. */
  promptVersion: z.string().optional(),
  /** Patient replies: the language written in. */
  language: LanguageSchema.optional(),
});

export type Statement = z.infer<typeof StatementSchema>;
export type TaskOutput = z.infer<typeof TaskOutputSchema>;
export type Language = z.infer<typeof LanguageSchema>;

export const NOTE_SECTIONS = ['subjective', 'objective', 'assessment', 'plan'] as const;

/** What the clinician chooses before drafting: note shape, reply language, accepted next steps. */
export const TaskOptionsSchema = z.object({
  note: z
    .object({
      length: z.enum(['concise', 'standard', 'detailed']).default('standard'),
      /** SOAP, or APSO (assessment and plan first, as many clinicians read notes). */
      order: z.enum(['SOAP', 'APSO']).default('SOAP'),
      sections: z
        .object({ subjective: z.boolean(), objective: z.boolean(), assessment: z.boolean(), plan: z.boolean() })
        .default({ subjective: true, objective: true, assessment: true, plan: true }),
    })
    .default({
      length: 'standard',
      order: 'SOAP',
      sections: { subjective: true, objective: true, assessment: true, plan: true },
    }),
  reply: z
    .object({
      /** `auto`: the language of the patient's message. */
      language: z.enum(['auto', 'en', 'es']).default('auto'),
      /** Appended when set: "Part of this message was drafted with AI and reviewed by …". */
      disclosure: z.string().max(300).default(''),
    })
    .default({ language: 'auto', disclosure: '' }),
  /** Next steps the clinician accepted: they go into the note's plan. */
  accepted: z.array(StatementSchema).default([]),
});
export type TaskOptions = z.infer<typeof TaskOptionsSchema>;
export const DEFAULT_TASK_OPTIONS: TaskOptions = TaskOptionsSchema.parse({});
