/**
 * Vaccines the adult schedule calls for that the chart does not show: influenza this season,
 * pneumococcal from 50. Only when the page showed an immunization list — a list not read is not a gap.
 * Guideline: CDC/ACIP Recommended Adult Immunization Schedule, United States, 2025.
 */
import { ageInYears, daysBefore } from '../../record/queries';
import type { NextStepRule } from './types';

export const immunizations: NextStepRule = {
  id: 'immunizations',
  guideline: 'CDC/ACIP adult immunization schedule, 2025',
  suggest(record) {
    const shown = record.capture.sections.some(
      (s) => s.category === 'immunizations' && s.state !== 'collapsed' && s.state !== 'hidden',
    );
    if (!shown) return [];
    const out: ReturnType<NextStepRule['suggest']> = [];
    const flu = record.immunizations.filter((i) => /influenza|flu\b/i.test(i.name));
    // A season runs from August: a dose in the last ~11 months counts for this one.
    if (!flu.some((i) => (daysBefore(record, i.date) ?? Infinity) < 330)) {
      out.push({
        text: 'Consider this season’s influenza vaccine.',
        rationale: 'No influenza vaccine this season was found in the immunization list.',
        urgency: 'routine',
        cites: flu.map((i) => i.id),
      });
    }
    const age = ageInYears(record);
    if (
      age !== undefined &&
      age >= 50 &&
      !record.immunizations.some((i) => /pneumococ|pcv|ppsv|prevnar/i.test(i.name))
    ) {
      out.push({
        text: 'Consider a pneumococcal vaccine.',
        rationale: `Recommended from age 50; none was found in the immunization list (age ${age}).`,
        urgency: 'routine',
        cites: [],
      });
    }
    return out;
  },
};
