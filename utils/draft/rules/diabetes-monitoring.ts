/**
 * HbA1c for people with diabetes: due when none in six months; above goal when ≥ 8%.
 * Guideline: American Diabetes Association, Standards of Care in Diabetes—2025, section 6
 * (Glycemic Goals): A1C at least twice a year when at goal, quarterly when not; a goal of < 7% for
 * many adults, individualized.
 */
import { activeProblems, daysBefore, latestLab, numericValue } from '../../record/queries';
import type { NextStepRule } from './types';

export const diabetesMonitoring: NextStepRule = {
  id: 'diabetes-monitoring',
  guideline: 'ADA Standards of Care in Diabetes, 2025, section 6',
  suggest(record) {
    const diabetes = activeProblems(record).find((p) => /diabet/i.test(p.name));
    if (!diabetes) return [];
    const a1c = latestLab(record, /a1c|glycated|glycosylated/i);
    const age = a1c ? daysBefore(record, a1c.latest.time) : undefined;
    if (!a1c || (age !== undefined && age > 182)) {
      return [
        {
          text: 'Consider checking HbA1c.',
          rationale: a1c
            ? `The last HbA1c (${a1c.latest.value}${a1c.latest.unit ?? ''}) was ${age} days ago; it is due at least every six months.`
            : 'No HbA1c was found on the page.',
          urgency: 'routine',
          cites: [diabetes.id, ...(a1c ? [a1c.latest.id] : [])],
        },
      ];
    }
    const value = numericValue(a1c.latest);
    if (value === undefined || value < 8) return [];
    const rising = a1c.previous && (numericValue(a1c.previous) ?? value) < value;
    return [
      {
        text: `Consider intensifying diabetes treatment: HbA1c ${a1c.latest.value}${a1c.latest.unit ?? ''}${rising ? `, up from ${a1c.previous!.value}` : ''}.`,
        rationale: 'HbA1c is above the usual goal of < 7%; recheck in about three months after any change.',
        urgency: value >= 10 ? 'soon' : 'routine',
        cites: [diabetes.id, a1c.latest.id, ...(rising ? [a1c.previous!.id] : [])],
      },
    ];
  },
};
