/**
 * The tasks a clinician can ask for, as everything outside the engines needs them: the name the
 * messages and the audit carry, the panel's labels, and what a draft of the task must not leave
 * out. Light on purpose: the page agent and the panel load this table, never the drafting code
 * (each task's engines are in its own file, listed by name in ./index.ts).
 */
import { z } from 'zod';
import type { OmissionKind } from '../../verify/omissions';

export interface TaskCard {
  name: string;
  /** What the panel lists it as ("Chart summary"). */
  label: string;
  /** Its button ("Summarize"). */
  action: string;
  /** What verification flags when a draft of this task leaves it out. */
  mustMention: readonly OmissionKind[];
}

/** A summary or a note must weigh every alert and say why the patient is here. */
const EVERYTHING = ['allergy', 'allergy-conflict', 'critical-result', 'high-risk-medication', 'reason'] as const;

/** Adding a task: its line here, its file beside this one, its line in ./index.ts (the type checker asks). */
export const TASK_CATALOG = [
  { name: 'summary', label: 'Chart summary', action: 'Summarize', mustMention: EVERYTHING },
  { name: 'note', label: 'Draft note', action: 'Draft note', mustMention: EVERYTHING },
  // Next steps must weigh the alerts; a reply answers the question the message asked.
  {
    name: 'next-steps',
    label: 'Next steps',
    action: 'Suggest next steps',
    mustMention: ['allergy-conflict', 'critical-result'],
  },
  { name: 'reply', label: 'Patient reply', action: 'Draft reply', mustMention: ['reason'] },
] as const satisfies readonly TaskCard[];

/** Frozen: the panel, the CLI and TaskSchema must list the same tasks. */
export const TASKS: readonly (typeof TASK_CATALOG)[number]['name'][] = Object.freeze(
  TASK_CATALOG.map((card) => card.name),
);
export const TaskSchema = z.enum(TASKS);
export type Task = z.infer<typeof TaskSchema>;

export function taskCard(task: Task): TaskCard {
  const card = TASK_CATALOG.find((entry) => entry.name === task);
  if (!card) throw new Error(`No task named ${task}`); // unreachable: Task is read from this table
  return card;
}
