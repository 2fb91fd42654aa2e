/**
 * Drugs to review against kidney function (the latest eGFR).
 * Guidelines: FDA Drug Safety Communication, "FDA revises warnings regarding use of the diabetes
 * medicine metformin in certain patients with reduced kidney function" (April 2016): contraindicated
 * below eGFR 30, not to be started at 30–45. KDIGO 2024 Clinical Practice Guideline for the
 * Evaluation and Management of CKD: avoid prolonged NSAID use in CKD.
 */
import { currentMedications, latestLab, numericValue } from '../../record/queries';
import { DRUG_CLASSES, type NextStepRule } from './types';

export const renalDosing: NextStepRule = {
  id: 'renal-dosing',
  guideline: 'FDA metformin safety communication, 2016; KDIGO CKD guideline, 2024',
  suggest(record) {
    const egfr = latestLab(record, /\begfr\b|glomerular/i);
    const value = egfr && numericValue(egfr.latest);
    if (!egfr || value === undefined) return [];
    const out: ReturnType<NextStepRule['suggest']> = [];
    const gfr = `eGFR ${egfr.latest.value}${egfr.latest.time ? ` on ${egfr.latest.time}` : ''}`;
    for (const med of currentMedications(record)) {
      if (/metformin/i.test(med.name) && value < 45) {
        out.push({
          text:
            value < 30
              ? `Consider stopping ${med.name} (${gfr}).`
              : `Consider reviewing the ${med.name} dose (${gfr}).`,
          rationale:
            value < 30
              ? 'Metformin is contraindicated below eGFR 30.'
              : 'Metformin should not be started, and its dose should be reassessed, at eGFR 30–45.',
          urgency: value < 30 ? 'urgent' : 'soon',
          cites: [med.id, egfr.latest.id],
        });
      }
      if (DRUG_CLASSES.NSAID.test(med.name) && value < 60) {
        out.push({
          text: `Consider an alternative to ${med.name} (${gfr}).`,
          rationale: 'NSAIDs can worsen kidney function in chronic kidney disease.',
          urgency: 'soon',
          cites: [med.id, egfr.latest.id],
        });
      }
    }
    return out;
  },
};
