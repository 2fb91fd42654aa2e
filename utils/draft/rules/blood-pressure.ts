/**
 * Blood pressure above goal in hypertension; severe readings urgent; dizziness on standing first.
 * Guideline: 2017 ACC/AHA Guideline for the Prevention, Detection, Evaluation, and Management of High
 * Blood Pressure in Adults — goal < 130/80 for most adults; ≥ 180/120 is a hypertensive emergency or urgency.
 */
import { orthostaticSymptoms } from '../../record/alerts';
import { activeProblems, latestVitals } from '../../record/queries';
import type { NextStepRule } from './types';

export const bloodPressure: NextStepRule = {
  id: 'blood-pressure',
  guideline: 'ACC/AHA high blood pressure guideline, 2017',
  suggest(record) {
    const bp = latestVitals(record.vitals).find((v) => /^(?:bp|blood pressure)/i.test(v.name));
    const m = bp?.value.match(/(\d{2,3})\s*\/\s*(\d{2,3})/);
    if (!bp || !m) return [];
    const [systolic, diastolic] = [Number(m[1]), Number(m[2])];
    const hypertension = activeProblems(record).find((p) => /hypertens/i.test(p.name));
    if (systolic >= 180 || diastolic >= 120) {
      return [
        {
          text: `Assess the blood pressure of ${bp.value} today.`,
          rationale: 'A reading of 180/120 or more needs same-day assessment for end-organ damage.',
          urgency: 'urgent',
          cites: [bp.id],
        },
      ];
    }
    if (hypertension && (systolic >= 140 || diastolic >= 90)) {
      // Dizziness on standing weighs against more blood-pressure lowering until it is explained.
      const dizzy = orthostaticSymptoms(record);
      if (dizzy.length) {
        return [
          {
            text: `Check orthostatic blood pressure before any change to blood-pressure treatment: ${bp.value} is above goal, but the chart reports dizziness on standing.`,
            rationale:
              'Intensifying treatment with orthostatic symptoms risks falls; review volume-depleting and blood-pressure-lowering medicines first.',
            urgency: 'soon',
            cites: [hypertension.id, bp.id, ...dizzy.slice(0, 2).map((item) => item.id)],
          },
        ];
      }
      return [
        {
          text: `Consider adjusting blood-pressure treatment: ${bp.value}.`,
          rationale: 'Above the goal of < 130/80; confirm with repeat or home readings first.',
          urgency: 'soon',
          cites: [hypertension.id, bp.id],
        },
      ];
    }
    return [];
  },
};
