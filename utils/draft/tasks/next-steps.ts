/**
 * Next steps: suggestions, never orders — each with a rationale, an urgency and the items behind
 * it. Offline, every next-step rule in ../rules runs on the record (each cites its guideline);
 * a model's suggestions arrive in the same shape.
 */
import { z } from 'zod';
import type { PatientRecord } from '../../record/schema';
import { RULES } from '../rules';
import { UrgencySchema, type Statement, type TaskOutput } from '../schema';
import { defineTask } from './define';

const ORDER = { urgent: 0, soon: 1, routine: 2 } as const;
const HEADINGS = { urgent: 'Urgent', soon: 'Soon', routine: 'Routine' } as const;

function grouped(suggestions: Statement[]): TaskOutput['sections'] {
  const sorted = [...suggestions].sort((a, b) => ORDER[a.urgency ?? 'routine'] - ORDER[b.urgency ?? 'routine']);
  return (['urgent', 'soon', 'routine'] as const)
    .map((urgency) => ({
      heading: HEADINGS[urgency],
      statements: sorted.filter((s) => (s.urgency ?? 'routine') === urgency),
    }))
    .filter((section) => section.statements.length);
}

export function nextStepsOffline(record: PatientRecord): TaskOutput {
  const suggestions = RULES.flatMap((rule) => rule.suggest(record).map((s) => ({ ...s, guideline: rule.guideline })));
  return {
    task: 'next-steps',
    engine: 'offline',
    title: 'Next steps (offline suggestions)',
    sections: suggestions.length
      ? grouped(suggestions)
      : [
          {
            heading: 'Nothing found',
            statements: [
              {
                text: 'No rule found anything to suggest in what the page showed. This is not a review of the whole chart.',
                cites: [],
              },
            ],
          },
        ],
  };
}

export const NEXT_STEPS_PROMPT = {
  version: 'next-steps-v1',
  instructions: `Task: suggest next steps for the clinician. Suggestions, never orders: start each with a verb such as "Consider", "Review" or "Recheck".
Look for results needing follow-up, monitoring that is due, medication safety (allergy conflicts, doses against kidney function, duplicate therapy) and care gaps. At most six, the most important first.
Answer with only a JSON object: {"suggestions": [{"text": string, "rationale": string, "urgency": "routine" | "soon" | "urgent", "cites": [string]}]}.`,
};

export const ModelNextStepsSchema = z.object({
  suggestions: z.array(
    z.object({
      text: z.string(),
      rationale: z.string().default(''),
      urgency: UrgencySchema.catch('routine'),
      cites: z.array(z.string()).default([]),
    }),
  ),
});

export function nextStepsFromModel(answer: z.infer<typeof ModelNextStepsSchema>): TaskOutput {
  return {
    task: 'next-steps',
    engine: 'model',
    title: 'Next steps (model suggestions)',
    promptVersion: NEXT_STEPS_PROMPT.version,
    sections: grouped(answer.suggestions),
  };
}

export const nextStepsTask = defineTask({
  offline: (record) => nextStepsOffline(record),
  model: {
    version: NEXT_STEPS_PROMPT.version,
    schemaName: 'next_steps',
    schema: ModelNextStepsSchema,
    instructions: () => NEXT_STEPS_PROMPT.instructions,
    toOutput: nextStepsFromModel,
  },
});
