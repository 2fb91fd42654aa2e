/**
 * Chart summary, offline: deterministic, from the record's structured items only.
 * Order follows what clinicians asked for: a one-line synopsis; alerts (an allergy–drug conflict, a
 * critical result); the reason for the visit and the question the patient asked; active problems
 * each with the latest result that bears on it; then medications, allergies, abnormal results,
 * latest vitals, and what Chartside could not read.
 */
import type { Lab, PatientRecord, Problem } from '../../record/schema';
import { z } from 'zod';
import type { Statement, TaskOutput } from '../schema';
import { defineTask } from './define';
import {
  activeProblems,
  currentMedications,
  describeLab,
  isAbnormal,
  latestLabs,
  latestVitals,
  messageToAnswer,
} from '../../record/queries';
import {
  allergyConflicts,
  criticalResults,
  orthostaticSentence,
  orthostaticSymptoms,
  reasonsForVisit,
} from '../../record/alerts';
import { categoryState, describeMissing } from '../../record/category-state';

/** Which results bear on which problem: the result a clinician looks at first for it. */
const SUPPORTING_RESULTS: Array<[RegExp, RegExp]> = [
  [/diabet|hyperglyc/i, /a1c|glucose/i],
  [/kidney|renal|ckd|nephro/i, /egfr|creatinine|albumin/i],
  [/hypertens|blood pressure/i, /^(bp|blood pressure)/i],
  [/lipid|cholesterol/i, /ldl|cholesterol|triglycer/i],
  [/thyroid/i, /tsh|t4/i],
  [/anemia|anaemia/i, /hemoglobin|ferritin|mcv|iron/i],
  [/asthma|copd/i, /eosinophil|fev1/i],
];

export function problemStatement(
  problem: Problem,
  record: PatientRecord,
  labs: Array<{ latest: Lab; previous?: Lab }>,
): Statement {
  const onset = problem.onset ? ` (since ${problem.onset})` : '';
  const support = SUPPORTING_RESULTS.find(([p]) => p.test(problem.name));
  const cites = [problem.id];
  const evidence: string[] = [];
  if (support) {
    for (const series of labs) {
      // Two results at most, and only those shown are cited: a citation says what the statement shows.
      if (support[1].test(series.latest.test) && evidence.length < 2) {
        evidence.push(describeLab(series));
        cites.push(series.latest.id, ...(series.previous ? [series.previous.id] : []));
      }
    }
    if (!evidence.length) {
      const vital = latestVitals(record.vitals).find((v) => support[1].test(v.name));
      if (vital) {
        evidence.push(
          `${vital.name} ${vital.value}${vital.unit ? ` ${vital.unit}` : ''}${vital.time ? ` on ${vital.time}` : ''}`,
        );
        cites.push(vital.id);
      }
    }
  }
  return { text: `${problem.name}${onset}${evidence.length ? ` — ${evidence.join('; ')}` : ''}`, cites };
}

function synopsis(record: PatientRecord, active: Problem[]): Statement {
  const { age, sex } = record.patient;
  const who = [age ? `${age}-year-old` : '', sex ? sex.toLowerCase() : 'patient'].filter(Boolean).join(' ');
  const present: string[] = [];
  const missing: string[] = [];
  const listed = (category: 'problems' | 'medications' | 'allergies') =>
    ['shown', 'empty'].includes(categoryState(record, category));
  if (active.length) {
    present.push(
      `${active.length} active problem${active.length === 1 ? '' : 's'} (${active.length > 3 ? 'the first three: ' : ''}${active
        .slice(0, 3)
        .map((p) => p.name)
        .join('; ')})`,
    );
  } else if (listed('problems')) present.push('no active problems listed');
  else missing.push('problems');
  // The count is of what the Medications section lists: current ones; the others are said apart.
  const current = currentMedications(record);
  const others = record.medications.length - current.length;
  if (record.medications.length || listed('medications')) {
    present.push(
      `${current.length} current medication${current.length === 1 ? '' : 's'}${others ? ` (${countWord(others)} more listed as completed or stopped)` : ''}`,
    );
  } else missing.push('medications');
  if (record.allergies.length) present.push(`allergies to ${record.allergies.map((a) => a.substance).join(', ')}`);
  else if (categoryState(record, 'allergies') === 'empty') present.push('no known allergies (as the page states)');
  else missing.push('allergies');
  const Who = `${who.charAt(0).toUpperCase()}${who.slice(1)}`;
  const gaps = missing.length ? `${present.length ? '; ' : ': '}${joinWords(missing)} not read from this page` : '';
  return {
    text: `${Who}${present.length ? ` with ${present.join(', ')}` : ''}${gaps}.`,
    cites: active.slice(0, 3).map((p) => p.id),
  };
}

/** A count in words: verification reads a numeral as a claim to check against the cited items. */
function countWord(n: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? `${n}`;
}

/** "a", "a and b", "a, b and c". */
function joinWords(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

export function summarizeOffline(record: PatientRecord): TaskOutput {
  const active = activeProblems(record);
  const inactive = record.problems.filter((p) => !active.includes(p));
  const labs = latestLabs(record.labs);
  const sections: TaskOutput['sections'] = [{ heading: 'Synopsis', statements: [synopsis(record, active)] }];

  // What must not be missed leads: a drug the patient is allergic to, a critical result.
  const conflicts = allergyConflicts(record);
  const critical = criticalResults(record);
  if (conflicts.length || critical.length) {
    sections.push({
      heading: 'Alerts',
      statements: [
        ...conflicts.map(({ medication, allergy, same }) => ({
          text: `Allergy conflict: ${medication.name} is listed as current, and the chart lists an allergy to ${allergy.substance}${allergy.reaction ? ` (${allergy.reaction.toLowerCase()})` : ''}${same ? '' : ' (cross-reacting)'}.`,
          cites: [medication.id, allergy.id],
        })),
        ...critical.map((lab) => ({ text: `Critical result: ${describeLab({ latest: lab })}.`, cites: [lab.id] })),
      ],
    });
  }

  // Why the patient is here, before the chart's standing lists.
  const reasons = reasonsForVisit(record);
  const dizzy = orthostaticSymptoms(record);
  if (reasons.length || dizzy.length) {
    const message = messageToAnswer(record);
    sections.push({
      heading: 'Reason for visit',
      statements: [
        ...reasons.map((reason) => ({
          text:
            reason.cites.length && message && reason.cites[0] === message.id
              ? `Portal message${message.date ? ` (${message.date})` : ''}: ${reason.text}`
              : `${record.encounter.date && !reason.cites.length ? `Visit ${record.encounter.date}: ` : ''}${reason.text}`,
          cites: reason.cites,
        })),
        ...dizzy.slice(0, 2).map((item) => ({ text: `Reported: “${orthostaticSentence(item)}”`, cites: [item.id] })),
      ],
    });
  }

  const problemStatements = active.map((p) => problemStatement(p, record, labs));
  if (active.length) sections.push({ heading: 'Active problems', statements: problemStatements });
  // A result shown as a problem's evidence is not listed again under Abnormal results: one heading per item.
  const shownWithProblem = new Set(problemStatements.flatMap((statement) => statement.cites));

  const currentMeds = currentMedications(record);
  if (currentMeds.length) {
    sections.push({
      heading: 'Medications',
      statements: currentMeds.map((m) => ({
        text: [m.name, m.dose, m.route, m.frequency].filter(Boolean).join(' '),
        cites: [m.id],
      })),
    });
  }

  sections.push({
    heading: 'Allergies',
    statements: record.allergies.length
      ? record.allergies.map((a) => ({
          text: `${a.substance}${a.reaction || a.severity ? ` (${[a.reaction, a.severity].filter(Boolean).join(', ').toLowerCase()})` : ''}`,
          cites: [a.id],
        }))
      : [{ text: describeMissing(record, 'allergies', 'Allergies'), cites: [] }],
  });

  // Critical ones are under Alerts.
  const abnormal = labs.filter(
    ({ latest }) => isAbnormal(latest) && !critical.includes(latest) && !shownWithProblem.has(latest.id),
  );
  if (abnormal.length) {
    sections.push({
      heading: 'Abnormal results',
      statements: abnormal.map((series) => ({
        text: describeLab(series),
        cites: [series.latest.id, ...(series.previous ? [series.previous.id] : [])],
      })),
    });
  }

  const vitals = latestVitals(record.vitals);
  if (vitals.length) {
    sections.push({
      heading: 'Latest vitals',
      statements: [
        {
          text:
            vitals.map((v) => `${v.name} ${v.value}${v.unit ? ` ${v.unit}` : ''}`).join(', ') +
            (vitals[0].time ? ` (${vitals[0].time})` : ''),
          cites: vitals.map((v) => v.id),
        },
      ],
    });
  }

  if (inactive.length)
    sections.push({
      heading: 'Past problems',
      statements: inactive.map((p) => ({
        text: `${p.name}${p.status ? ` (${p.status.toLowerCase()})` : ''}`,
        cites: [p.id],
      })),
    });

  const unread = record.capture.sections.filter((s) => s.state === 'collapsed' || s.state === 'hidden');
  if (unread.length || record.capture.skipped.length) {
    sections.push({
      heading: 'Not read',
      statements: [
        ...unread.map((s) => ({
          text: `${s.heading}: ${s.state} on the page — expand it and read the page again to include it.`,
          cites: [],
        })),
        ...record.capture.skipped.map((text) => ({ text, cites: [] })),
      ],
    });
  }

  return { task: 'summary', engine: 'offline', title: 'Chart summary (offline draft)', sections };
}

export const ModelSummarySchema = z.object({
  synopsis: z.string(),
  sections: z.array(
    z.object({
      heading: z.string(),
      statements: z.array(z.object({ text: z.string(), cites: z.array(z.string()).default([]) })),
    }),
  ),
});

export const SUMMARY_PROMPT = {
  version: 'summary-v1',
  instructions: `Task: a chart summary. Start with a one-line synopsis. Then sections, in this order when they apply: "Active problems" (the three that matter most first, each with its status and latest supporting result), "Medications", "Allergies", "Recent changes", "Open items".
Answer with only a JSON object: {"synopsis": string, "sections": [{"heading": string, "statements": [{"text": string, "cites": [string]}]}]}.`,
};

export const summaryTask = defineTask({
  offline: (record) => summarizeOffline(record),
  model: {
    version: SUMMARY_PROMPT.version,
    schemaName: 'chart_summary',
    schema: ModelSummarySchema,
    instructions: () => SUMMARY_PROMPT.instructions,
    toOutput: (answer) => ({
      task: 'summary',
      engine: 'model',
      title: 'Chart summary (model draft)',
      promptVersion: SUMMARY_PROMPT.version,
      sections: [{ heading: 'Synopsis', statements: [{ text: answer.synopsis, cites: [] }] }, ...answer.sections],
    }),
  },
});
