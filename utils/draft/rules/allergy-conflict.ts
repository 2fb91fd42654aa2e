/**
 * A current medication the patient is allergic to, or one that cross-reacts with a listed allergy.
 * Guideline: Khan DA et al., "Drug allergy: a 2022 practice parameter update", J Allergy Clin
 * Immunol 2022;150:1333–93 (AAAAI/ACAAI Joint Task Force) — penicillin, sulfonamide antibiotic and
 * NSAID cross-reactivity.
 */
import { currentMedications } from '../tasks/chart';
import type { NextStepRule } from './types';

/** An allergy substance → the drugs that share its allergy (the substance itself always counts). */
const CROSS_REACTIVE: Array<[RegExp, RegExp]> = [
  [/penicillin|amoxicillin|ampicillin/i, /\b\w*cillin\b/i],
  [/sulfa|sulfamethoxazole|sulfonamide/i, /\bsulfa(?:methoxazole|diazine|salazine)\b|bactrim|septra/i],
  [/nsaid|ibuprofen|naproxen|aspirin/i, /\b(?:ibuprofen|naproxen|diclofenac|meloxicam|ketorolac|indomethacin|aspirin|celecoxib)\b/i],
  [/codeine|morphine/i, /\b(?:codeine|morphine)\b/i],
];

export const allergyConflict: NextStepRule = {
  id: 'allergy-conflict',
  guideline: 'AAAAI/ACAAI Drug allergy practice parameter, 2022',
  suggest(record) {
    const out: ReturnType<NextStepRule['suggest']> = [];
    for (const allergy of record.allergies) {
      const substance = allergy.substance.toLowerCase();
      const related = CROSS_REACTIVE.find(([allergen]) => allergen.test(substance))?.[1];
      for (const med of currentMedications(record)) {
        const name = med.name.toLowerCase();
        const same = name.includes(substance) || substance.includes(name.split(/\s/)[0]);
        if (!same && !related?.test(name)) continue;
        out.push({
          text: `Review ${med.name}: the chart lists an allergy to ${allergy.substance}${allergy.reaction ? ` (${allergy.reaction.toLowerCase()})` : ''}.`,
          rationale: same ? 'The medication is the listed allergen.' : `${med.name} can cross-react with ${allergy.substance}.`,
          urgency: 'urgent',
          cites: [med.id, allergy.id],
        });
      }
    }
    return out;
  },
};
