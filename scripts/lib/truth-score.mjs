// Scores a captured record against a ground-truth file in the shared format
// (../shared/real-pages/README.md, "Truth files" and "How our scorer matches"), written from that rule:
//
//   - every string is normalised (NFKD, no accents, lower case, runs of non-letters/digits -> one space);
//   - a record's categories are found by key name or synonym; items may be objects or strings, and an
//     item's candidate texts are all its string leaves, at any depth;
//   - a truth item (names: `name`, `display`, `aliases`) is matched by a record item when one of the
//     item's leaves equals a name, contains it as whole words (or as a substring when the name has at
//     least 6 characters), or — the leaf having at least 6 characters and not being generic (a status,
//     a dosage form, a unit, a date...) — is contained in a name as whole words;
//   - recall: truth items, deduplicated by name, matched one-to-one (maximum matching) to record items;
//     values (labs, vitals): the same for (name, value) pairs, where the record item must also show the
//     truth value's key number(s), or a text value as whole words;
//   - precision: record items matching any required or optional truth item, over record items;
//   - patient: given and family names as words, a date that parses to the birth date, sex under a
//     sex/gender key, identifiers compared by letters and digits only; subtrees about other people
//     (guardian, contact, author, provider, organisation...) are ignored.
//
// Plain ESM so `npm run eval:capture`, the benches and the unit tests share it.

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
const keyOf = (k) => norm(k).replace(/ /g, '');

/** `hay` contains `needle` as whole words (both already normalised). */
export function containsWords(hay, needle) {
  if (!needle || !hay) return false;
  return ` ${hay} `.includes(` ${needle} `);
}

// ---------------------------------------------------------------------------------------------------
// Record shape

const SYNONYMS = {
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
const PATIENT_KEYS = ['patient', 'demographics', 'patientdemographics', 'banner', 'patientbanner', 'subject'];
const CATEGORY_OF = new Map(Object.entries(SYNONYMS).flatMap(([c, keys]) => keys.map((k) => [k, c])));

/** The items of one list value: an array, or an object grouping them under `items`/`entries`. */
function itemsOf(value) {
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
const BOOKKEEPING = new Set(['id', 'ref']);

/** Every string leaf of a value, with the path of keys above it. Numbers count as strings. */
function leavesOf(value, path = [], out = []) {
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

// ---------------------------------------------------------------------------------------------------
// Name matching

// Words that, alone or together with numbers and other such words, say nothing about which item a leaf
// is: statuses, severities, dosage forms, routes, frequencies, units, section words, month names. Such a
// leaf ("Active", "oral tablet", "twice daily", "mmol/L", "2025-06-03") is not used for the reverse
// containment of the rule (a leaf contained in a truth name).
const GENERIC = new Set(
  `
  active inactive resolved current past historical chronic acute completed complete discontinued stopped
  held hold on off pending final preliminary amended corrected cancelled canceled refused entered error
  unknown confirmed unconfirmed suspected provisional differential verified unverified recurrence relapse
  remission new ongoing prn not taking taken given administered documented recorded reported noted
  mild moderate severe high low normal abnormal critical positive negative
  tablet tablets tab tabs capsule capsules cap caps solution suspension injection injectable injectables
  inhaler inhalant inhalation aerosol cream ointment gel lotion patch patches spray drops drop syrup
  elixir powder lozenge suppository film chewable extended release delayed coated oral topical transdermal
  metered dose doses pack kit pen prefilled syringe vial ring vaginal nasal ophthalmic otic rectal
  sublingual buccal subcutaneous intramuscular intravenous intradermal im iv sc sq po pr sl
  by mouth daily twice once three four times every each day days week weeks month months year years
  hour hours hourly weekly monthly morning evening night bedtime at as needed with without meals food
  bid tid qid qd qhs qam qpm q4h q6h q8h q12h
  mg mcg ug g kg ml l dl mmol umol mol meq iu unit units mm hg mmhg cm m m2 kg m2 in ft lb lbs oz
  bpm min per percent c f degc degf x
  allergy allergies intolerance intolerances reaction reactions problem problems diagnosis diagnoses
  condition conditions medication medications medicine medicines drug drugs vaccine vaccines
  immunization immunizations immunisation vaccination lab labs laboratory result results test tests
  vital vitals sign signs status severity date onset start end value range reference flag note notes
  no none known yes nka nkda the and or of for to in
  jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
  september october november december
`
    .split(/\s+/)
    .filter(Boolean),
);

/** A leaf made only of generic words and numbers (see GENERIC). */
export function isGeneric(normalised) {
  const words = normalised.split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC.has(w) || /^\d/.test(w));
}

/** One normalised leaf against one normalised truth name, by the rule. */
export function leafMatchesName(leaf, name) {
  if (!leaf || !name) return false;
  if (leaf === name) return true;
  if (containsWords(leaf, name)) return true;
  if (name.length >= 6 && leaf.includes(name)) return true;
  if (leaf.length >= 6 && !isGeneric(leaf) && containsWords(name, leaf)) return true;
  return false;
}

/** A truth item's names, normalised: `name`, `display`, `aliases`. */
export function truthNames(item) {
  if (typeof item === 'string') return [norm(item)].filter(Boolean);
  const names = [item?.name, item?.display, ...(Array.isArray(item?.aliases) ? item.aliases : [])];
  return [
    ...new Set(
      names
        .filter((n) => typeof n === 'string')
        .map(norm)
        .filter(Boolean),
    ),
  ];
}

/** A record item, prepared: its leaves (raw and normalised) and a short label for reports. */
function prepareItem(item) {
  const leaves = leavesOf(item)
    .map((l) => ({ ...l, norm: norm(l.text) }))
    .filter((l) => l.norm);
  return { item, leaves, label: labelOf(item) };
}

function labelOf(item) {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    if (typeof item.text === 'string' && item.text) return item.text;
    const first = leavesOf(item)
      .map((l) => l.text)
      .filter(Boolean);
    return first.slice(0, 4).join(' | ');
  }
  return String(item);
}

function nameMatches(prepared, names) {
  return prepared.leaves.some((l) => names.some((n) => leafMatchesName(l.norm, n)));
}

// ---------------------------------------------------------------------------------------------------
// Value matching

/** Keys under which numbers are not the item's value: dates, ranges, flags, codes, statuses. */
const NOT_VALUE_KEY =
  /date|time|when|day|period|effective|issued|onset|start|end|range|reference|refrange|interval|normal|low|high|flag|interpretation|abnormal|code|system|loinc|snomed|status|state|verification|^ids?$|^refs?$/;

/** Numbers written in a string (commas in thousands ignored), as { value, decimals }. */
export function numbersIn(s) {
  const text = String(s ?? '')
    .normalize('NFKD')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const out = [];
  for (const m of text.matchAll(/(?<![\p{L}\d.])(\d+(?:\.\d+)?)/gu)) {
    const [int, frac = ''] = m[1].split('.');
    out.push({ value: Number(m[1]), decimals: frac.length, int, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A truth value's key numbers: the first number, or both numbers of a `132/88`-style value.
 * An empty list means a text value (`Pending`, `REACTIVE`).
 */
export function keyNumbers(value) {
  const text = String(value ?? '')
    .normalize('NFKD')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const nums = numbersIn(text);
  if (!nums.length) return [];
  const [a, b] = nums;
  if (b && /^\s*\/\s*$/.test(text.slice(a.end, b.index))) return [a, b];
  return [a];
}

/** One truth number against one record number: exact, within 0.5 %, or the truth rounded to the record's decimals. */
export function numberMatches(truth, record) {
  if (truth.value === record.value) return true;
  if (Math.abs(truth.value - record.value) <= 0.005 * Math.abs(truth.value)) return true;
  return Number(truth.value.toFixed(record.decimals)) === record.value;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A leaf with the truth item's name text taken out (so `A1c` or `SpO2` give no number). */
function withoutNames(text, names) {
  let out = String(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  for (const name of [...names].sort((x, y) => y.length - x.length)) {
    const words = name.split(' ').filter(Boolean);
    if (!words.length) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRe).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'gu');
    out = out.replace(re, ' ');
  }
  return out;
}

/** The record item shows the truth value (its name having matched). */
export function valueMatches(prepared, truthValue, names) {
  const leaves = prepared.leaves.filter((l) => !l.path.some((k) => NOT_VALUE_KEY.test(k)));
  const want = keyNumbers(truthValue);
  if (!want.length) {
    const text = norm(truthValue);
    return Boolean(text) && leaves.some((l) => containsWords(l.norm, text));
  }
  const have = leaves.flatMap((l) => numbersIn(withoutNames(withoutDates(l.text), names)));
  // Each key number must be found, the two of `132/88` in two different places.
  const used = new Set();
  return want.every((t) => {
    const i = have.findIndex((r, j) => !used.has(j) && numberMatches(t, r));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------
// Maximum matching

/** Size of a maximum one-to-one matching, and the pairs: `edges[i]` lists the record items truth item i may take. */
export function maximumMatching(edges, recordCount) {
  const owner = new Array(recordCount).fill(-1);
  const tryAssign = (i, seen) => {
    for (const j of edges[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] < 0 || tryAssign(owner[j], seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let i = 0; i < edges.length; i++) if (tryAssign(i, new Array(recordCount).fill(false))) size++;
  const pairOf = new Array(edges.length).fill(-1);
  owner.forEach((i, j) => {
    if (i >= 0) pairOf[i] = j;
  });
  return { size, pairOf };
}

// ---------------------------------------------------------------------------------------------------
// Patient

/** Keys of subtrees about someone other than the patient. */
const OTHER_PEOPLE =
  /guardian|contact|author|provider|organi[sz]ation|^org$|custodian|informant|performer|practitioner|clinician|physician|doctor|nurse|careteam|caregiver|nextofkin|^kin$|emergency|relative|relation|spouse|partner|parent|mother|father|child|employer|insurer|insurance|payer|payor|pcp|referr|attending|encounter|facility|location|legalauthenticator|participant/;
/** Patient leaves that are contact details, not identifiers. */
const CONTACT_DETAIL = /phone|telecom|tel$|mobile|fax|email|mail|address|street|city|postal|zip/;

function patientLeaves(patient) {
  return leavesOf(patient)
    .filter((l) => !l.path.some((k) => OTHER_PEOPLE.test(k)))
    .map((l) => ({ ...l, norm: norm(l.text) }));
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthOf = (word) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return 0;
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return 0;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][i];
  return full.startsWith(w) || w === 'sept' ? i + 1 : 0;
};
function isoDate(y, m, d) {
  const year = Number(y),
    month = Number(m),
    day = Number(d);
  if (!(year >= 1000 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= 31)) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Every date written in a string, as ISO: `1975-05-01` (with or without a time), `1975/05/01`,
 * `19750501` (HL7, with or without a time), `5/1/1975` and `5-1-1975` (month first; day first when the
 * first number cannot be a month), `1.5.1975` (day first), `1 May 1975`, `01-May-1975`, `May 1, 1975`,
 * `May 1st 1975`, `1975 May 1`.
 */
export function datesIn(s) {
  const text = String(s ?? '').normalize('NFKD');
  const found = new Set();
  for (const [re, read] of DATE_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const iso = read(m);
      if (iso) found.add(iso);
    }
  }
  return found;
}

const DATE_PATTERNS = [
  [
    /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g,
    (m) => isoDate(m[1], m[2], m[3]),
  ],
  [/(?<![\d.])(\d{4})(\d{2})(\d{2})(?:\d{2}){0,3}(?:[+-]\d{4})?(?![\d.])/g, (m) => isoDate(m[1], m[2], m[3])],
  [
    /(?<![\d./-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])/g,
    (m) => (Number(m[1]) > 12 ? isoDate(m[4], m[3], m[1]) : isoDate(m[4], m[1], m[3])),
  ],
  [/(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g, (m) => isoDate(m[3], m[2], m[1])],
  [
    /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th)?[\s-]+(\p{L}{3,}\.?)[\s,-]+(\d{4})(?!\d)/gu,
    (m) => isoDate(m[3], monthOf(m[2]), m[1]),
  ],
  [
    /(?<!\p{L})(\p{L}{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/gu,
    (m) => isoDate(m[3], monthOf(m[1]), m[2]),
  ],
  [/(?<!\d)(\d{4})\s+(\p{L}{3,}\.?)\s+(\d{1,2})(?!\d)/gu, (m) => isoDate(m[1], monthOf(m[2]), m[3])],
];

/** A string with its dates and clock times blanked, so their digits are not read as values. */
export function withoutDates(s) {
  let text = String(s ?? '').normalize('NFKD');
  for (const [re, read] of DATE_PATTERNS) text = text.replace(re, (...args) => (read(args) ? ' ' : args[0]));
  return text.replace(/(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?(?!\d)/gi, ' ');
}

function sexOf(text) {
  const words = norm(text).split(' ');
  if (words.some((w) => ['female', 'f', 'woman', 'girl', 'feminine'].includes(w))) return 'female';
  if (words.some((w) => ['male', 'm', 'man', 'boy', 'masculine'].includes(w))) return 'male';
  return undefined;
}

/** Letters and digits only, lower case. */
const alnum = (s) => norm(s).replace(/ /g, '');

/** An identifier is in a leaf: the leaf, or a run of its words, is the identifier in letters and digits. */
export function identifierIn(leafText, identifier) {
  const want = alnum(identifier);
  if (!want) return false;
  const words = norm(leafText).split(' ').filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let j = i; j < words.length && run.length < want.length; j++) {
      run += words[j];
      if (run === want) return true;
    }
  }
  return false;
}

/**
 * Patient checks: true/false per field shown in the truth (undefined when the truth has none).
 * @param {any} recordPatient
 * @param {any} [truthPatient]
 * @returns {PatientScore}
 */
export function scorePatient(recordPatient, truthPatient = {}) {
  const leaves = patientLeaves(recordPatient ?? {});
  const words = (value) => {
    const n = norm(value);
    return Boolean(n) && leaves.some((l) => containsWords(l.norm, n));
  };
  /** @type {PatientScore} */
  const out = { identifiers: { found: 0, shown: 0 }, missedIdentifiers: [] };
  out.given = truthPatient.given ? words(truthPatient.given) : undefined;
  out.family = truthPatient.family ? words(truthPatient.family) : undefined;
  if (truthPatient.birthDate) {
    const want = String(truthPatient.birthDate).slice(0, 10);
    // A date under a birth/DOB key, or else anywhere in the patient's own subtree.
    const birthLeaves = leaves.filter((l) => l.path.some((k) => /birth|dob|born/.test(k)));
    out.birthDate = [...birthLeaves, ...leaves].some((l) => datesIn(l.text).has(want));
  }
  if (truthPatient.sex) {
    const want = norm(truthPatient.sex);
    out.sex = leaves.some((l) => l.path.some((k) => /sex|gender/.test(k)) && sexOf(l.text) === want);
  }
  const ids = Array.isArray(truthPatient.identifiers) ? truthPatient.identifiers : [];
  const idLeaves = leaves.filter((l) => !l.path.some((k) => CONTACT_DETAIL.test(k)));
  const missed = [];
  let found = 0;
  for (const id of ids) {
    if (idLeaves.some((l) => identifierIn(l.text, id.value))) found++;
    else missed.push(`${id.type ?? 'identifier'} ${id.value}`);
  }
  out.identifiers = { found, shown: ids.length };
  out.missedIdentifiers = missed;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// One page

const STATUS_WORDS = {
  active: ['active', 'current', 'ongoing', 'chronic', 'recurrence', 'relapse'],
  resolved: ['resolved', 'inactive', 'historical', 'past', 'remission', 'completed'],
};

/** Deduplicates truth items by normalised name; a group's names are all its items' names. */
function groupByName(items) {
  const groups = new Map();
  for (const item of items) {
    const key = norm(typeof item === 'string' ? item : item?.name);
    if (!key) continue;
    const group = groups.get(key) ?? { key, items: [], names: new Set() };
    group.items.push(item);
    for (const n of truthNames(item)) group.names.add(n);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, names: [...g.names] }));
}

/**
 * @typedef {{ truthItems: number, matched: number, recordItems: number, precise: number }} CategoryCounts
 * @typedef {{ given?: boolean, family?: boolean, birthDate?: boolean, sex?: boolean,
 *   identifiers: { found: number, shown: number }, missedIdentifiers: string[] }} PatientScore
 * @typedef {{ category: string, kind: 'missed' | 'value' | 'extra', text: string }} Miss
 * @typedef {{ categories: Record<string, CategoryCounts>, values: Record<string, { pairs: number, matched: number }>,
 *   problemStatus: { shown: number, agreed: number }, patient: PatientScore, overallRecall: number | null,
 *   misses: Miss[] }} PageScore
 */

/**
 * Scores one captured record against one truth object.
 * @param {any} record a captured record (Chartside's PatientRecord, or any tolerated shape)
 * @param {any} truth a truth object in the shared format
 * @returns {PageScore}
 */
export function scoreRecord(record, truth) {
  const { lists, patient } = readRecord(record ?? {});
  const categories = {};
  const values = {};
  const misses = [];
  const problemStatus = { shown: 0, agreed: 0 };

  for (const c of CATEGORIES) {
    const recordItems = lists[c].map(prepareItem);
    const required = Array.isArray(truth?.[c]) ? truth[c] : [];
    const optional = Array.isArray(truth?.optional?.[c]) ? truth.optional[c] : [];
    const groups = groupByName(required);

    // Recall: maximum one-to-one matching of deduplicated truth items to record items.
    const edges = groups.map((g) => recordItems.flatMap((r, j) => (nameMatches(r, g.names) ? [j] : [])));
    const { size, pairOf } = maximumMatching(edges, recordItems.length);
    categories[c] = { truthItems: groups.length, matched: size, recordItems: recordItems.length, precise: 0 };
    groups.forEach((g, i) => {
      if (pairOf[i] < 0) misses.push({ category: c, kind: 'missed', text: g.items[0].name ?? String(g.items[0]) });
    });

    // Problem status: reported, not part of recall.
    if (c === 'problems') {
      groups.forEach((g, i) => {
        const status = g.items.find((it) => it?.status)?.status;
        if (!status || pairOf[i] < 0) return;
        problemStatus.shown++;
        const said = recordItems[pairOf[i]].leaves.filter((l) => l.path.some((k) => /status|state/.test(k)));
        const synonyms = STATUS_WORDS[norm(status)] ?? [norm(status)];
        if (said.some((l) => synonyms.some((w) => containsWords(l.norm, w)))) problemStatus.agreed++;
      });
    }

    // Precision: record items matching any required or optional truth item.
    const allNames = [...required, ...optional].map(truthNames);
    recordItems.forEach((r) => {
      if (allNames.some((names) => nameMatches(r, names))) categories[c].precise++;
      else misses.push({ category: c, kind: 'extra', text: r.label });
    });

    // Values: (name, value) pairs, deduplicated, matched one-to-one.
    if (VALUE_CATEGORIES.includes(c)) {
      const pairs = new Map();
      for (const item of required) {
        if (!item || typeof item !== 'object' || item.value === undefined || item.value === null || item.value === '')
          continue;
        const key = `${norm(item.name)}|${norm(item.value)}`;
        if (!pairs.has(key)) pairs.set(key, item);
      }
      const list = [...pairs.values()];
      const valueEdges = list.map((item) => {
        const names = truthNames(item);
        const valueNames = truthNames({ name: item.name, aliases: item.aliases }); // not `display`, which may hold the value
        return recordItems.flatMap((r, j) =>
          nameMatches(r, names) && valueMatches(r, item.value, valueNames) ? [j] : [],
        );
      });
      const matching = maximumMatching(valueEdges, recordItems.length);
      values[c] = { pairs: list.length, matched: matching.size };
      list.forEach((item, i) => {
        if (matching.pairOf[i] >= 0) return;
        const names = truthNames(item);
        // Listed only where the name was captured: a name not captured at all is already a `missed`.
        const named = recordItems.filter((r) => nameMatches(r, names)).map((r) => r.label);
        if (!named.length) return;
        const seen = `${named
          .slice(0, 3)
          .map((t) => `"${t}"`)
          .join(', ')}${named.length > 3 ? `, ... (${named.length} items)` : ''}`;
        misses.push({ category: c, kind: 'value', text: `${item.name} = ${item.value}; record has: ${seen}` });
      });
    }
  }

  const patientScore = scorePatient(patient, truth?.patient ?? {});
  for (const f of PATIENT_FIELDS)
    if (patientScore[f] === false) misses.push({ category: 'patient', kind: 'missed', text: f });
  for (const id of patientScore.missedIdentifiers) misses.push({ category: 'patient', kind: 'missed', text: id });

  return { categories, values, problemStatus, patient: patientScore, overallRecall: overallRecall(categories), misses };
}

// ---------------------------------------------------------------------------------------------------
// Aggregation

const ratio = (a, b) => (b > 0 ? a / b : null);

/** Mean of the category recalls that have truth items (null when none has). */
export function overallRecall(categories) {
  const recalls = CATEGORIES.filter((c) => categories[c]?.truthItems > 0).map(
    (c) => categories[c].matched / categories[c].truthItems,
  );
  return recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : null;
}

/**
 * @typedef {CategoryCounts & { recall?: number | null, precision?: number | null }} CategoryTotals
 * @typedef {{ pages: number, categories: Record<string, CategoryTotals>,
 *   values: Record<string, { pairs: number, matched: number, recall?: number | null }>,
 *   problemStatus: { shown: number, agreed: number }, overallRecall?: number | null,
 *   patient: Record<string, { found: number, pages: number }> & { identifiers: { found: number, shown: number } } }} Totals
 */

/** @returns {Totals} */
function emptyTotals() {
  return {
    pages: 0,
    categories: Object.fromEntries(
      CATEGORIES.map((c) => [c, { truthItems: 0, matched: 0, recordItems: 0, precise: 0 }]),
    ),
    values: Object.fromEntries(VALUE_CATEGORIES.map((c) => [c, { pairs: 0, matched: 0 }])),
    problemStatus: { shown: 0, agreed: 0 },
    patient: /** @type {Totals['patient']} */ ({
      ...Object.fromEntries(PATIENT_FIELDS.map((f) => [f, { found: 0, pages: 0 }])),
      identifiers: { found: 0, shown: 0 },
    }),
  };
}

function addScore(totals, score) {
  totals.pages++;
  for (const c of CATEGORIES)
    for (const k of ['truthItems', 'matched', 'recordItems', 'precise'])
      totals.categories[c][k] += score.categories[c][k];
  for (const c of VALUE_CATEGORIES) for (const k of ['pairs', 'matched']) totals.values[c][k] += score.values[c][k];
  totals.problemStatus.shown += score.problemStatus.shown;
  totals.problemStatus.agreed += score.problemStatus.agreed;
  for (const f of PATIENT_FIELDS) {
    if (score.patient[f] === undefined) continue;
    totals.patient[f].pages++;
    if (score.patient[f]) totals.patient[f].found++;
  }
  totals.patient.identifiers.found += score.patient.identifiers.found;
  totals.patient.identifiers.shown += score.patient.identifiers.shown;
}

/** Adds rates to summed counts: recall/precision per category, value recall, overall recall. */
function withRates(totals) {
  for (const c of CATEGORIES) {
    const t = totals.categories[c];
    t.recall = ratio(t.matched, t.truthItems);
    t.precision = ratio(t.precise, t.recordItems);
  }
  for (const c of VALUE_CATEGORIES) totals.values[c].recall = ratio(totals.values[c].matched, totals.values[c].pairs);
  totals.overallRecall = overallRecall(totals.categories);
  return totals;
}

/**
 * Sums page scores overall and per family (the truth's `family`), with recall and precision per
 * category, value recall, overall recall and patient fields found on N of M pages.
 * @param {Array<{ page?: string, family?: string, score: PageScore }>} pages
 * @returns {{ overall: Totals, byFamily: Record<string, Totals> }}
 */
export function aggregateScores(pages) {
  const overall = emptyTotals();
  const byFamily = {};
  for (const { family, score } of pages) {
    addScore(overall, score);
    addScore((byFamily[family ?? 'unknown'] ??= emptyTotals()), score);
  }
  withRates(overall);
  for (const totals of Object.values(byFamily)) withRates(totals);
  return { overall, byFamily };
}
