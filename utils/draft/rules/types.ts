/** A next-step rule: reads the record, suggests (never orders), cites its items and its guideline. */
import type { PatientRecord } from '../../record/schema';
import type { Statement } from '../schema';

export interface NextStepRule {
  id: string;
  /** The guideline or label the rule rests on, shown with every suggestion it makes. */
  guideline: string;
  suggest(record: PatientRecord): Suggestion[];
}

export type Suggestion = Required<Pick<Statement, 'text' | 'cites' | 'rationale' | 'urgency'>>;

/** Drug classes by name: enough to see a conflict, a duplicate, or a drug to dose by kidney function. */
export const DRUG_CLASSES: Record<string, RegExp> = {
  'ACE inhibitor': /\b\w+pril\b/i,
  ARB: /\b\w+sartan\b/i,
  statin: /\b\w+statin\b/i,
  'beta blocker': /\b\w+olol\b/i,
  'proton pump inhibitor': /\b\w+prazole\b/i,
  SSRI: /\b(?:sertraline|fluoxetine|paroxetine|citalopram|escitalopram|fluvoxamine)\b/i,
  NSAID:
    /\b(?:ibuprofen|naproxen|diclofenac|meloxicam|ketorolac|indomethacin|celecoxib|etodolac|nabumetone|piroxicam)\b/i,
  anticoagulant: /\b(?:warfarin|apixaban|rivaroxaban|dabigatran|edoxaban|enoxaparin)\b/i,
  'potassium-sparing diuretic': /\b(?:spironolactone|eplerenone|amiloride|triamterene)\b/i,
};

export function classOf(name: string): string | undefined {
  return Object.entries(DRUG_CLASSES).find(([, pattern]) => pattern.test(name))?.[0];
}
