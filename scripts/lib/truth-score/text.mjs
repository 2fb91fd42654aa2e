// The shared truth format's normalisation and the shape of a record: categories by key name or synonym, items
// and their string leaves. Part of the scorer in ../truth-score.mjs (the matching rule is described there).
export const CATEGORIES = ['problems', 'medications', 'allergies', 'labs', 'vitals', 'immunizations'];
export const VALUE_CATEGORIES = ['labs', 'vitals'];
export const PATIENT_FIELDS = ['given', 'family', 'birthDate', 'sex'];

// ---------------------------------------------------------------------------------------------------
// Normalisation

/** NFKD, accents dropped, lower case, each run of non-letters/digits -> one space, trimmed. */
export function norm(s) {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A key, for comparing key names: letters and digits only, lower case. */
export const keyOf = (k) => norm(k).replace(/ /g, '');

/** `hay` contains `needle` as whole words (both already normalised). */
export function containsWords(hay, needle) {
  if (!needle || !hay) return false;
  return ` ${hay} `.includes(` ${needle} `);
}

// ---------------------------------------------------------------------------------------------------
// Record shape

export const SYNONYMS = {
  problems: [
    'problems',
    'problem',
    'problemlist',
    'conditions',
    'condition',
    'diagnoses',
    'diagnosis',
    'diagnosislist',
    'activeproblems',
    'healthconcerns',
  ],
  medications: [
    'medications',
    'medication',
    'meds',
    'med',
    'medicationlist',
    'drugs',
    'drug',
    'prescriptions',
    'medicationstatements',
    'medicationrequests',
    'activemedications',
  ],
  allergies: [
    'allergies',
    'allergy',
    'allergyintolerances',
    'allergyintolerance',
    'allergiesandintolerances',
    'intolerances',
    'adversereactions',
  ],
  labs: [
    'labs',
    'lab',
    'labresults',
    'laboratoryresults',
    'laboratory',
    'results',
    'testresults',
    'diagnosticresults',
    'laboratorytests',
  ],
  vitals: ['vitals', 'vital', 'vitalsigns', 'vitalsign'],
  immunizations: [
    'immunizations',
    'immunization',
    'immunisations',
    'immunisation',
    'vaccines',
    'vaccine',
    'vaccinations',
    'vaccination',
  ],
};
export const PATIENT_KEYS = ['patient', 'demographics', 'patientdemographics', 'banner', 'patientbanner', 'subject'];
export const CATEGORY_OF = new Map(Object.entries(SYNONYMS).flatMap(([c, keys]) => keys.map((k) => [k, c])));

/** The items of one list value: an array, or an object grouping them under `items`/`entries`. */
export function itemsOf(value) {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value))
      if (['items', 'entries', 'list', 'data'].includes(keyOf(k)) && Array.isArray(v)) return v;
  }
  return [];
}

/** The record's six lists (items may be objects or strings) and its patient subtree. */
export function readRecord(record) {
  const lists = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
  let patient;
  const visit = (obj, depth) => {
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return;
    for (const [k, v] of Object.entries(obj)) {
      const key = keyOf(k);
      const category = CATEGORY_OF.get(key);
      if (category) lists[category].push(...itemsOf(v));
      else if (PATIENT_KEYS.includes(key) && v && typeof v === 'object' && patient === undefined) patient = v;
      // A record wrapped in one object (`{ record: {...} }`, `{ chart: {...} }`) is read through.
      else if (
        depth === 0 &&
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        ['record', 'chart', 'data', 'result', 'value'].includes(key)
      )
        visit(v, 1);
    }
  };
  visit(record, 0);
  return { lists, patient: patient ?? {} };
}

/** Keys whose strings are Chartside's own bookkeeping (item ids, element refs), not page text. */
export const BOOKKEEPING = new Set(['id', 'ref']);

/** Every string leaf of a value, with the path of keys above it. Numbers count as strings. */
export function leavesOf(value, path = [], out = []) {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (typeof value === 'number' && Number.isFinite(value)) out.push({ path, text: String(value) });
  else if (Array.isArray(value)) for (const v of value) leavesOf(v, path, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (path.length === 0 && BOOKKEEPING.has(keyOf(k))) continue;
      leavesOf(v, [...path, keyOf(k)], out);
    }
  }
  return out;
}
