/**
 * Queries over a record, the way every task needs it: what is active, what is current, the latest
 * result of each test with the one before it, dates as days. Shared by the offline tasks, the
 * next-step rules and the token budget.
 */
import type { Lab, Medication, PatientRecord, Problem, Vital } from './schema';
import { toIsoDate, toTimestamp } from './dates';

const ACTIVE = /active|chronic|uncontrolled|recurrent/i;
const INACTIVE = /resolved|inactive|historical|remission/i;
const STOPPED = /discontinued|stopped|completed|expired|inactive|held/i;

export function activeProblems(record: PatientRecord): Problem[] {
  return record.problems.filter((p) => !INACTIVE.test(p.status ?? '') && (ACTIVE.test(p.status ?? '') || !p.status));
}

export function currentMedications(record: PatientRecord): Medication[] {
  return record.medications.filter((m) => !STOPPED.test(m.status ?? ''));
}

const DAY = 86_400_000;

/** Days from a chart date to the day the page was read (undefined when the date is unreadable). */
export function daysBefore(record: PatientRecord, date: string | undefined): number | undefined {
  // From the start of the chart's day: a time of day on the date does not make it a day more recent.
  const day = toIsoDate(date);
  const when = day ? Date.parse(day) : 0;
  const now = Date.parse(record.source.capturedAt);
  return when && !Number.isNaN(now) ? Math.floor((now - when) / DAY) : undefined;
}

function normaliseTest(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface LabSeries {
  latest: Lab;
  previous?: Lab;
  /** Every other row of the same test, older: what a budget may leave out. */
  older: Lab[];
}

/** The latest result per test, with the one before it for a trend. */
export function latestLabs(labs: Lab[]): LabSeries[] {
  const byTest = new Map<string, Lab[]>();
  for (const lab of labs) {
    const key = normaliseTest(lab.test);
    byTest.set(key, [...(byTest.get(key) ?? []), lab]);
  }
  return [...byTest.values()].map((series) => {
    const sorted = [...series].sort((a, b) => toTimestamp(b.time) - toTimestamp(a.time));
    return { latest: sorted[0], previous: sorted[1], older: sorted.slice(2) };
  });
}

/** The latest result of the first test whose name matches. */
export function latestLab(record: PatientRecord, test: RegExp): LabSeries | undefined {
  return latestLabs(record.labs).find((series) => test.test(series.latest.test));
}

/** A lab's value as a number ("8.4", "<0.5", "1,200"); undefined when it is not one. */
export function numericValue(lab: Lab | Vital): number | undefined {
  const m = lab.value.replace(/,/g, '').match(/-?\d+(?:\.\d+)?/);
  return m ? Number(m[0]) : undefined;
}

export function isAbnormal(lab: Lab): boolean {
  return Boolean(lab.flag) && !/^n(ormal)?$/i.test(lab.flag ?? '');
}

export function describeLab({ latest, previous }: { latest: Lab; previous?: Lab }): string {
  const unit = latest.unit ? ` ${latest.unit}` : '';
  const flag = latest.flag ? ` (${latest.flag}${latest.range ? `; ref ${latest.range}` : ''})` : '';
  const when = latest.time ? ` on ${latest.time}` : '';
  const trend = previous ? `, previously ${previous.value}${previous.time ? ` on ${previous.time}` : ''}` : '';
  return `${latest.test} ${latest.value}${unit}${flag}${when}${trend}`;
}

export function latestVitals(vitals: Vital[]): Vital[] {
  const byName = new Map<string, Vital>();
  for (const v of vitals) {
    const key = v.name.toLowerCase();
    const known = byName.get(key);
    if (!known || toTimestamp(v.time) > toTimestamp(known.time)) byName.set(key, v);
  }
  return [...byName.values()];
}

/** The patient's age in years, when the banner gives it ("67", "67 y", "67 yrs"). */
export function ageInYears(record: PatientRecord): number | undefined {
  const m = record.patient.age?.match(/\d+/);
  return m ? Number(m[0]) : undefined;
}

/** The portal message being answered: the newest one not written by a clinician. */
export function messageToAnswer(record: PatientRecord) {
  const fromPatient = record.messages.filter((m) => !/\b(?:MD|DO|NP|PA|RN|Dr\.?)\b/.test(m.from ?? ''));
  const pool = fromPatient.length ? fromPatient : record.messages;
  return [...pool].sort((a, b) => toTimestamp(b.date) - toTimestamp(a.date))[0];
}
