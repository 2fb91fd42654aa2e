// The patient: given and family names, birth date in any form, sex, identifiers by letters and digits;
// subtrees about other people left out. Part of ../truth-score.mjs.
import { containsWords, leavesOf, norm } from './text.mjs';

// ---------------------------------------------------------------------------------------------------
// Patient

/** Keys of subtrees about someone other than the patient. */
export const OTHER_PEOPLE =
  /guardian|contact|author|provider|organi[sz]ation|^org$|custodian|informant|performer|practitioner|clinician|physician|doctor|nurse|careteam|caregiver|nextofkin|^kin$|emergency|relative|relation|spouse|partner|parent|mother|father|child|employer|insurer|insurance|payer|payor|pcp|referr|attending|encounter|facility|location|legalauthenticator|participant/;
/** Patient leaves that are contact details, not identifiers. */
export const CONTACT_DETAIL = /phone|telecom|tel$|mobile|fax|email|mail|address|street|city|postal|zip/;

export function patientLeaves(patient) {
  return leavesOf(patient)
    .filter((l) => !l.path.some((k) => OTHER_PEOPLE.test(k)))
    .map((l) => ({ ...l, norm: norm(l.text) }));
}

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
export const monthOf = (word) => {
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
export function isoDate(y, m, d) {
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

export const DATE_PATTERNS = [
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

export function sexOf(text) {
  const words = norm(text).split(' ');
  if (words.some((w) => ['female', 'f', 'woman', 'girl', 'feminine'].includes(w))) return 'female';
  if (words.some((w) => ['male', 'm', 'man', 'boy', 'masculine'].includes(w))) return 'male';
  return undefined;
}

/** Letters and digits only, lower case. */
export const alnum = (s) => norm(s).replace(/ /g, '');

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
