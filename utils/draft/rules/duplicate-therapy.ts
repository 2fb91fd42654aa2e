/**
 * Two current drugs of one class, or an ACE inhibitor with an ARB.
 * Guidelines: KDIGO 2021 Clinical Practice Guideline for the Management of Blood Pressure in CKD
 * (avoid combining an ACE inhibitor with an ARB); ISMP medication-reconciliation guidance on
 * therapeutic duplication.
 */
import { currentMedications } from '../../record/queries';
import { classOf, type NextStepRule } from './types';

export const duplicateTherapy: NextStepRule = {
  id: 'duplicate-therapy',
  guideline: 'KDIGO blood pressure in CKD guideline, 2021; ISMP therapeutic duplication guidance',
  suggest(record) {
    const byClass = new Map<string, ReturnType<typeof currentMedications>>();
    for (const med of currentMedications(record)) {
      const drugClass = classOf(med.name);
      if (drugClass) byClass.set(drugClass, [...(byClass.get(drugClass) ?? []), med]);
    }
    const out: ReturnType<NextStepRule['suggest']> = [];
    for (const [drugClass, meds] of byClass) {
      if (meds.length < 2) continue;
      out.push({
        text: `Review duplicate ${drugClass} therapy: ${meds.map((m) => m.name).join(' and ')}.`,
        rationale: `More than one ${drugClass} is listed as current.`,
        urgency: 'soon',
        cites: meds.map((m) => m.id),
      });
    }
    const ace = byClass.get('ACE inhibitor')?.[0];
    const arb = byClass.get('ARB')?.[0];
    if (ace && arb) {
      out.push({
        text: `Review ${ace.name} with ${arb.name}: an ACE inhibitor and an ARB together.`,
        rationale: 'Combining them raises the risk of hyperkalaemia and acute kidney injury without added benefit.',
        urgency: 'soon',
        cites: [ace.id, arb.id],
      });
    }
    return out;
  },
};
