/**
 * What a draft leaves out that the clinician must see: allergies (and any allergy–drug conflict),
 * critical results, high-risk medicines, and why the patient is here — the reason for the visit,
 * the question the message asked. Checked the same way for offline and model drafts; each
 * omission cites the items it is about, so the clinician can open them.
 */
import { taskCard, type TaskOutput } from '../draft/schema';
import { allergyConflicts, criticalResults, highRiskMedications, keywordsOf, reasonsForVisit } from '../record/alerts';
import type { PatientRecord } from '../record/schema';
import { fold } from '../deidentify/text';

export type OmissionKind = 'allergy' | 'allergy-conflict' | 'critical-result' | 'high-risk-medication' | 'reason';

export interface Omission {
  kind: OmissionKind;
  /** "Not mentioned: …", for the clinician. */
  text: string;
  cites: string[];
}

/** A name's first word, as a draft would write it ("Warfarin 5 mg tablet" → "warfarin"). */
const firstWord = (name: string) => fold(name).match(/\p{L}{3,}/u)?.[0] ?? fold(name);

export function findOmissions(output: TaskOutput, record: PatientRecord): Omission[] {
  // What each task must not leave out is said beside its name, in the task catalog.
  const wanted = new Set(taskCard(output.task).mustMention);
  const statements = output.sections.flatMap((s) => s.statements);
  const said = fold(statements.map((s) => s.text).join('\n'));
  const saidStems = new Set((said.match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5)));
  const cited = new Set(statements.flatMap((s) => s.cites));
  const names = (text: string) =>
    new RegExp(`(?<!\\p{L})${firstWord(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u').test(said);
  const out: Omission[] = [];

  if (wanted.has('allergy')) {
    for (const allergy of record.allergies) {
      if (!cited.has(allergy.id) && !names(allergy.substance))
        out.push({
          kind: 'allergy',
          text: `Not mentioned: allergy to ${allergy.substance}${allergy.reaction ? ` (${allergy.reaction.toLowerCase()})` : ''}.`,
          cites: [allergy.id],
        });
    }
  }
  if (wanted.has('allergy-conflict')) {
    for (const { medication, allergy } of allergyConflicts(record)) {
      // Said when one statement is about both: it cites both, or names both.
      const together = statements.some((s) => {
        const text = fold(s.text);
        return (
          (s.cites.includes(medication.id) || text.includes(firstWord(medication.name))) &&
          (s.cites.includes(allergy.id) || text.includes(firstWord(allergy.substance)))
        );
      });
      if (!together)
        out.push({
          kind: 'allergy-conflict',
          text: `Not mentioned: ${medication.name} is current while the chart lists an allergy to ${allergy.substance}.`,
          cites: [medication.id, allergy.id],
        });
    }
  }
  if (wanted.has('critical-result')) {
    for (const lab of criticalResults(record)) {
      if (!cited.has(lab.id) && !names(lab.test))
        out.push({
          kind: 'critical-result',
          text: `Not mentioned: critical result ${lab.test} ${lab.value}${lab.unit ? ` ${lab.unit}` : ''}${lab.time ? ` (${lab.time})` : ''}.`,
          cites: [lab.id],
        });
    }
  }
  if (wanted.has('high-risk-medication')) {
    for (const { medication, kind } of highRiskMedications(record)) {
      if (!cited.has(medication.id) && !names(medication.name))
        out.push({
          kind: 'high-risk-medication',
          text: `Not mentioned: ${medication.name} (${kind}).`,
          cites: [medication.id],
        });
    }
  }
  if (wanted.has('reason')) {
    for (const reason of reasonsForVisit(record)) {
      // A reply cites the message in its greeting: only its words show it answered the question.
      const byCitation = output.task !== 'reply' && reason.cites.some((id) => cited.has(id));
      // A reply must answer the question; a summary or note may name the visit's reason in its own words.
      const keywords =
        (output.task === 'reply' ? reason.questionKeywords : undefined) ??
        (reason.keywords.length ? reason.keywords : keywordsOf(reason.text));
      const matched = keywords.filter((k) => saidStems.has(k)).length;
      const byWords = keywords.length > 0 && matched >= Math.max(1, Math.ceil(keywords.length / 3));
      if (byCitation || byWords) continue;
      if (output.task === 'reply' && !reason.cites.length) continue; // a reply answers the message, not the visit's reason
      out.push({
        kind: 'reason',
        text: `Not mentioned: ${reason.cites.length ? 'what the patient asked' : 'the reason for the visit'} — “${reason.text}”.`,
        cites: reason.cites,
      });
    }
  }
  return out;
}
