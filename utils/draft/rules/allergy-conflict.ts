/**
 * A current medication the patient is allergic to, or one that cross-reacts with a listed allergy.
 * Guideline: Khan DA et al., "Drug allergy: a 2022 practice parameter update", J Allergy Clin
 * Immunol 2022;150:1333–93 (AAAAI/ACAAI Joint Task Force) — penicillin, sulfonamide antibiotic and
 * NSAID cross-reactivity.
 */
import { allergyConflicts } from '../../record/alerts';
import type { NextStepRule } from './types';

export const allergyConflict: NextStepRule = {
  id: 'allergy-conflict',
  guideline: 'AAAAI/ACAAI Drug allergy practice parameter, 2022',
  suggest(record) {
    return allergyConflicts(record).map(({ medication: med, allergy, same }) => ({
      text: `Review ${med.name}: the chart lists an allergy to ${allergy.substance}${allergy.reaction ? ` (${allergy.reaction.toLowerCase()})` : ''}.`,
      rationale: same
        ? 'The medication is the listed allergen.'
        : `${med.name} can cross-react with ${allergy.substance}.`,
      urgency: 'urgent',
      cites: [med.id, allergy.id],
    }));
  },
};
