/**
 * Potassium with drugs that raise it (ACE inhibitor, ARB, potassium-sparing diuretic).
 * Guideline: KDIGO 2024 Clinical Practice Guideline for the Evaluation and Management of CKD —
 * monitor potassium on RAS inhibitors; manage hyperkalaemia rather than stop at once below 5.5.
 */
import { currentMedications, latestLab, numericValue } from '../../record/queries';
import { DRUG_CLASSES, type NextStepRule } from './types';

const RAISES_POTASSIUM = [DRUG_CLASSES['ACE inhibitor'], DRUG_CLASSES.ARB, DRUG_CLASSES['potassium-sparing diuretic']];

export const potassiumRaas: NextStepRule = {
  id: 'potassium-raas',
  guideline: 'KDIGO CKD guideline, 2024 (potassium on RAS inhibitors)',
  suggest(record) {
    const potassium = latestLab(record, /^potassium|^k\b|\bk\+/i);
    const value = potassium && numericValue(potassium.latest);
    if (!potassium || value === undefined || value < 5.1) return [];
    const drugs = currentMedications(record).filter((m) => RAISES_POTASSIUM.some((p) => p.test(m.name)));
    if (!drugs.length) return [];
    return [
      {
        text: `Review potassium ${potassium.latest.value}${potassium.latest.unit ? ` ${potassium.latest.unit}` : ''} on ${drugs.map((d) => d.name).join(' and ')}.`,
        rationale:
          value >= 5.5
            ? 'Potassium of 5.5 or more on these drugs needs prompt action.'
            : 'Potassium is rising on drugs that raise it; recheck and review diet and dose.',
        urgency: value >= 5.5 ? 'urgent' : 'soon',
        cites: [potassium.latest.id, ...drugs.map((d) => d.id)],
      },
    ];
  },
};
