/**
 * The omission check on drafts with planted omissions: every offline draft of the demo patients
 * and the layout fixtures, faithful and with each must-see item taken out in turn. Prints the
 * figures: planted omissions flagged, false flags on faithful drafts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../scripts/portal/layouts/dashboard.mjs';
import { patients } from '../../scripts/portal/patients.mjs';
import { captureRecord } from '../../utils/capture/capture';
import { runOffline } from '../../utils/draft/offline';
import { TASKS, type Task, type TaskOutput } from '../../utils/draft/schema';
import { allergyConflicts, criticalResults, highRiskMedications, reasonsForVisit } from '../../utils/record/alerts';
import type { PatientRecord } from '../../utils/record/schema';
import { findOmissions } from '../../utils/verify/omissions';
import { loadPage } from './load-page';

async function capture(html: string): Promise<PatientRecord> {
  loadPage(html);
  let n = 0;
  return captureRecord(document, { register: () => `r${++n}` });
}

const charts: Array<[string, () => string]> = [
  ...patients.map((p) => [`demo ${p.id}`, () => renderDashboard(p)] as [string, () => string]),
  ...readdirSync('tests/fixtures/layouts')
    .filter((f) => f.endsWith('.html'))
    .map((f) => [`layout ${f}`, () => readFileSync(`tests/fixtures/layouts/${f}`, 'utf8')] as [string, () => string]),
];

type Target = { what: string; ids: string[]; words: string[] };
const fold = (t: string) => t.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
const firstWord = (t: string) => fold(t).match(/\p{L}{3,}/u)?.[0] ?? fold(t);

/** Everything the clinician must see in this record, as the planting knows it. */
function targets(record: PatientRecord, task: Task): Target[] {
  const out: Target[] = [];
  if (task === 'summary' || task === 'note') {
    for (const a of record.allergies)
      out.push({ what: `allergy ${a.substance}`, ids: [a.id], words: [firstWord(a.substance)] });
    for (const { medication } of highRiskMedications(record))
      out.push({ what: `high-risk ${medication.name}`, ids: [medication.id], words: [firstWord(medication.name)] });
    for (const r of reasonsForVisit(record)) out.push({ what: `reason ${r.text}`, ids: r.cites, words: r.keywords });
  }
  if (task === 'reply') {
    for (const r of reasonsForVisit(record).filter((r) => r.cites.length))
      out.push({ what: `question ${r.text}`, ids: [], words: r.questionKeywords ?? r.keywords });
    return out;
  }
  for (const lab of criticalResults(record))
    out.push({ what: `critical ${lab.test}`, ids: [lab.id], words: [firstWord(lab.test)] });
  for (const { medication, allergy } of allergyConflicts(record))
    out.push({
      what: `conflict ${medication.name}/${allergy.substance}`,
      ids: [medication.id, allergy.id],
      words: [firstWord(medication.name), firstWord(allergy.substance)],
    });
  return out;
}

/** The draft with every statement about the target taken out: it cites the target, or uses its words. */
function without(output: TaskOutput, target: Target): TaskOutput {
  const about = (text: string, cites: string[]) =>
    cites.some((id) => target.ids.includes(id)) ||
    target.words.some((w) =>
      fold(text)
        .match(/\p{L}{4,}|\p{L}{3}/gu)
        ?.some((word) => word.startsWith(w.slice(0, 5))),
    );
  return {
    ...output,
    sections: output.sections.map((s) => ({
      ...s,
      statements: s.statements.filter((st) => !about(st.text, st.cites)),
    })),
  };
}

describe('the omission check', () => {
  it('flags every planted omission and (almost) never a faithful draft; prints the figures', async () => {
    let planted = 0;
    let flagged = 0;
    let faithful = 0;
    let falseFlags = 0;
    const missed: string[] = [];
    const wrong: string[] = [];
    for (const [name, html] of charts) {
      const record = await capture(html());
      for (const task of TASKS) {
        const draft = runOffline(task, record);
        faithful++;
        const flags = findOmissions(draft, record);
        if (flags.length) {
          falseFlags++;
          wrong.push(`${name} ${task}: ${flags.map((f) => f.text).join(' | ')}`);
        }
        for (const target of targets(record, task)) {
          // Only what the faithful draft said can be taken out of it.
          if (findOmissions(draft, record).some((f) => f.text.includes(target.what.split(' ').slice(1).join(' '))))
            continue;
          planted++;
          const after = findOmissions(without(draft, target), record);
          if (after.length > flags.length) flagged++;
          else missed.push(`${name} ${task}: ${target.what}`);
        }
      }
    }
    console.log(
      `omission check: planted omissions flagged ${flagged}/${planted} (${((100 * flagged) / planted).toFixed(1)}%); faithful drafts flagged ${falseFlags}/${faithful} (${((100 * falseFlags) / faithful).toFixed(1)}%)`,
    );
    if (missed.length) console.log(`  missed: ${missed.join('\n          ')}`);
    if (wrong.length) console.log(`  false flags: ${wrong.join('\n               ')}`);
    expect(planted).toBeGreaterThan(40);
    expect(flagged).toBe(planted);
    expect(falseFlags / faithful).toBeLessThanOrEqual(0.05);
  }, 60_000);
});
