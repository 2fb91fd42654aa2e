/**
 * Parsers from one line of chart text to typed fields. They are deliberately conservative:
 * a field is filled only when the text clearly shows it; the item's `text` always keeps the whole.
 */
import { normalise } from './classify';

export const DATE_PATTERN =
  /\b(?:\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?|\d{1,2}-[A-Z][a-z]{2}-\d{2,4}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})(?:,? \d{1,2}:\d{2}(?: ?[AP]M)?)?/i;

const YEAR_PATTERN = /\b(19|20)\d{2}\b/;

export function findDate(text: string): string | undefined {
  return text.match(DATE_PATTERN)?.[0];
}

/** What ends a name: dashes, colons, semicolons, bars, commas, and the " · " that joins table cells. */
const TRAILING_SEPARATORS = /[\s,:;·|—–-]+$/;

/** Splits "Name — detail (more)" into its first part and the rest. */
function splitHead(text: string): [string, string] {
  const match = text.match(/^(.+?)(?:\s+[—–·-]\s+|\s*[:;|,]\s+|\s*\(|\s{2,})(.*)$/);
  return match ? [match[1].trim(), match[2].trim()] : [text.trim(), ''];
}

const DOSE =
  /\b\d+(?:[.,]\d+)?(?:\s*[-/]\s*\d+(?:\.\d+)?)?\s*(?:mg|mcg|µg|ug|g|mL|ml|L|units?|IU|mEq|meq|mmol|%|puffs?|tabs?|tablets?|caps?|capsules?|drops?|sprays?|patch(?:es)?)(?:\/(?:mL|ml|hr|h|kg|dose|actuation|day|spray))?(?![a-z])/i;
const ROUTE =
  /\b(PO|by mouth|oral(?:ly)?|IV|intravenous(?:ly)?|IM|intramuscular|SC|SQ|subcut(?:aneous(?:ly)?)?|sub-?q|inhaled|inhalation|via inhaler|topical(?:ly)?|sublingual(?:ly)?|SL|PR|rectal(?:ly)?|transdermal|ophthalmic|intranasal|nasal|nebuli[sz]ed|per rectum)\b/i;
const FREQUENCY =
  /\b(once daily|twice daily|three times (?:a day|daily)|four times (?:a day|daily)|every (?:morning|evening|night|other day|\d+(?:-\d+)? (?:hours?|days?|weeks?|months?))|at bedtime|daily|nightly|weekly|monthly|qd|qhs|qam|qpm|q\.?d\.?|b\.?i\.?d\.?|t\.?i\.?d\.?|q\.?i\.?d\.?|q\d+h|with meals|as needed|prn|once)\b(?:\s+(?:as needed|prn)(?: for [a-z ]+)?| for [a-z ]+)?/i;
/** A strength per volume or per dose ("100 unit/mL", "0.09 MG/ACTUAT", "40 mg/0.4 mL"). */
const CONCENTRATION =
  /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|units?|IU|mEq|mmol)\s*\/\s*(?:\d+(?:\.\d+)?\s*)?(?:mL|ml|L|actuat(?:ion)?|spray|dose|puff|tab|tablet|cap)\b/i;
const MED_STATUS = /\b(active|discontinued|stopped|held|on hold|completed|expired|inactive|suspended)\b/i;

/** Whether the text holds a dose ("1000 mg", "28 units", "2 puffs"). */
export function hasDose(text: string): boolean {
  return DOSE.test(text);
}

/** A strength then a dosage form, then more: "160-4.5 mcg inhaler …" — the product's name runs to the form. */
const STRENGTH_AND_FORM = new RegExp(
  `^(.+?${DOSE.source}\\s*(?:HFA\\s+)?(?:inhaler|tablets?|tabs?|capsules?|caps?|patch(?:es)?|solution|suspension|cream|ointment|pen|injection|spray|syrup|drops|auto-?injector|ER|XR|SR|DR))\\s+(.+)$`,
  'i',
);

export function parseMedication(text: string): {
  name: string;
  dose?: string;
  strength?: string;
  route?: string;
  frequency?: string;
  status?: string;
  start?: string;
} {
  const whole = normalise(text);
  // "Insulin glargine 100 unit/mL, inject 20 units …": a concentration is the product's strength;
  // the amount to take comes after it and is the dose.
  const concentration = whole.match(CONCENTRATION);
  if (concentration && concentration.index !== undefined) {
    const after = whole.slice(concentration.index + concentration[0].length);
    if (DOSE.test(after)) {
      const rest = parseMedication(after.replace(/^[\s,;:—–-]+/, ''));
      return {
        ...rest,
        name: whole.slice(0, concentration.index).replace(TRAILING_SEPARATORS, '').trim(),
        strength: concentration[0].trim(),
      };
    }
  }
  const product = whole.match(STRENGTH_AND_FORM);
  if (product && DOSE.test(product[2])) {
    // The strength is part of the product's name; the dose comes after it ("2 puffs").
    return { ...parseMedication(product[2]), name: product[1] };
  }
  const clean = whole;
  const dose = clean.match(DOSE);
  const route = clean.match(ROUTE);
  const frequency = clean.match(FREQUENCY);
  const status = clean.match(MED_STATUS);
  const startMatch = clean.match(/\b(?:start(?:ed)?|since|begun|from)\s*:?\s*/i);
  let start: string | undefined;
  if (startMatch)
    start =
      findDate(clean.slice((startMatch.index ?? 0) + startMatch[0].length)) ??
      clean.slice((startMatch.index ?? 0) + startMatch[0].length).match(YEAR_PATTERN)?.[0];
  // The name is what comes before the first structured part.
  const cut = Math.min(
    ...[dose, route, frequency, status].map((m) => (m?.index === undefined ? clean.length : m.index)),
    clean.search(/\s[—–·|-]\s|\s\(|;|,/) >= 0 ? clean.search(/\s[—–·|-]\s|\s\(|;|,/) : clean.length,
  );
  const name = clean.slice(0, cut).replace(TRAILING_SEPARATORS, '').trim() || splitHead(clean)[0];
  return {
    name,
    ...(dose ? { dose: dose[0].trim() } : {}),
    ...(route ? { route: route[0] } : {}),
    ...(frequency ? { frequency: frequency[0].trim() } : {}),
    ...(status ? { status: status[0].toLowerCase() } : {}),
    ...(start ? { start } : {}),
  };
}

const SEVERITY = /\b(mild|moderate|severe|life[- ]threatening|fatal|high|low|unknown)\b(?: severity)?/i;

export function parseAllergy(text: string): { substance: string; reaction?: string; severity?: string } {
  const clean = normalise(text);
  // "Sulfa (sulfonamide antibiotics) — Stevens-Johnson syndrome": the bracket names the substance.
  const named = clean.match(/^([^—–:;(]+\([^)]*\))\s*(?:[—–:;-]\s*(.*))?$/);
  const [substance, rest] = named ? [named[1].trim(), named[2] ?? ''] : splitHead(clean);
  const severity = clean.match(SEVERITY)?.[1];
  const reaction = rest
    .replace(SEVERITY, '')
    .replace(/\b(reaction|severity)\s*:?/gi, '')
    .replace(/[()]/g, '')
    .replace(/^[\s,;:—–-]+|[\s,;:—–-]+$/g, '')
    .trim();
  return {
    substance: substance.replace(/^(allergy|allergen)\s*:\s*/i, ''),
    ...(reaction ? { reaction } : {}),
    ...(severity ? { severity: severity.toLowerCase() } : {}),
  };
}

const PROBLEM_STATUS =
  /\b(active|resolved|inactive|chronic|in remission|remission|historical|recurrent|controlled|uncontrolled)\b/i;

export function parseProblem(text: string): { name: string; status?: string; onset?: string } {
  const clean = normalise(text);
  // The name runs to the first separator, status word or onset keyword — not to a comma, since
  // problem names carry commas ("Chronic kidney disease, stage 3a").
  // Brackets belong to the name ("Chronic diastolic (congestive) heart failure") unless they hold
  // a status, an onset or a date ("Pneumonia (onset July 3, 2013)").
  const aside = [...clean.matchAll(/\s\(([^)]*)\)?/g)].find(
    (m) =>
      PROBLEM_STATUS.test(m[1]) ||
      /\b(?:onset|since|diagnosed|noted|dx|resolved|resolution)\b/i.test(m[1]) ||
      findDate(m[1]) ||
      YEAR_PATTERN.test(m[1]),
  );
  const stops = [
    /\s[—–·-]\s/,
    /\s(?:active|resolved|inactive|in remission|historical)\b/i,
    /\s(?:onset|since|diagnosed|noted|dx)\b/i,
    /;|\s\|/,
  ]
    .map((re) => clean.search(re))
    .concat(aside?.index ?? -1)
    .filter((i) => i > 0);
  const name = clean.slice(0, stops.length ? Math.min(...stops) : clean.length).replace(TRAILING_SEPARATORS, '');
  const status = clean.slice(name.length).match(PROBLEM_STATUS)?.[1];
  const onsetMatch = clean.match(/\b(?:onset|since|diagnosed|noted|dx)\s*:?\s*/i);
  let onset: string | undefined;
  if (onsetMatch) {
    const after = clean.slice((onsetMatch.index ?? 0) + onsetMatch[0].length);
    onset = findDate(after) ?? after.match(YEAR_PATTERN)?.[0];
  } else {
    onset = findDate(clean.slice(name.length));
  }
  return { name, ...(status ? { status: status.toLowerCase() } : {}), ...(onset ? { onset } : {}) };
}

/** Results given in words. */
export const RESULT_WORDS = 'positive|negative|detected|not detected|reactive|non-reactive|normal|abnormal';
const VALUE = new RegExp(
  `(?:^|\\s|:)(\\d'\\s?\\d{1,2}(?:\\.\\d)?"|(?:[<>≤≥]=?\\s*)?-?\\d+(?:[.,]\\d+)?(?:\\/\\d+(?:\\.\\d+)?)?|${RESULT_WORDS}|trace)(?=\\s|$|[,;)(%])`,
  'i',
);
const UNIT =
  /^\s*(%|mg\/dL|mmol\/L|mEq\/L|g\/dL|g\/L|mL\/min(?:\/1\.73\s?m2|\/1\.73m²)?|ng\/mL|pg\/mL|µg\/L|ug\/L|mcg\/L|IU\/L|U\/L|mIU\/L|µIU\/mL|uIU\/mL|K\/uL|x?10\^?\d\/[uµ]?L|M\/uL|fL|pg|cells\/[uµ]L|mm\/hr|sec|seconds|mmHg|mm Hg|bpm|beats\/min|\/min|breaths\/min|°F|°C|F|C|kg\/m2|kg\/m²|kg|lb|lbs|cm|in|ratio|mg\/L|mg\/g|nmol\/L|pmol\/L)(?![a-z])/i;
const RANGE =
  /(?:ref(?:erence)?(?: range)?|normal|range)?\s*:?\s*\(?((?:[<>≤≥]\s*\d+(?:\.\d+)?)|(?:\d+(?:\.\d+)?\s*[-–]\s*\d+(?:\.\d+)?))\)?/i;
const FLAG = /(?:\b(HH|LL|H|L|High|Low|Critical(?: high| low)?|Abnormal|A)\b|([↑↓]))\s*\)?\s*$/;

const MONTH_BEFORE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** "Hemoglobin A1c 8.2 % (4.0–5.6) H" → test, value, unit, range, flag. */
export function parseLab(
  text: string,
): { test: string; value: string; unit?: string; range?: string; flag?: string } | undefined {
  const clean = normalise(text);
  const valueMatch = clean.match(VALUE);
  if (!valueMatch || valueMatch.index === undefined) return undefined;
  const valueStart = clean.indexOf(valueMatch[1], valueMatch.index);
  const test = clean
    .slice(0, valueStart)
    .replace(/[\s:=·|—–-]+$/, '')
    .trim();
  if (!test) return undefined;
  // "entered: MAY 12,2025": a number after a month is a day of a date, never a value.
  if (MONTH_BEFORE.test(test)) return undefined;
  // A result in words after a dash ("Blood Type — O Positive"): all of it is the value. (A number's qualifier before
  // it, "Glucose — POC 105", stays with the test.)
  const dashed = /\d/.test(valueMatch[1]) ? null : /^(.+?)\s[—–]\s(\p{L}{1,3}(?:\s\p{L}{1,3})?)$/u.exec(test);
  const afterValue = clean.slice(valueStart + valueMatch[1].length);
  const unit = afterValue.match(UNIT)?.[1];
  const rest = unit ? afterValue.slice(afterValue.indexOf(unit) + unit.length) : afterValue;
  const range = rest.match(RANGE)?.[1];
  const flagMatch = rest.match(FLAG);
  const flag = flagMatch?.[1] ?? flagMatch?.[2];
  return {
    test: dashed ? dashed[1] : test,
    value: dashed ? `${dashed[2]} ${valueMatch[1]}` : valueMatch[1],
    ...(unit ? { unit } : {}),
    ...(range ? { range: range.replace(/\s+/g, ' ') } : {}),
    ...(flag ? { flag } : {}),
  };
}

/** Splits a value cell like "8.2 %" or "142/88 mmHg" into value and unit. */
export function splitValueUnit(cell: string): { value: string; unit?: string; flag?: string } {
  const clean = normalise(cell);
  // A ratio is one value: a blood pressure "128/76", a titer "1:320".
  const match = clean.match(/^((?:[<>≤≥]=?\s*)?-?\d+(?:[.,]\d+)?(?:\/\d+(?:\.\d+)?|:\d+)?)\s*(.*)$/);
  if (!match) return { value: clean };
  let rest = match[2];
  const flagMatch = rest.match(FLAG);
  const flag = flagMatch ? (flagMatch[1] ?? flagMatch[2]) : undefined;
  if (flagMatch?.index !== undefined) rest = rest.slice(0, flagMatch.index).trim();
  rest = rest.replace(/[()]/g, '').trim();
  return { value: match[1], ...(rest ? { unit: rest } : {}), ...(flag ? { flag } : {}) };
}

export function parseVital(text: string): { name: string; value: string; unit?: string } | undefined {
  const lab = parseLab(text);
  if (!lab) return undefined;
  return { name: lab.test, value: lab.value, ...(lab.unit ? { unit: lab.unit } : {}) };
}

/** "Influenza vaccine — 10/02/2024" → name and date. */
export function parseNamedEvent(text: string): { name: string; date?: string } {
  const clean = normalise(text);
  const date = findDate(clean);
  // What the date leaves goes ("Flu shot (10/2/2024)" → "Flu shot ()"); a closed bracket stays ("Tdap (BOOSTRIX)").
  const name = (date ? clean.replace(date, '') : clean)
    .replace(/\(\s*\)/g, '')
    .replace(/[\s,:;·|—–(-]+$/, '')
    .replace(/[\s,]+(?:administered|given|performed|done|on|dated?)$/i, '')
    .replace(/^[\s,:;·|—–)-]+/, '')
    .trim();
  return { name: name || clean, ...(date ? { date } : {}) };
}

/** Boxes and buttons a form draws before its choices: ticked (☒ ☑ ◉ ●) or not (☐ ○). */
const CHOICE = /[☐☒☑◉○●]/u;
const TICKED = /^[☒☑◉●]/u;

/**
 * A form's answer without the choices left unticked: "97.9 °F ☒ Oral ☐ Temporal" is "97.9 °F, Oral"; "☐ NKA ☒ Sulfa —
 * rash ☒ Codeine" is "Sulfa — rash; Codeine" (`separator` between ticked choices). Text without boxes as it is.
 */
export function tickedAnswer(value: string, separator = ', '): string {
  if (!CHOICE.test(value)) return value;
  const pieces = value.split(/(?=[☐☒☑◉○●])/u);
  // Text before the first box is the answer itself ("97.9 °F ☒ Oral"); a box first, and every piece is a choice.
  const lead = CHOICE.test(pieces[0][0]) ? '' : pieces.shift()!.trim();
  const ticked = pieces.filter((choice) => TICKED.test(choice)).map((choice) => choice.slice(1).trim());
  return [lead, ...ticked].filter(Boolean).join(separator);
}
