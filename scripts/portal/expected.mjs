// What a clinician sees on each portal layout, derived from the patient's source data and the
// layout's visibility rules (collapsed cards, "Show all" cuts, closed tabs). The capture
// evaluation compares Chartside's record against this, never against its own output.
import { VISIBLE_ROWS } from './layouts/appgrid.mjs';

const vitalKeys = {
  dashboard: ['bp', 'hr', 'temp', 'weight', 'bmi', 'spo2'],
  document: ['bp', 'hr', 'temp', 'weight', 'bmi', 'spo2'],
  appgrid: ['bp', 'hr', 'spo2'],
  tabbed: [],
  messages: [],
  note: [],
};

/** The layout adapter each portal layout should be recognised as. */
export const EXPECTED_ADAPTER = {
  dashboard: 'card dashboard',
  document: 'C-CDA document',
  appgrid: 'app grid',
  tabbed: 'tabbed chart',
  messages: 'portal message thread',
  note: 'free-text note',
};

/** Banner fields each layout shows. */
const bannerFields = {
  dashboard: ['name', 'birthDate', 'sex', 'mrn', 'phone', 'address'],
  document: ['name', 'birthDate', 'sex', 'mrn', 'phone', 'address'],
  appgrid: ['name', 'birthDate', 'sex', 'mrn', 'phone', 'address'],
  tabbed: ['name', 'birthDate', 'sex', 'mrn', 'phone'],
  messages: ['name', 'birthDate', 'mrn'],
  note: ['name', 'birthDate', 'mrn'],
};

export function expectedRecord(p, layout) {
  const all = (list) => list;
  const none = () => [];
  const visible = {
    dashboard: {
      problems: all,
      medications: all,
      allergies: all,
      labs: all,
      immunizations: () => [],
      procedures: all,
      notes: all,
      messages: all,
    },
    document: {
      problems: all,
      medications: all,
      allergies: all,
      labs: all,
      immunizations: all,
      procedures: () => [],
      notes: (n) => n.slice(0, 1),
      messages: all,
    },
    appgrid: {
      problems: all,
      medications: all,
      allergies: all,
      labs: (l) => l.slice(0, VISIBLE_ROWS),
      immunizations: () => [],
      procedures: () => [],
      notes: () => [],
      messages: () => [],
    },
    tabbed: {
      problems: all,
      medications: all,
      allergies: all,
      labs: all,
      immunizations: () => [],
      procedures: () => [],
      notes: () => [],
      messages: () => [],
    },
    messages: {
      problems: none,
      medications: none,
      allergies: none,
      labs: none,
      immunizations: none,
      procedures: none,
      notes: none,
      messages: (m) => [...m].reverse(),
    },
    note: {
      problems: none,
      medications: none,
      allergies: none,
      labs: none,
      immunizations: none,
      procedures: none,
      notes: (n) => n.slice(0, 1),
      messages: none,
    },
  }[layout];
  const shown = {
    name: p.name.family,
    birthDate: p.birthDate,
    sex: p.sex,
    mrn: p.mrn,
    phone: p.phone,
    address: p.address,
  };
  return {
    banner: Object.fromEntries(bannerFields[layout].map((field) => [field, shown[field]])),
    problems: visible.problems(p.problems).map((x) => x.name),
    medications: visible.medications(p.medications).map((x) => x.name),
    allergies: visible.allergies(p.allergies).map((x) => x.substance),
    labs: visible.labs(p.labs).map((x) => `${x.test}|${x.value}`),
    vitals: p.vitals.flatMap((v) => vitalKeys[layout].map((k) => `${v[k]}|${v.date}`)),
    immunizations: visible.immunizations(p.immunizations).map((x) => x.name),
    procedures: visible.procedures(p.procedures).map((x) => x.name),
    notes: visible.notes(p.notes).map((x) => x.date),
    messages: visible.messages(p.messages).map((x) => `${x.from}|${x.date}`),
  };
}

/** The same keys, read off a captured record. */
export function capturedKeys(record) {
  return {
    problems: record.problems.map((x) => x.name),
    medications: record.medications.map((x) => x.name),
    allergies: record.allergies.map((x) => x.substance),
    labs: record.labs.map((x) => `${x.test}|${x.value}`),
    vitals: record.vitals.map((x) => `${x.value}|${x.time}`),
    immunizations: record.immunizations.map((x) => x.name),
    procedures: record.procedures.map((x) => x.name),
    notes: record.notes.map((x) => x.date),
    messages: record.messages.map((x) => `${x.from}|${x.date}`),
  };
}
