/**
 * Draft note, SOAP or APSO, built from the record: Concise (top three problems, abnormal results),
 * Standard (all active problems, latest results), Detailed (trends, past problems, immunizations,
 * procedures). The plan holds only the next steps the clinician accepted: the engine never invents one.
 */
import { z } from 'zod';
import type { PatientRecord } from '../../record/schema';
import { NOTE_SECTIONS, type Statement, type TaskOptions, type TaskOutput } from '../schema';
import {
  activeProblems,
  currentMedications,
  describeLab,
  isAbnormal,
  latestLabs,
  latestVitals,
  messageToAnswer,
} from '../../record/queries';
import { messageQuestion, messageWords, sentencesOf } from '../../record/alerts';
import { toIsoDate, toTimestamp } from '../../record/dates';
import { problemStatement } from './summary';
import { describeMissing } from '../../record/category-state';
import { defineTask } from './define';

type NoteSection = (typeof NOTE_SECTIONS)[number];
const HEADINGS: Record<NoteSection, string> = {
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
};

/** The visit's own note: the one dated the day of the visit, else the newest that is not a phone or portal note. */
function visitNote(record: PatientRecord) {
  // Days, not instants: a note timed 10:12 on the visit's day is the visit's note.
  const visitDay = toIsoDate(record.encounter.date);
  const notes = [...record.notes].sort((x, y) => toTimestamp(y.date) - toTimestamp(x.date));
  return (
    (visitDay ? notes.find((n) => toIsoDate(n.date) === visitDay) : undefined) ??
    notes.find((n) => !/telephone|phone call|portal|message/i.test(`${n.title ?? ''} ${n.text.slice(0, 60)}`))
  );
}

/**
 * The history, from the visit: its reason, what its note records (not a message pasted with its
 * From:/Sent: lines), and — apart, dated — the question a portal message asked since.
 */
function subjective(record: PatientRecord): Statement[] {
  const out: Statement[] = [];
  const { reason, date } = record.encounter;
  if (reason) out.push({ text: `Reason for visit${date ? ` (${date})` : ''}: ${reason}.`, cites: [] });
  const note = visitNote(record);
  if (note) {
    const history = sentencesOf(messageWords(note.text, { subject: note.title, date: note.date }))
      .slice(0, 3)
      .join(' ');
    const from =
      note.title && note.date && !note.title.includes(note.date)
        ? `${note.title}, ${note.date}`
        : (note.title ?? note.date);
    if (history) out.push({ text: `History${from ? ` (${from})` : ''}: ${history}`, cites: [note.id] });
  }
  const message = messageToAnswer(record);
  if (message) {
    // A later day than the visit's (ISO days compare as strings); a message the same day is not "since the visit".
    const [sent, visit] = [toIsoDate(message.date), toIsoDate(date)];
    const after = sent !== undefined && visit !== undefined && sent > visit;
    const question = messageQuestion(message.text, message);
    out.push({
      text: `${after ? 'Since the visit, portal message' : 'Portal message'}${message.date ? ` (${message.date})` : ''}${message.subject ? `, “${message.subject}”` : ''}: “${question}”`,
      cites: [message.id],
    });
  }
  if (!out.length) out.push({ text: '[History from the visit: to be completed by the clinician.]', cites: [] });
  return out;
}

function objective(record: PatientRecord, length: TaskOptions['note']['length']): Statement[] {
  const out: Statement[] = [];
  const vitals = latestVitals(record.vitals);
  if (vitals.length)
    out.push({
      text: `Vitals: ${vitals.map((v) => `${v.name} ${v.value}${v.unit ? ` ${v.unit}` : ''}`).join(', ')}${vitals[0].time ? ` (${vitals[0].time})` : ''}.`,
      cites: vitals.map((v) => v.id),
    });
  const series = latestLabs(record.labs);
  const shown = length === 'concise' ? series.filter((s) => isAbnormal(s.latest)) : series;
  for (const s of shown) {
    const withTrend = length === 'detailed' || isAbnormal(s.latest) ? s : { latest: s.latest };
    out.push({
      text: describeLab(withTrend),
      cites: [s.latest.id, ...('previous' in withTrend && withTrend.previous ? [withTrend.previous.id] : [])],
    });
  }
  if (length !== 'concise') {
    const meds = currentMedications(record);
    if (meds.length)
      out.push({
        text: `Medications: ${meds.map((m) => [m.name, m.dose, m.frequency].filter(Boolean).join(' ')).join('; ')}.`,
        cites: meds.map((m) => m.id),
      });
  }
  out.push(
    record.allergies.length
      ? {
          text: `Allergies: ${record.allergies.map((a) => `${a.substance}${a.reaction ? ` (${a.reaction.toLowerCase()})` : ''}`).join(', ')}.`,
          cites: record.allergies.map((a) => a.id),
        }
      : { text: describeMissing(record, 'allergies', 'Allergies'), cites: [] },
  );
  if (length === 'detailed') {
    for (const i of record.immunizations)
      out.push({ text: `Immunization: ${i.name}${i.date ? ` (${i.date})` : ''}.`, cites: [i.id] });
    for (const p of record.procedures)
      out.push({ text: `Procedure: ${p.name}${p.date ? ` (${p.date})` : ''}.`, cites: [p.id] });
  }
  return out;
}

function assessment(record: PatientRecord, length: TaskOptions['note']['length']): Statement[] {
  const labs = latestLabs(record.labs);
  const active = activeProblems(record);
  const listed = length === 'concise' ? active.slice(0, 3) : active;
  // In priority order, unnumbered: a list number would read as a value to check.
  const out = listed.map((p) => problemStatement(p, record, labs));
  if (length === 'detailed') {
    for (const p of record.problems.filter((p) => !active.includes(p)))
      out.push({ text: `History: ${p.name}${p.status ? ` (${p.status.toLowerCase()})` : ''}.`, cites: [p.id] });
  }
  return out.length ? out : [{ text: 'No active problems were found on the page.', cites: [] }];
}

function plan(options: TaskOptions): Statement[] {
  if (!options.accepted.length)
    return [{ text: '[Plan: to be completed by the clinician. Next steps you accept are added here.]', cites: [] }];
  return options.accepted.map((s) => ({ text: s.text, cites: s.cites }));
}

export function noteOffline(record: PatientRecord, options: TaskOptions): TaskOutput {
  const { length, order, sections } = options.note;
  const build: Record<NoteSection, () => Statement[]> = {
    subjective: () => subjective(record),
    objective: () => objective(record, length),
    assessment: () => assessment(record, length),
    plan: () => plan(options),
  };
  const sequence: NoteSection[] =
    order === 'APSO'
      ? ['assessment', 'plan', 'subjective', 'objective']
      : ['subjective', 'objective', 'assessment', 'plan'];
  return {
    task: 'note',
    engine: 'offline',
    title: `Draft note, ${order} · ${length} (offline draft)`,
    sections: sequence.filter((s) => sections[s]).map((s) => ({ heading: HEADINGS[s], statements: build[s]() })),
  };
}

export const NOTE_PROMPT = {
  version: 'note-v1',
  instructions: (options: TaskOptions) => {
    const { length, order, sections } = options.note;
    const wanted = (
      order === 'APSO'
        ? ['assessment', 'plan', 'subjective', 'objective']
        : ['subjective', 'objective', 'assessment', 'plan']
    )
      .filter((s) => sections[s as NoteSection])
      .map((s) => HEADINGS[s as NoteSection]);
    const accepted = options.accepted.map((s) => `- ${s.text} (cites ${s.cites.join(', ') || 'none'})`).join('\n');
    return `Task: draft a clinical note from the record, sections in this order: ${wanted.join(', ')}.
Length: ${length === 'concise' ? 'concise — the three problems that matter most, abnormal results only' : length === 'detailed' ? 'detailed — every active problem with trends, past problems, immunizations and procedures' : 'standard — every active problem with its latest supporting data'}.
${sections.plan ? (accepted ? `The Plan holds exactly these next steps the clinician accepted, and nothing else:\n${accepted}` : 'The Plan is one statement: "[Plan: to be completed by the clinician.]" — never invent a plan.') : ''}
Answer with only a JSON object: {"sections": [{"heading": string, "statements": [{"text": string, "cites": [string]}]}]}.`;
  },
};

export const ModelNoteSchema = z.object({
  sections: z.array(
    z.object({
      heading: z.string(),
      statements: z.array(z.object({ text: z.string(), cites: z.array(z.string()).default([]) })),
    }),
  ),
});

export function noteFromModel(answer: z.infer<typeof ModelNoteSchema>, options: TaskOptions): TaskOutput {
  return {
    task: 'note',
    engine: 'model',
    title: `Draft note, ${options.note.order} · ${options.note.length} (model draft)`,
    promptVersion: NOTE_PROMPT.version,
    sections: answer.sections,
  };
}

export const noteTask = defineTask({
  offline: noteOffline,
  model: {
    version: NOTE_PROMPT.version,
    schemaName: 'draft_note',
    schema: ModelNoteSchema,
    instructions: NOTE_PROMPT.instructions,
    toOutput: noteFromModel,
  },
});
