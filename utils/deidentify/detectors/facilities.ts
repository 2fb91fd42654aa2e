/**
 * Facilities and named places by the word that says what they are ("Keystone Regional", "Ozanam Inn", "Lakeview
 * Behavioral Health"): the words, the pattern, and what keeps a department ("Trauma Center") or a sentence's opening
 * verb ("Visited Mass General Hospital") out of a name. Used by the geography detector.
 */
import clinicalServices from '../lexicons/clinical-services.json';
import { SERVICE_WORDS } from '../lexicons/names';
import { cued } from '../cues';
import { atSentenceStart, CAPITALISED_WORD as WORD, matches } from '../text';

export const FACILITY =
  "Park|Plaza|Mall|Beach|County|Township|Village|Hospital Center|Hospital|Medical Center|Health Center|Clinic|Associates|Urgent Care|ED|Emergency Department|Nursing Home|Rehabilitation Center|Rehab|Family Health|Internal Medicine|Medical Group|Pediatrics|Senior Center|Assisted Living|Elementary School|High School|Middle School|School|University|College|Pharmacy|Drugstore|Funeral Home|Parish|Church|Temple|Mosque|Synagogue|Dialysis Center|Surgery Center|Cancer Center|Laboratory|Laboratories|Imaging|Radiology|Pathology|Dermatopathology|Methodist|Presbyterian|Baptist|Memorial|Health System|Health Alliance|Healthcare|Shelter|Hotel|Correctional Facility|Home Care|Home Health|Senior Living|Living Center|Care Center|Hospice|Wellness Center|Health Partners|Medical Associates|Physical Therapy|Sleep Center|Heart Center|Eye Center|Orthopaedics|Orthopedics|Dermatology|Cardiology|Oncology|Urgent Care Center|Family Medicine|Family Practice|Regional|General|Elementary|Middle|Academy|Preschool|Daycare|Day Care|Institute|Behavioral Health|Behavioral|Manor|Inn|Lodge|Children['’]s|Center|Centre|Legal Services|Infirmary|Health Unit|Endocrinology|Neurology|Gastroenterology|Pulmonology|Nephrology|Rheumatology|Urology|Heart & Vascular|Heart and Vascular|Basilica|Cathedral|Chapel|Chapter House|Health Care Facility|Care Facility|Diagnostics|Home Respiratory|Apartments|Apts|Mobile Home Park|Trailer Park|Jail|Detention Center|Prison|Memory Care|Treatment Services|Treatment Center|Recovery Center|Drop-In Center|Family Dental|Sports PT";
export const FACILITY_WORD = new RegExp(`^(?:${FACILITY})$`);
const FACILITY_WORD_ANY_CASE = new RegExp(`^(?:${FACILITY})$`, 'i');

/**
 * Named places and facilities, in one cell of one line (a tab parts a table's cells): Wilson Park, Saint Vincent ED,
 * Riverside Renal Associates.
 */
const PLACE = new RegExp(
  `\\b(?:(?:Saint|St\\.|Mount|Mt\\.|San|Santa|Fort|Ft\\.|Lake|New|North|South|East|West) +)?(?:${WORD} +){0,3}${WORD} +(?:${FACILITY})\\b(?:[ \\t]+of[ \\t]+${WORD}(?:[ \\t]+${WORD}){0,2})?`,
  'g',
);

/** The same in a line typed in capitals ("FLOWN TO WIREGRASS REGIONAL", "VIA CLARK COUNTY FIRE"). */
const PLACE_IN_CAPITALS = new RegExp(
  // Only the words that name a place, not a service: "TRAVEL CLINIC" and "TB CLINIC" are departments.
  `\\b(?:[A-Z][A-Z'’-]{2,} +){1,3}(?:REGIONAL|MEMORIAL|HOSPITAL|MEDICAL CENTER|COUNTY|INFIRMARY|HEALTH SYSTEM|NURSING HOME|ASSOCIATES(?:,? (?:PLLC|LLC|PC|PA))?)\\b`,
  'g',
);

/** A named place of care written with a lower-case kind: "BroMenn Lakeside urgent care", "Cedar Knoll memory care". */
const NAMED_CARE = new RegExp(
  `\\b(?:${WORD} +){1,3}(?:urgent care|memory care|assisted living|nursing home|county)\\b`,
  'g',
);

/** Words before a facility word that make it a department: the clinic's services, and what departments treat. */
const DEPARTMENT_WORDS: ReadonlySet<string> = new Set([
  ...clinicalServices.words,
  ...clinicalServices.departmentWords,
  ...SERVICE_WORDS,
]);

/**
 * Named facilities, with a verb that opens the sentence left out ("Visited Mass General Hospital", "Attends Framingham
 * State University"; "Advised ED" names none), and departments left out.
 */
export function facilities(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const found of [...matches(text, PLACE), ...matches(text, PLACE_IN_CAPITALS), ...matches(text, NAMED_CARE)]) {
    const m = afterFunctionWords(found);
    if (!m) continue;
    const end = m.index + m[0].length;
    const first = m[0].match(/^\S+/)![0];
    if (atSentenceStart(text, m.index) && /(?:ed|s)$/.test(first)) {
      const rest = m[0].slice(first.length).replace(/^[ \t]+/, '');
      const hasName = !FACILITY_WORD.test(rest) && !isDepartment(rest);
      if (hasName) out.push({ start: end - rest.length, end });
      if (hasName || first.endsWith('ed')) continue;
    }
    if (!isDepartment(m[0])) out.push({ start: m.index, end });
  }
  return out;
}

/**
 * A name has no function words before its facility word: in a line typed in capitals, "GIVEN IN TRIAGE PER ED" is
 * "ED" alone (and names nothing); "Seen At Mercy Hospital" starts at "Mercy". Undefined when only the kind is left.
 */
function afterFunctionWords(m: RegExpExecArray): { index: number; 0: string } | undefined {
  const cut = [...m[0].matchAll(FUNCTION_WORD)].at(-1);
  if (!cut) return m;
  const rest = m[0].slice(cut.index + cut[0].length);
  return FACILITY_WORD_ANY_CASE.test(rest) ? undefined : { index: m.index + cut.index + cut[0].length, 0: rest };
}
const FUNCTION_WORD = /\b(?:in|per|to|at|for|from|with|by|on|and|or|the)[ \t]+/gi;

/**
 * A department, not a named facility: every word before the facility word is a clinical or service word ("Trauma
 * Center", "Sleep Center", "Surgeon General", "Cardiac Rehab Center"), where "Lakeview Behavioral Health" has a name.
 */
function isDepartment(place: string): boolean {
  const words = place.split(/[ \t]+/);
  const facility = words.findIndex((_, i) => FACILITY_WORD_ANY_CASE.test(words.slice(i).join(' ')));
  return facility > 0 && words.slice(0, facility).every((word) => DEPARTMENT_WORDS.has(word.toLowerCase()));
}

/**
 * A school named by "High" alone, where a school is said ("a senior at Mayo High", "running back for Grissom High JV"),
 * not a high reading ("at Very High risk").
 */
export const SCHOOL = cued(
  `\\b(?:at|attends|attending|for|from)[ \\t]+(?:the[ \\t]+)?(?<school>(?:${WORD}[ \\t]+){0,2}${WORD}[ \\t]+High)\\b(?![ \\t]+(?:risk|dose|grade|intensity|level|priority|suspicion|flow|output|fever)\\b)`,
  'd',
);
