/**
 * A lipid panel for people on a statin: due when none in a year.
 * Guideline: 2018 AHA/ACC Guideline on the Management of Blood Cholesterol — lipids 4–12 weeks
 * after starting or changing a statin, then every 3–12 months as needed.
 */
import { currentMedications, daysBefore, latestLab } from '../../record/queries';
import { DRUG_CLASSES, type NextStepRule } from './types';

export const lipidMonitoring: NextStepRule = {
  id: 'lipid-monitoring',
  guideline: 'AHA/ACC cholesterol guideline, 2018',
  suggest(record) {
    const statin = currentMedications(record).find((m) => DRUG_CLASSES.statin.test(m.name));
    if (!statin) return [];
    const lipids = latestLab(record, /ldl|cholesterol|lipid/i);
    const age = lipids ? daysBefore(record, lipids.latest.time) : undefined;
    if (lipids && (age === undefined || age <= 365)) return [];
    return [
      {
        text: 'Consider a lipid panel.',
        rationale: lipids
          ? `On ${statin.name}; the last lipid result was ${age} days ago.`
          : `On ${statin.name}; no lipid result was found on the page.`,
        urgency: 'routine',
        cites: [statin.id, ...(lipids ? [lipids.latest.id] : [])],
      },
    ];
  },
};
