/**
 * Levothyroxine: TSH out of range, and iron or calcium taken with it.
 * Guidelines: Jonklaas J et al., "Guidelines for the Treatment of Hypothyroidism", American Thyroid
 * Association, Thyroid 2014;24:1670–751 (adjust the dose to TSH, recheck in 6–8 weeks); the
 * levothyroxine prescribing information (take 4 hours apart from iron and calcium).
 */
import { currentMedications, isAbnormal, latestLab } from '../../record/queries';
import type { NextStepRule } from './types';

/** Chart names of levothyroxine, and of what lowers its absorption (shared with the patient reply's advice). */
export const LEVOTHYROXINE = /levothyroxine|synthroid|levoxyl|euthyrox/i;
export const LOWERS_LEVOTHYROXINE_ABSORPTION = /ferrous|iron|calcium|carbonate/i;

export const thyroid: NextStepRule = {
  id: 'thyroid',
  guideline: 'ATA hypothyroidism guideline, 2014; levothyroxine prescribing information',
  suggest(record) {
    const levothyroxine = currentMedications(record).find((m) => LEVOTHYROXINE.test(m.name));
    if (!levothyroxine) return [];
    const out: ReturnType<NextStepRule['suggest']> = [];
    const tsh = latestLab(record, /\btsh\b|thyrotropin/i);
    if (tsh && isAbnormal(tsh.latest)) {
      out.push({
        text: `Consider adjusting ${levothyroxine.name}: TSH ${tsh.latest.value}${tsh.latest.unit ? ` ${tsh.latest.unit}` : ''} (${tsh.latest.flag}).`,
        rationale: 'TSH is out of range on replacement; recheck TSH 6–8 weeks after a dose change.',
        urgency: 'routine',
        cites: [levothyroxine.id, tsh.latest.id],
      });
    }
    const binder = currentMedications(record).find((m) => LOWERS_LEVOTHYROXINE_ABSORPTION.test(m.name));
    if (binder) {
      out.push({
        text: `Advise taking ${levothyroxine.name} four hours apart from ${binder.name}.`,
        rationale: 'Iron and calcium reduce levothyroxine absorption.',
        urgency: 'routine',
        cites: [levothyroxine.id, binder.id],
      });
    }
    return out;
  },
};
