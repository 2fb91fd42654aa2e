/**
 * Results flagged abnormal: critical ones first and urgent, the others together for review.
 * Guideline: The Joint Commission, National Patient Safety Goal NPSG.02.03.01 — report critical
 * results of tests and diagnostic procedures on a timely basis.
 */
import { isAbnormal, latestLabs } from '../../record/queries';
import type { NextStepRule } from './types';

const CRITICAL = /crit|panic|\bHH\b|\bLL\b|\*/i;

export const abnormalResults: NextStepRule = {
  id: 'abnormal-results',
  guideline: 'The Joint Commission NPSG.02.03.01 (critical results)',
  suggest(record) {
    const abnormal = latestLabs(record.labs).filter((s) => isAbnormal(s.latest));
    const critical = abnormal.filter((s) => CRITICAL.test(s.latest.flag ?? ''));
    const other = abnormal.filter((s) => !critical.includes(s));
    const describe = (s: (typeof abnormal)[number]) =>
      `${s.latest.test} ${s.latest.value}${s.latest.unit ? ` ${s.latest.unit}` : ''} (${s.latest.flag})`;
    return [
      ...critical.map((s) => ({
        text: `Act on the critical result: ${describe(s)}.`,
        rationale: 'Critical results need timely review and a documented response.',
        urgency: 'urgent' as const,
        cites: [s.latest.id],
      })),
      ...(other.length
        ? [
            {
              text: `Review ${other.length} abnormal result${other.length === 1 ? '' : 's'}: ${other.map(describe).join('; ')}.`,
              rationale: 'Flagged results should be acknowledged and followed up.',
              urgency: 'routine' as const,
              cites: other.map((s) => s.latest.id),
            },
          ]
        : []),
    ];
  },
};
