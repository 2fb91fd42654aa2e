/** Small hand-made records and truth objects for the truth scorer's tests. */
import { emptyRecord } from '../../utils/record/schema';
import { scoreRecord } from '../../scripts/lib/truth-score.mjs';

export type Item = Record<string, unknown>;

/** A truth object with only the lists given (the others empty). */
export function truth(lists: Record<string, unknown> = {}, patient: Record<string, unknown> = {}) {
  return {
    page: 'x.html',
    family: 'test',
    patient,
    problems: [],
    medications: [],
    allergies: [],
    labs: [],
    vitals: [],
    immunizations: [],
    optional: {},
    notes: [],
    ...lists,
  };
}

let n = 0;
/** A record item in Chartside's shape: `text` is the whole visible line unless given. */
export const item = (fields: Item) => ({
  id: `it-${++n}`,
  ref: `r${n}`,
  text: Object.values(fields).join(' '),
  ...fields,
});
/** A record in Chartside's shape with only the lists given. */
export function record(lists: Record<string, Item[]> = {}, patient: Record<string, unknown> = {}) {
  const empty = emptyRecord({ url: 'http://x', title: 'x', capturedAt: '2025-06-01T00:00:00Z' });
  return { ...empty, patient: { ...empty.patient, ...patient }, ...lists };
}

export const problems = (names: string[]) => names.map((name) => item({ name }));
export const recallOf = (rec: unknown, t: unknown, category = 'problems') => {
  const c = scoreRecord(rec, t).categories[category];
  return [c.matched, c.truthItems];
};
export const labMatched = (lab: Item, t: Item) =>
  scoreRecord(record({ labs: [item(lab)] }), truth({ labs: [t] })).values.labs.matched === 1;
export const vitalMatched = (vital: Item, t: Item) =>
  scoreRecord(record({ vitals: [item(vital)] }), truth({ vitals: [t] })).values.vitals.matched === 1;
