/**
 * Names of things on EHR pages: section headings, banner labels, empty states.
 * Real EHRs use many synonyms for the same section; the lists below are what we have seen.
 */
import { ITEM_CATEGORIES, type ItemCategory } from '../record/schema';

export type SectionCategory = ItemCategory | 'patient' | 'encounter';

/** Sections whose entries are items of one kind, which a sub-heading may group (not notes, messages or kept text). */
export const LIST_SECTIONS: ReadonlySet<SectionCategory | undefined> = new Set(
  ITEM_CATEGORIES.filter((c) => c !== 'notes' && c !== 'messages' && c !== 'other'),
);

// Order matters: the first match wins ("Patient Messages" is messages, not patient;
// "Vital sign results" is vitals, not labs; "Allergies and Adverse Reactions" is allergies).
/**
 * Sections that are part of the chart but hold none of the record's typed lists: their tables are
 * read as text under their heading, never taken for problems or results by their column names
 * ("Diagnosis" in a family history is a relative's, not the patient's).
 */
const CONTEXT_SECTIONS =
  /\b(family (?:medical )?history|social history|functional status|advance directives?|insurance(?: providers)?|payers?|medical equipment|goals?|care team|pharmac(?:y|ies)|mental status|living situation)\b/i;

const SECTION_PATTERNS: Array<[SectionCategory, RegExp]> = [
  ['other', CONTEXT_SECTIONS],
  // "Sensitivities" in the plural only: "Culture & Sensitivity" is a result.
  ['allergies', /\b(allerg\w*|intolerances?|sensitivities|adverse (drug )?reactions?|nkda)\b/i],
  // "Last VS 0615": VS alone is vital signs only as a title's head word ("HTN vs anxiety" is not).
  [
    'vitals',
    /\b(vitals?|vital signs?|growth(?: charts?| parameters)?(?! (?:and|&) development)|anthropometrics?)\b|^(?:(?:last|latest|current|recent|admission)\s+)?VS\b/i,
  ],
  ['immunizations', /\b(immuni[sz]ations?|vaccin\w*)\b/i],
  [
    'medications',
    // A prescription of one therapy is its order ("Dialysis Prescription"); alone or current, it is the drug list.
    /\b(medications?|meds|prescriptions|drug list|medicines|active rx|med list|(?<!patient )administrations?)\b|^(?:(?:active|current|home|my|new|outpatient|discharge|pending)\s+)?prescription\b/i,
  ],
  ['messages', /\b(messages?|inbox|conversations?|message thread|secure messaging)\b/i],
  [
    'problems',
    // An after-visit summary names the visit's diagnoses "What we talked about today".
    /\b(problems?|diagnos[ie]s|conditions|medical history|past medical|pmh|active issues|health concerns|what we (?:talked about|discussed))\b/i,
  ],
  ['labs', /\b(labs?|laboratory|results|lab results|test results|chemistry|hematology|diagnostic reports?|inr)\b/i],
  ['procedures', /\b(procedures?|surgical history|surgeries|operations)\b/i],
  [
    'notes',
    /\b(notes?|progress|history of present illness|hpi|assessment|plan of care|plan|discharge summary|narrative|documentation|instructions)\b/i,
  ],
  ['encounter', /\b(encounters?|visits?|appointments?|admissions?)\b/i],
  ['patient', /\b(demographics?|patient (information|details|summary)|patient)\b/i],
];

/** The code a printed report sets before a section's title: "PL - Problem List", "MEDS - Outpatient Pharmacy". */
const REPORT_CODE = /^([A-Z]{1,5})\s+[-–—]\s+(?=\S)/u;

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Classifies a section heading, or returns undefined for headings that name no known section. */
export function classifyHeading(text: string): SectionCategory | undefined {
  // What follows a middle dot qualifies the title ("INR Log · Goal 2.0–3.0"): the title decides.
  const clean = normalise(text)
    .split(' · ')[0]
    .replace(/[:\u25b8\u25be\u25bc\u25b6+\-–—()\d]+$/u, '')
    .trim();
  if (!clean || clean.length > 80) return undefined;
  // A report's code names the section before its title does ("MEDS - Outpatient Pharmacy": the medication list).
  const code = clean.match(REPORT_CODE)?.[1];
  const byCode = code && code.length < clean.length ? classifyHeading(code) : undefined;
  if (byCode && byCode !== 'other' && byCode !== 'patient') return byCode;
  for (const [category, pattern] of SECTION_PATTERNS) if (pattern.test(clean)) return category;
  return undefined;
}

/** Words that qualify a section's name without naming anything in it ("Active Problems (3)"). */
const TITLE_FILLER =
  /\b(?:active|current|recent|known|all|list|lists|history|summary|and|or|of|the|for|patient|patient's|my|your|past|other|new|latest|chronic|documented|reported|reconciled|home|outpatient|inpatient|signs|earlier|older|prior|previous|more|additional|show|view|hidden|collapsed|hospital|orders?|admission|discharge|visit|today|review|flowsheet|panel|section|details|overview|registry|state|from|problem|shift|nursing|clinical|medical|daily|care|team|physician|provider|your|our|open|pending|last|office|visit|encounter|am|pm|morning|evening|overnight)\b|[#&/()[\]:,.\-–—+▸▾▼▶\d]+/giu;

/**
 * Title-like text that names a whole section, not one item of it: "Allergies and Adverse
 * Reactions" does, "Allergy to grass pollen" and "House dust mite allergy" do not (a card lists
 * each allergy in a line of its own that reads like a title). Used for titles without heading markup.
 */
export function isSectionTitle(text: string): boolean {
  const category = classifyHeading(text);
  if (!category) return false;
  const pattern = SECTION_PATTERNS.find(([c]) => c === category)![1];
  const rest = normalise(text)
    // A report's code before its title ("PL - Problem List", "ADR - Adverse Reactions/Allergies").
    .replace(REPORT_CODE, '')
    .replace(new RegExp(pattern.source, 'giu'), ' ')
    .replace(TITLE_FILLER, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
  // One word of its own before a list's plural name ("Systemic Medications", "Ocular Problem List"): a part of the
  // chart's list.
  return rest === '' || (!rest.includes(' ') && PLURAL_LIST_NAME.test(normalise(text)));
}

// Not "allergies" or "problems": "Seasonal allergies" and "Breathing problems" are items of a list.
const PLURAL_LIST_NAME = /\b(?:medications|problem list|vital signs|vitals|labs|lab results|immunizations)$/i;

/** The title before a dash and what follows it: "LAST OFFICE NOTE - 06/10/2025 - Dr X" → "LAST OFFICE NOTE". */
export function titleBeforeDash(text: string): string {
  return text.split(/\s+[-–—|]\s+/)[0];
}

/** Short text that reads as a section title even without heading markup ("Active Problems"). */
export function isTitleLike(text: string): boolean {
  // A count or a date in brackets after the title ("Problems (3)", "VITAL SIGNS (06/10/2025)").
  const clean = normalise(text).replace(/\s*\([^()]*\)$/, '');
  if (clean.length === 0 || clean.length > 48) return false;
  if (/\d{2,}|[.;!?]$/.test(clean)) return false;
  if (clean.split(' ').length > 6 || isEmptyState(clean)) return false;
  return classifyHeading(clean) !== undefined;
}

const EMPTY_STATE =
  /^(?:no known (?:drug |medication )?allergies|nkda|nka|nkfa|none|none (?:recorded|known|reported|documented|on file|listed)|nothing (?:recorded|to show|on file)|\(none\)|n\/a|no (?:active |current |recent )?(?:problems|medications|meds|results|labs|data|entries|items|allergies|immunizations|procedures|notes|messages|vitals|records?)(?: (?:recorded|on file|found|documented|to display|available))?|no data available|no records? found|empty|no (?:information|info|data) (?:about|on|for|regarding) [\w ]{3,40}|not (?:on file|recorded|documented)|patient has no known [\w ]{3,30})\.?$/i;

/** Is this text an empty-state marker ("No Known Allergies", "Nothing recorded", "(none)")? */
export function isEmptyState(text: string): boolean {
  return EMPTY_STATE.test(normalise(text));
}

/** The patient- and encounter-level labels of a banner or header table. */
export type BannerField =
  | 'name'
  | 'birthDate'
  | 'sex'
  | 'age'
  | 'phone'
  | 'email'
  | 'address'
  | 'allergies'
  | 'id:MRN'
  | 'id:SSN'
  | 'id:Insurance'
  | 'id:Account'
  | 'id:License'
  | 'enc:date'
  | 'enc:clinician'
  | 'enc:location'
  | 'enc:reason';

const BANNER_LABELS: Array<[BannerField, RegExp]> = [
  ['name', /^(patient(?: name)?|(?:resident|client|child'?s) name|name|full name|legal name)$/i],
  ['birthDate', /^(dob|d\.o\.b\.?|date of birth|birth ?date|born|birthdate)$/i],
  ['sex', /^(sex|gender|sex at birth|administrative (?:sex|gender)|legal sex)$/i],
  ['age', /^age$/i],
  [
    'id:MRN',
    /^(mrn|medical record (?:number|no\.?|#)|mr ?#|mr number|patient[- ]ids?|chart (?:number|no\.?|#)|patient identifiers?|identifiers?|icn|integration control (?:number|no\.?|#)|empi|(?:enterprise|medical|hospital|clinic|dental) (?:mrn|id)|client (?:id|number|no\.?|#)|pt\.? ?#|patient (?:number|no\.?|#)|resident (?:#|id|number|no\.?)|euid)$/i,
  ],
  ['id:License', /^(driver'?s? lic(?:\.|ense)?(?: (?:number|no\.?|#))?|dl ?#|dl (?:number|no\.?))$/i],
  ['id:SSN', /^(ssn|social security(?: number| no\.?| #)?)$/i],
  [
    'id:Insurance',
    /^(insurance(?: id| number)?|member id|health plan(?: id)?|plan id|policy(?: number| #)?|subscriber id|insurance member id|payer id|coverage|medicare(?: number| id| no\.?| #| mbi)?|medicaid(?: number| id| no\.?| #)?|mbi|medicare beneficiary (?:id|identifier|number))$/i,
  ],
  [
    'id:Account',
    /^(account(?: number| no\.?| #)?|acct(?: #)?|billing account|fin|csn|(?:visit|encounter) (?:number|no\.?|#))$/i,
  ],
  [
    'phone',
    /^(phone|ph|tel|telephone|telecom|home phone|mobile|cell|cell phone|work phone|phone number|contact number|preferred phone|contact info)$/i,
  ],
  ['email', /^(e-?mail|email address)$/i],
  ['address', /^(address|addr|home address|street address|residence|mailing address)$/i],
  ['allergies', /^(allergies|allergy|allergies\/intolerances|known allergies|alg)$/i],
  ['enc:date', /^(encounter date|visit date|date of (?:service|visit)|dos|admit date|admission date|encounter)$/i],
  [
    'enc:clinician',
    /^(provider|attending|attending physician|clinician|physician|author|seen by|rendering provider|primary care provider|pcp)$/i,
  ],
  ['enc:location', /^(location|facility|clinic|department|site|unit)$/i],
  ['enc:reason', /^(reason for visit|chief complaint|reason|visit reason|cc)$/i],
];

export function classifyLabel(label: string): BannerField | undefined {
  const clean = normalise(label)
    .replace(/:\s*$/, '')
    // A qualifier in brackets names which one, not another field: "name (official)", "address (home)".
    .replace(/\s*\([A-Za-z][A-Za-z .-]{0,19}\)$/, '')
    .trim();
  if (!clean || clean.length > 40) return undefined;
  // A count beside a list's label ("ALLERGIES (3)") says how many, not which field; "Phone (503)" is a number begun.
  const counted = clean.match(/^(.+?)\s*\(\d{1,3}\)$/)?.[1];
  if (counted) return classifyLabel(counted) === 'allergies' ? 'allergies' : undefined;
  // "Chart #" and "Visit #" as written first ("#" says it is a number), then without the sign ("DOB #").
  for (const candidate of clean.endsWith('#') ? [clean, clean.replace(/\s*#$/, '')] : [clean])
    for (const [field, pattern] of BANNER_LABELS) if (pattern.test(candidate)) return field;
  return undefined;
}
