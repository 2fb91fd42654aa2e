/**
 * The patient's banner in the forms pages print it: labelled values inside one cell, labels
 * without colons, identifiers with the system that issued them. Pure text functions; the reader
 * (build/) decides where a banner is.
 */
import { classifyLabel, type BannerField } from './classify';

export const NOT_A_NAME =
  /\b(health|portal|clinic|hospital|medical|center|centre|chart|dashboard|welcome|record|summary|system|care|patient|document|view|referral|request|report|form|letter|order|consult|fax|note)\b/i;
export const NAME_LIKE =
  /^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?[\p{Lu}][\p{L}'’.-]*(?:(?:,\s*|\s+)[\p{Lu}][\p{L}'’.-]*){1,4}$/u;

/**
 * Splits a banner value that carries more labelled fields ("Eve BETTERHALF Date of Birth: May 1,
 * 1975 Gender: Female Patient-ID: 444222222 (SSN)") into its own value and the fields after it. A
 * label is the one to four words before a colon that name a banner field.
 */
export function splitInlineLabels(value: string): { head: string; fields: Array<[BannerField, string]> } {
  const cuts: Array<{ start: number; end: number; field?: BannerField }> = [];
  for (const colon of value.matchAll(/:\s/g)) {
    const before = value.slice(0, colon.index);
    const words = before.split(/\s+/);
    let cut: (typeof cuts)[number] | undefined;
    for (let n = Math.min(4, words.length); n >= 1 && !cut; n--) {
      const label = words.slice(-n).join(' ');
      const field = classifyLabel(label);
      if (field) cut = { start: before.length - label.length, end: colon.index! + colon[0].length, field };
    }
    // A label Chartside has no field for ("Loc:", "Code Status:") still ends the value before it.
    if (!cut) {
      const other = before.match(/(?:^|\s)((?:[A-Z][A-Za-z.]*\s)?[A-Z][A-Za-z.]*)$/)?.[1];
      if (other && !QUALIFIER.test(other))
        cut = { start: before.length - other.length, end: colon.index! + colon[0].length };
    }
    if (cut) cuts.push(cut);
  }
  if (!cuts.length) return { head: value, fields: [] };
  const fields = cuts.flatMap((cut, i) =>
    cut.field
      ? [[cut.field, value.slice(cut.end, cuts[i + 1]?.start ?? value.length).trim()] as [BannerField, string]]
      : [],
  );
  return { head: value.slice(0, cuts[0].start).trim(), fields: fields.filter(([, v]) => v) };
}

/**
 * Banner parts written without colons: "DOB 02/11/1989", "MRN 3318407", "☎ (313) 555-0162",
 * "36 y · F". Each part starts with a label of one to three words, or is an age and sex.
 */
export function unlabelledBannerParts(parts: string[]): Array<[BannerField, string]> {
  const found: Array<[BannerField, string]> = [];
  for (const part of parts) {
    // A sex written out stands alone as a part ("Female · 70 yrs · DOB …"); a letter alone may be anything.
    if (SEX_WORD.test(part)) {
      found.push(['sex', part]);
      continue;
    }
    const ageSex = ageAndSex(part);
    if (ageSex.length) {
      found.push(...ageSex);
      continue;
    }
    const phone = part.match(/^(?:☎|📞|✆|tel\.?)\s*(\+?[\d(][\d ()./-]{6,})$/i);
    if (phone) {
      found.push(['phone', phone[1]]);
      continue;
    }
    const words = part.split(' ');
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const field = classifyLabel(words.slice(0, n).join(' '));
      const value = words.slice(n).join(' ');
      // Without a colon, "Patient Lists" is a menu, not a name: only fields whose values look like values.
      // An identifier has digits and no words: "Insurance Reject 3" is a work queue, "MRN 00471-328" a number.
      if (field?.startsWith('id:') && (!/\d/.test(value) || /\p{Lu}\p{Ll}{3,}/u.test(value))) continue;
      if (field && UNLABELLED_FIELDS.test(field) && value && !classifyLabel(value)) {
        found.push([field, value]);
        break;
      }
    }
  }
  return found;
}

/** An age with or without the sex, as banners write it: "36 y · F", "67 y.o. F", "45-year-old male", "♀ 40 y". */
export function ageAndSex(part: string): Array<[BannerField, string]> {
  const m = part.match(
    /^(?:(♀|♂)\s*)?(\d{1,3})\s*-?\s*(?:y\.?\s?o\.?|y\/o|yrs?\.?|years?(?:[- ]old)?|y)\s*[·,/]?\s*(male|female|[MF])?$/i,
  );
  if (!m) return [];
  const sex = m[3] ?? (m[1] === '♀' ? 'female' : m[1] === '♂' ? 'male' : undefined);
  return sex
    ? [
        ['age', m[2]],
        ['sex', sex],
      ]
    : [['age', m[2]]];
}

/** Fields a label without a colon may introduce: the value then shows what it is (a date, a number). */
const UNLABELLED_FIELDS = /^(?:birthDate|sex|age|phone|email|address|allergies|id:.*)$/;

/** A sex written out as a word of its own. */
export const SEX_WORD = /^(?:female|male)$/i;

/** Words that qualify a value rather than label another field ("Legal: Eve BETTERHALF"). */
export const QUALIFIER = /^(?:legal|official|usual|preferred|full|primary|home|work|mobile|cell)$/i;

/** Identifier types by the system a FHIR page shows beside the value. */
export const ID_SYSTEMS: Array<[RegExp, string]> = [
  [/us-ssn|\bssn\b|2\.16\.840\.1\.113883\.4\.1$/i, 'SSN'],
  [/passport/i, 'Passport'],
  [/2\.16\.840\.1\.113883\.4\.3\.\d+|driver/i, "Driver's license"],
  [/medicaid|medicare|member|insurance|payer/i, 'Insurance'],
  [/mrn|medical.?record|hospital|patient/i, 'MRN'],
];
export const SYSTEM_AND_VALUE = /((?:https?:\/\/|urn:(?:oid|uuid):)[^\s]+?):\s*([^\s,;]+)/gi;

/** Identifiers written as "system: value" (FHIR viewers), or "value (type)", else the value as shown. */
export function readIdentifiers(value: string, type: string): Array<{ type: string; value: string }> {
  const withSystems = [...value.matchAll(SYSTEM_AND_VALUE)].map((m) => ({
    type: ID_SYSTEMS.find(([re]) => re.test(m[1]))?.[1] ?? 'ID',
    value: m[2],
  }));
  if (withSystems.length) return withSystems;
  // "abc: 123 def: 456": several identifiers, each after the short name of its system.
  if (/^(?:[\w.-]{1,30}:\s*[^\s:]+\s*){2,}$/.test(value))
    return [...value.matchAll(/([\w.-]{1,30}):\s*([^\s:]+)/g)].map((m) => ({ type: 'ID', value: m[2] }));
  // "998991 (2.16.840.1.113883.19.5.99999.2), 111-00-2330 (SSN)": each value with its issuer or type.
  const entries = value.split(/,\s+(?=[^,()]+\()/);
  return entries.map((entry) => {
    const typed = entry.match(/^(.+?)\s*\(([^()]{1,60})\)$/);
    if (!typed) return { type, value: entry };
    return {
      type: /\bssn\b|social/i.test(typed[2]) ? 'SSN' : /passport/i.test(typed[2]) ? 'Passport' : type,
      value: typed[1].trim(),
    };
  });
}

/** Labels of the patient's own details: three in one block make it the patient's demographics wherever it sits. */
export function isPatientField(field: BannerField | undefined): boolean {
  return field !== undefined && !field.startsWith('enc:');
}
