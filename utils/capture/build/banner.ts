/**
 * The patient banner: labelled, inline and narrative demographics ("DOB: 03/14/1958 · MRN:
 * 00482913", "Female; born 5/18/2004") into the record's patient and encounter fields.
 */
import type { SectionReport } from '../../record/schema';
import { classifyLabel, isEmptyState, normalise, type BannerField } from '../classify';
import { findDate, parseAllergy, tickedAnswer } from '../fields';
import {
  ageAndSex,
  NAME_LIKE,
  NOT_A_NAME,
  readIdentifiers,
  SEX_WORD,
  splitInlineLabels,
  unlabelledBannerParts,
} from '../banner';
import { pushItem } from './items';
import type { BuildState } from './state';

/** "LAST,FIRST M", "Osei-Larkin, Wilhelmina": a family name in capitals or capitalised, a comma, the given names. */
const LAST_COMMA_FIRST = /^[\p{Lu}][\p{L}'’-]+,\s?[\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’.-]*){0,2}$/u;

/** A clinician's name: a title before it or a credential after it. */
const CLINICIAN_NAME = /^(?:dr\.?|doctor)\s|,?\s(?:md|do|np|pa-c|rn|pgy-?\d)\b/i;

/** A code in brackets after a name: letters and digits, at least one digit. */
const CODE_IN_BRACKETS = /\s*\((?=[A-Z0-9-]*\d)[A-Z0-9-]{3,}\)\s*$/;

const SEPARATOR_ENDS = /^[\s·•|;,]+|[\s·•|;,]+$/g;

const SSN_SHAPE = /(?<![\d-])(\d{3}-\d{2}-\d{4})(?![\d-])/g;

/** Reads label/value text ("DOB: 03/14/1958 · MRN: 00482913"); true when it was banner text. */
export function readBannerText(s: BuildState, text: string, shownParts: string[], el: Element): boolean {
  // Separators set in the text between bold values ("61 y · <b>Female</b> · DOB <b>09/02/1963</b>") are no part.
  const parts = shownParts.map((part) => part.replace(SEPARATOR_ENDS, '')).filter(Boolean);
  if (s.pendingLabel) {
    const field = s.pendingLabel;
    s.pendingLabel = undefined;
    if (!classifyLabel(text)) {
      setBanner(s, field, text, el);
      return true;
    }
  }
  const whole = classifyLabel(text);
  // A label alone waits for its value in the next element; a list label ("Allergies") alone is a title.
  if (whole && whole !== 'allergies') {
    s.touched.add('banner');
    s.pendingLabel = whole;
    return true;
  }
  const found: Array<[BannerField, string]> = [];
  const labelled = new Set<number>();
  for (let i = 0; i + 1 < parts.length; i++) {
    const field = classifyLabel(parts[i]);
    // A label without its colon among single words is a menu's item ("File Edit Patient Rx Help"): a name it gives
    // must read as one.
    if (field === 'name' && !parts[i].trim().endsWith(':') && !NAME_LIKE.test(parts[i + 1])) continue;
    if (field && !classifyLabel(parts[i + 1])) {
      // A list label's value is every part up to the next label, known or not: "Allergies:" then one chip an allergy.
      let end = i + 2;
      if (field === 'allergies')
        while (end < parts.length && !parts[end].endsWith(':') && !classifyLabel(parts[end])) end++;
      found.push([field, parts.slice(i + 1, end).join('; ')]);
      for (let k = i; k < end; k++) labelled.add(k);
      i = end - 1;
    }
  }
  // Between labelled values, an age and a sex stand without labels ("61 y · Female · DOB …").
  if (found.length)
    parts.forEach((part, i) => {
      if (labelled.has(i)) return;
      if (SEX_WORD.test(part)) found.push(['sex', part]);
      else found.push(...ageAndSex(part));
    });
  if (!found.length) {
    for (const piece of text.split(/\s*[·•|]\s*|\s{3,}/)) {
      const m = piece.match(/^([^:]{1,40}):\s*(.+)$/);
      const field = m && classifyLabel(m[1]);
      if (field) found.push([field, m[2]]);
    }
  }
  if (!found.length && parts.length > 1) found.push(...unlabelledBannerParts(parts));
  // A line of its own that can only be an age and sex ("67 y.o. F", under the name in a storyboard).
  if (!found.length && parts.length === 1) found.push(...ageAndSex(parts[0]));
  // Narrative banners: "Female; born 5/18/2004; MRN 448812".
  if (!found.length) {
    const pieces = text.split(/\s*[;·•|]\s*/).filter(Boolean);
    if (pieces.length > 1) found.push(...unlabelledBannerParts(pieces));
    if (found.length) for (const piece of pieces) if (SEX_WORD.test(piece)) found.push(['sex', piece]);
  }
  // A social security number stands unlabelled beside the name in some banners ("KOSTELNIK,WALTER J   999-48-3106"):
  // its shape is its label.
  for (const m of text.matchAll(SSN_SHAPE))
    if (!found.some(([, value]) => value.includes(m[1]))) found.push(['id:SSN', m[1]]);
  for (const [field, value] of found) setBanner(s, field, value, el);
  // "KOSTELNIK,WALTER J" alone on its line of a banner: a name in the form only names take. It stands if the banner
  // also shows a birth date or a record number (finishRecord).
  // A record number may follow in brackets ("MARCHBANKS, OTTOLINE R (W40218)"): the name is what stands before it.
  const named = text.replace(CODE_IN_BRACKETS, '');
  // It beats a name-like title seen before it (a product's name in the top bar), not another name of its form.
  if (
    !found.length &&
    parts.length === 1 &&
    LAST_COMMA_FIRST.test(named) &&
    !NOT_A_NAME.test(named) &&
    !(s.nameCandidate && LAST_COMMA_FIRST.test(s.nameCandidate.text))
  )
    s.nameCandidate = { text: normalise(named), el };
  // "Oyelaran, Desmond A." over a subtitle of labelled facts ("Preferred: “Des” · Language: English"): the name is the
  // first part.
  const head = parts[0]?.replace(CODE_IN_BRACKETS, '');
  if (
    !found.length &&
    parts.length > 1 &&
    head &&
    LAST_COMMA_FIRST.test(head) &&
    !NOT_A_NAME.test(head) &&
    /^[^:]{1,30}:/.test(parts[1]) &&
    !(s.nameCandidate && LAST_COMMA_FIRST.test(s.nameCandidate.text))
  ) {
    s.nameCandidate = { text: normalise(head), el };
    return true;
  }
  // The name often stands first in the strip, with no label ("Ezeudu, Adaeze N. · 36 y · F · DOB …").
  const first = parts[0];
  if (
    found.length &&
    first &&
    !classifyLabel(first) &&
    NAME_LIKE.test(first) &&
    !NOT_A_NAME.test(first) &&
    !found.some(([f]) => f === 'name')
  ) {
    s.nameCandidate ??= { text: first, el };
    if (!s.record.patient.name) s.record.patient.name = first;
  }
  return found.length > 0;
}

export function setBanner(s: BuildState, field: BannerField, rawValue: string, el: Element) {
  s.touched.add('banner');
  // A form's answer is its ticked choices; the allergy list keeps each ticked allergy apart (bannerAllergies).
  const split = splitInlineLabels(normalise(field === 'allergies' ? rawValue : tickedAnswer(rawValue)));
  for (const [inner, innerValue] of split.fields) setBanner(s, inner, innerValue, el);
  // "Legal: Eve BETTERHALF", "Preferred: …": a qualifier, not part of the value.
  const value = split.head.replace(/^(?:legal|official|usual|preferred|full)\s*:\s*/i, '');
  if (!value) return;
  const patient = s.record.patient;
  const encounter = s.record.encounter;
  const isPatientField = !field.startsWith('enc:');
  if (isPatientField && !patient.ref) patient.ref = s.register(el.parentElement ?? el);
  // A labelled name beats a name-like title seen before it ("REFERRAL REQUEST" over "PATIENT NAME: …").
  if (isPatientField && field !== 'name' && !patient.name && s.nameCandidate) {
    patient.name = s.nameCandidate.text;
  }
  switch (field) {
    case 'name':
      // A clinician under a name label ("Resident Name: Dr. Chidi Okafor" in a teaching hospital) is not the patient.
      if (!CLINICIAN_NAME.test(value)) patient.name ??= value;
      break;
    case 'birthDate': {
      patient.birthDate ??= findDate(value) ?? value.replace(/\s*\(.*\)$/, '');
      const age = value.match(/\((\d{1,3})\s*(?:y|yo|yrs?|years?)(?: old)?\b/i)?.[1];
      if (age) patient.age ??= age;
      break;
    }
    case 'sex':
      // A word, never a letter: "F" is female.
      // A form's coded answer ("1 - Male") is its word.
      patient.sex ??= /^f$/i.test(value)
        ? 'female'
        : /^m$/i.test(value)
          ? 'male'
          : (value.match(/^\d+\s*[-–]\s*(female|male)$/i)?.[1].toLowerCase() ?? value);
      break;
    case 'age':
      patient.age ??= value.match(/\d{1,3}/)?.[0].replace(/^0+(?=\d)/, '') ?? value; // "027Y" is 27
      break;
    case 'phone':
      if (!patient.phones.includes(value)) patient.phones.push(value);
      break;
    case 'email':
      if (!patient.emails.includes(value)) patient.emails.push(value);
      break;
    case 'address':
      patient.address ??= value;
      break;
    case 'allergies':
      bannerAllergies(s, value, el);
      break;
    case 'enc:date':
      encounter.date ??= findDate(value) ?? value;
      break;
    case 'enc:clinician':
      encounter.clinician ??= value;
      break;
    case 'enc:location':
      encounter.location ??= value;
      break;
    case 'enc:reason':
      encounter.reason ??= value;
      break;
    default: {
      for (const id of readIdentifiers(value, field.slice(3))) {
        // A number has digits: "Medicare: Part B" names a coverage, "Insurance: Cascadia PPO" a plan.
        if (isEmptyState(id.value) || !/\d/.test(id.value)) continue;
        if (!patient.identifiers.some((known) => known.type === id.type && known.value === id.value))
          patient.identifiers.push(id);
      }
    }
  }
}

/** "Allergies: Codeine (nausea); Peanut (anaphylaxis)" in the banner: the allergy list, shown there. */
export function bannerAllergies(s: BuildState, shown: string, el: Element) {
  const value = tickedAnswer(shown, '; ');
  const report: SectionReport = {
    heading: 'Allergies (patient banner)',
    category: 'allergies',
    count: 0,
    state: 'read',
  };
  s.record.capture.sections.push(report);
  if (isEmptyState(value)) {
    report.state = 'empty';
    return;
  }
  const before = s.record.allergies.length;
  for (const part of value.split(/\s*;\s*|,\s+(?![^()]*\))/)) {
    if (!part || !/\p{L}{2}/u.test(part)) continue; // "Allergies: 3" is a count badge, not an allergy
    const parsed = parseAllergy(part);
    pushItem(s, 'allergies', { ...parsed }, part, el);
  }
  report.count = s.record.allergies.length - before;
}
