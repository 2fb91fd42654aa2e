/**
 * Names of people other than the patient (the patient's are known identifiers): found by the cues
 * around them — titles, credentials, family roles, sign-offs, "called by" — and by a first-name
 * dictionary, while clinical words and eponyms (Parkinson, Crohn, Hodgkin) are left alone.
 */
import type { Candidate, Detector, IdentifierType } from '../types';
import {
  AMBIGUOUS_FIRST_NAMES,
  CLINICAL_WORDS,
  SERVICE_WORDS,
  CLINICIAN_TITLES,
  CREDENTIAL_TOKEN,
  CREDENTIALS,
  EPONYM_AFTER,
  FIRST_NAMES,
  FUNCTION_WORDS,
  PERSON_TITLES,
  TITLE_TOKEN,
  TITLE_WORDS,
} from '../lexicons/names';
import { isDrugName } from '../../record/drugs';
import { isRegion } from '../regions';
import { TextCues, cued, cuedMatches } from '../cues';
import { familyNameRun, isFamilyNameByForm, listMates, recaseLowercase, signatureNames } from './name-context';
import {
  familyFirstFields,
  initialAndFamilyNames,
  lowerCaseNamesBeforeFacts,
  namesBeforePersonFacts,
  opensWithFirstName,
  PERSON_VERB,
  wordNamesBeforeVerbs,
} from './name-facts';
import {
  atSentenceStart,
  commaBefore,
  isAscii,
  isLetterAt,
  LETTERS,
  LOWER_LETTERS,
  UPPER_LETTERS,
  words,
} from '../text';

/** A name token: capitalised, with apostrophes and hyphens (O'Neil, Ordóñez-Reyes, McAllister). */
// The initial is tried first: "M." of "Abby M. Laidlaw" is an initial, not the word "M" (which would end the name).
const TOKEN = `(?:[${UPPER_LETTERS}]\\.(?=[ \\t]+[${UPPER_LETTERS}])|[${UPPER_LETTERS}][${LETTERS}'’]*(?:-[${LETTERS}][${LETTERS}'’]*)*)`;
/** Lower-case particles inside names: van der Berg, de la Cruz, bin Said. */
const PARTICLE = '(?:van|von|der|den|de|del|della|la|le|da|di|du|dos|das|bin|ibn|al|el|ter|ten|y)';
/**
 * One to four name tokens on one line, particles allowed between them. A possessive ends the name: "Mr. Jones's COPD",
 * "Ms. Smith's MS flare" keep the diagnosis.
 */
/** Parts of one name stand one or two spaces apart: three or more, or a tab, part the fields of a table-like line. */
const NAME = `${TOKEN}(?:(?<!['’]s) {1,2}(?:${PARTICLE} {1,2})*${TOKEN}){0,3}`;
/** A name after a title may start with a particle ("Dr. van der Berg"). */
const TITLED_NAME = `(?:${PARTICLE}[ \\t]+)*${NAME}`;

export const RELATIONS =
  '(?:son|daughter|brother|sister|mother|father)-in-law|baby|infant|newborn|twin|supervisor|manager|teacher|coach|lawyer|attorney|son|daughter|wife|husband|mother|father|mom|dad|brother|sister|partner|spouse|fianc[eé]e?|boyfriend|girlfriend|grandson|granddaughter|grandmother|grandfather|grandma|grandpa|aunt|uncle|niece|nephew|cousin|neighbou?r|friend|caregiver|roommate|guardian|stepson|stepdaughter|stepmother|stepfather|child|children|kid|kids|grandchild|sibling|interpreter|landlord|coworker|co-worker|boss|pastor';
/**
 * Words that say the next words are a name ("maiden name is Clark", "named him Frank"): what follows is taken even
 * when it is also a clinical or English word, as a relation's name is.
 */
const NAMING_CUES =
  "prefers to be called|preferred name|nickname|a\\.k\\.a\\.|aka|named him|named her|last name is|first name is|surname is|maiden name is|family name is|last name\\?|first name\\?|surname\\?|what(?:['’]s| is) your name\\?|under (?:my|her|his|the) (?:\\w+['’]s )?name";
/** Words a person's name often follows ("seen by", "referred to"), where a department or a place may follow instead. */
export const NAME_CUES =
  'goes by|called by|calls me|call her|call him|call back|called back|spoke with|spoke to|seen by|seen with|accompanied by|visited by|signed by|electronically signed by|dictated by|reviewed by|referred by|referred to|co-signed by|covering for|cover for|covered by|signed out to|handed off to';
/**
 * "Follow up with" is followed by a test, a service or a shop far more often than by a person ("follow up with stress
 * test", "f/u with Walgreens", "follow up with Hemoglobin A1c"): the name after it must open with a first name. It
 * still finds what the dictionary alone leaves, a first name that is also a word ("follow up with Hope Garza").
 */
const FOLLOW_UP_CUES = 'follow(?:ed)? up with|follow-up with|f/u with';
/** Header labels: a name after them only with the colon ("From: Maria", not "from Providence"). */
export const NAME_LABELS =
  'name|full name|patient name|from|to|sender|author|provider|pcp|attending|emergency contact|contact|patient|caller|recipient|member|insured|subscriber|parent|guardian|parent/guardian|injured worker|employee|client|student';
const SIGN_OFFS =
  'thanks|thank you|sincerely|regards|best|best regards|kind regards|warmly|love|cheers|respectfully|take care';

/** Every word a clinical or service word: "Case Management", "Parkinson's", "Primary Care" name no person. */
function isClinical(name: string): boolean {
  return words(name, true).every((token) => {
    const lower = token.toLowerCase().replace(/['’]s$/, '');
    return CLINICAL_WORDS.has(lower) || SERVICE_WORDS.has(lower);
  });
}

/** Strips trailing credentials and labels: "James  DO" (a credential) and "James  DOB" (a label) are "James". */
function trimName(name: string): string {
  let end = name.length;
  for (;;) {
    const cut = Math.max(name.lastIndexOf(' ', end - 1), name.lastIndexOf('\t', end - 1));
    if (!CREDENTIAL_TOKEN.test(name.slice(cut + 1, end))) break;
    end = cut < 0 ? 0 : cut;
    while (end > 0 && (name[end - 1] === ' ' || name[end - 1] === '\t')) end--;
    if (cut < 0) break;
  }
  return name.slice(0, end);
}

/**
 * @param strong the cue leaves no doubt it is a person (a title, a credential, a family role): the
 * name stands even when it is also a clinical word ("Ms. Jones", "Dr. Parkinson").
 */
function push(found: Candidate[], text: string, start: number, raw: string, type: IdentifierType, strong = false) {
  const name = trimName(raw);
  // "referred to Dr. Osei": the cue reached a title; the title pattern reads the name after it.
  if (!name || (!strong && isClinical(name)) || TITLE_TOKEN.test(words(name)[0])) return;
  if (EPONYM_AFTER.test(text.slice(start + name.length, start + name.length + 30))) return;
  // "4 North", "7 West": a hospital unit by its floor and wing.
  if (/^(?:North|South|East|West)$/i.test(name) && /\d[ \t]*$/.test(text.slice(Math.max(0, start - 4), start))) return;
  found.push({ start, end: start + name.length, type });
}

/*
 * Two stages, for speed: one pass finds every cue (a title, a family role, "called by", "From:",
 * a sign-off, a greeting, a credential), then a sticky match reads the name right where the cue
 * puts it. Nine patterns that each scanned the whole text did the same work nine times.
 */

/**
 * Titles are matched as written: "MS" (multiple sclerosis) is not "Ms.", and a lower-case "ms." or "mr." ends a
 * sentence of clinical text far more often than it opens a name ("QRS 90 ms. Normal sinus rhythm", "mild mr.").
 */
const TITLE_SCAN = cued(`(?:(?<clinician>${CLINICIAN_TITLES})|(?<person>${PERSON_TITLES}))\\.?\\s+`);
/**
 * A title typed in lower case ("join accounts with ms. Marcela") is a cue only before a known first name, and not
 * after a number or a grade, where "ms." is milliseconds and "mr." mitral regurgitation ("QRS 90 ms. Normal…").
 */
const LOWER_TITLE_SCAN = cued('(?:mr|mrs|ms|miss)\\.[ \\t]+');
const MEASURE_BEFORE = /(?:\d|\b(?:trace|trivial|mild|moderate|severe|no|of))[ \t]*$/i;
/** The other cues in any case; each named group says what kind of cue it was. */
const CUE_SCAN = cued(
  `(?:(?<relation>${RELATIONS})(?:(?:\\s+(?:is|was)\\s+(?:called|named)|\\s+is|\\s+named|\\s+called|,)?\\s+|[ \\t]*\\([ \\t]*)|(?<naming>${NAMING_CUES})\\s*:?[ \\t]+|(?<cue>${NAME_CUES})\\s*:?[ \\t]+|(?<followUp>${FOLLOW_UP_CUES})[ \\t]+|(?<pt>pt)[ \\t]+|(?<role>pharmacist|aide|sitter|caseworker|chaplain|doula|midwife|counsel+or)[ \\t]+|(?<label>${NAME_LABELS})\\s*:[ \\t]*|(?<signoff>${SIGN_OFFS})[,!.]?\\s+|(?<greeting>hi|hello|dear|hey|good (?:morning|afternoon|evening))\\s+|(?<introduced>my name is|my name's|name is|call me|i'm|i am|this is)[ \\t]+)`,
  'i',
);
/** "'s daughter" after a name: whose relative someone is. */
const RELATION_OF = new RegExp(`^['’]s[ \\t]+(?:${RELATIONS})\\b`, 'i');
/** Speech after a quotation: '…in that direction," says Willemine ten Pas.' */
const SAYS = cued('(?:says|said)[ \\t]+');
const QUOTE_BEFORE = /[”"’'],?[ \t]*$/;
/** Cues that come after the name: "Sarah Whitfield, MD", "Seun (preferred name)". */
const CREDENTIAL_AFTER = cued(`(?:${CREDENTIALS})\\b`);
const PREFERRED_AFTER = cued('(?:preferred|nickname|goes by|prefers)\\b');
const SPACE = /\s/;
/** Two-letter states that are also credentials (Massachusetts, Pennsylvania, Maryland), then a ZIP code. */
const STATE_THEN_ZIP = /^,?\s*(?:MA|PA|MD)\s+\d{5}(?:-\d{4})?\b/;

/**
 * Where a name may end before its cue: the start of ", MD" (comma and spaces before a credential)
 * or of " (preferred" — as /(,?\s+CREDENTIAL\b)|([ \t]*\((?:preferred…)\b)/g would find them,
 * read back from the cue words the index already found instead of scanning every position.
 */
export function afterNameCues(
  text: string,
  cues: TextCues = new TextCues(text),
): Array<{ index: number; credential: boolean }> {
  const out: Array<{ index: number; credential: boolean }> = [];
  for (const m of cuedMatches(cues, CREDENTIAL_AFTER)) {
    let j = m.index;
    while (j > 0 && SPACE.test(text[j - 1])) j--;
    if (j === m.index) continue; // the credential must follow a space
    if (text[j - 1] === ',') j--;
    out.push({ index: j, credential: true });
  }
  for (const m of cuedMatches(cues, PREFERRED_AFTER)) {
    if (text[m.index - 1] !== '(') continue;
    let j = m.index - 1;
    while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\t')) j--;
    out.push({ index: j, credential: false });
  }
  return out;
}

const NAME_AT = new RegExp(NAME, 'y');
/** The given names after a family name and its comma. */
const LABELLED_GIVEN = new RegExp(`^,[ \\t]*${TOKEN}(?:[ \\t]+${TOKEN})?`);
const TITLED_NAME_AT = new RegExp(TITLED_NAME, 'y');
const NAME_BEFORE = new RegExp(`(?:${NAME})$`);
const LINE_END = /^[ \t]*(?:[.!]?[ \t]*(?:\r?\n|$))/;
/** After a name, what only a patient has: "(MRN", "(heart tx", ", 44M", " 62M", ", DOB". */
/** What a note says a patient did, capitalised in a template: "pt Tolerated Procedure", "pt Denies Pain". */
const PT_VERB =
  /^(?:denies|denied|reports|reported|states|stated|tolerated|tolerates|presents|presented|complains|endorses|notes|returns|returned|remains|agrees|declines|declined|refuses|refused|understands|verbalized|admitted|discharged|seen|ambulating|resting|feeling)$/i;
const PT_NAME_FACTS = /^(?:[ \t]*\(|,?[ \t]+\d{1,3}[ \t]?[MFmf]\b|,?[ \t]+(?:DOB|MRN)\b)/;
const GREETING_END = /^\s*[,:!]/;
/** Candidate first-name tokens for the dictionary: Capitalised, or ALL CAPS of five letters or more. */
const TOKEN_SCAN = new RegExp(`[${UPPER_LETTERS}][${LOWER_LETTERS}]+|[A-Z]{5,}`, 'g');
/** A family name and a comma before a first name: "Desai, " of "Desai, Ravi", "MacAllister, " of "MacAllister, Ann". */
const FAMILY_BEFORE_COMMA = new RegExp(
  `(?<![${LETTERS}'’-])([${UPPER_LETTERS}][${LOWER_LETTERS}'’-]*(?:[${UPPER_LETTERS}][${LOWER_LETTERS}'’-]+)?(?:-[${UPPER_LETTERS}][${LOWER_LETTERS}'’]+)?|[${UPPER_LETTERS}]{2,}),[ \\t]*$`,
);
const UPPER = /\p{Lu}/u;

/** A letter outside ASCII and outside the accents of Spanish, French, Portuguese and German. */
const OTHER_LETTERS = /[^ -~áéíóúñüàèìòùçâêîôûãõäëïöÁÉÍÓÚÑÜÀÈÌÒÙÇÂÊÎÔÛÃÕÄËÏÖ]/;

function isNameChar(text: string, i: number): boolean {
  const ch = text[i];
  return ch === "'" || ch === '’' || ch === '-' || isLetterAt(text, i);
}

/**
 * Is the word at `index` the second or later word of a capitalised run ("Park" in "Wilson Park")? Not when the word
 * before it opens a sentence.
 */
function continuesRun(text: string, index: number): boolean {
  let i = index - 1;
  if (text[i] !== ' ' && text[i] !== '\t') return false;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (!isNameChar(text, i)) return false;
  while (i > 0 && isNameChar(text, i - 1)) i--;
  const c = text.charCodeAt(i);
  if (!(c < 128 ? c >= 65 && c <= 90 : UPPER.test(text[i]))) return false;
  // The pronoun "I" ("I'm Jennifer's daughter") is capitalised as a word, not as a name.
  if (text[i] === 'I' && !isLetterAt(text, i + 1)) return false;
  // A sentence's first word is capitalised for grammar: "Producer James Sparks said" starts no run with "Producer".
  return !atSentenceStart(text, i);
}

/**
 * What after a sentence's first word makes it a person: a verb ("Sandra lives", "Kevin had given", "Roxanne is very
 * reliable"), or a speaker's colon ("Lisa: Remember me?").
 */
const PERSON_VERB_AFTER =
  /^(?:[ \t]+(?:lives|lived|says|said|told|tells|had|has|went|goes|spent|works|worked|called|calls|asked|asks|wants|wanted|gave|gives|came|comes|visited|stayed|moved|wrote|writes|is|was|were|will|would|can|could|did|does|just|explained|began|shouted|replied|answered|agreed|thinks|thought|knows|knew|at|from|in the|of the)\b|:[ \t]|,[ \t]+(?:can|could|would|will|please|do|did|are|have)\b)/;

/**
 * Whether what follows a naming cue is the name it announces. A drug's other name ("acetaminophen aka Tylenol") and a
 * sentence's first word ("what is your name? Please call…") are not; the answer to a question stands alone on its line.
 */
function isNamed(cue: string, name: string, after: string): boolean {
  const first = words(name)[0] ?? '';
  if (FUNCTION_WORDS.has(first.toLowerCase()) || isDrugName(first)) return false;
  return !cue.includes('?') || LINE_END.test(after);
}

/**
 * Whether a self-introduction names a person: "my name is" always does; "I'm Katie E Miles" when two or more name
 * words or a first name follow ("I am Diabetic" is neither); "this is Dana" only with a first name ("this is
 * Lisinopril HCTZ").
 */
function introducesName(cue: string, name: string, after: string): boolean {
  if (/^(?:my name|name is|call me)/i.test(cue)) return true;
  if (RELATION_OF.test(/['’]s$/.test(name) ? name.slice(-2) + after : after)) return true; // "I'm Jennifer's daughter"
  const tokens = words(name);
  if (FIRST_NAMES.has(tokens[0].toLowerCase())) return true;
  return !/^this is/i.test(cue) && tokens.length >= 2;
}

const NEXT_IN_LIST = new RegExp(`^,[ \\t]*([${UPPER_LETTERS}][${LOWER_LETTERS}]+)`);
/** "James, Christopher and Emily": a first name followed by another in a list is a person's too. */
function beforeAnotherFirstName(text: string, at: number): boolean {
  const next = NEXT_IN_LIST.exec(text.slice(at, at + 40))?.[1];
  return next !== undefined && FIRST_NAMES.has(next.toLowerCase());
}

function nameAt(text: string, at: number, sticky: RegExp): string | undefined {
  sticky.lastIndex = at;
  return sticky.exec(text)?.[0];
}

export function detectNames(written: string, writtenCues: TextCues = new TextCues(written)): Candidate[] {
  // Read with the capitals names would have had, in text typed all in lower case (same offsets).
  const text = recaseLowercase(written);
  const cues = text === written ? writtenCues : writtenCues.sameWordsIn(text);
  const found: Candidate[] = [];
  for (const m of cuedMatches(cues, TITLE_SCAN)) {
    const title = m.groups!.clinician ?? m.groups!.person;
    const word = TITLE_WORDS.has(title);
    if (word && m[0][title.length] === '.') continue;
    const at = m.index + m[0].length;
    const name = nameAt(text, at, TITLED_NAME_AT);
    if (name) push(found, text, at, name, m.groups!.clinician ? 'CLINICIAN' : 'PERSON', !word);
  }
  for (const m of cuedMatches(cues, LOWER_TITLE_SCAN)) {
    if (MEASURE_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const at = m.index + m[0].length;
    const name = nameAt(text, at, TITLED_NAME_AT);
    if (name && FIRST_NAMES.has(words(name)[0].toLowerCase())) push(found, text, at, name, 'PERSON', true);
  }
  for (const m of cuedMatches(cues, CUE_SCAN)) {
    const at = m.index + m[0].length;
    const name = nameAt(text, at, NAME_AT);
    if (!name) continue;
    const g = m.groups!;
    if (g.signoff && !LINE_END.test(text.slice(at + name.length, at + name.length + 40))) continue;
    if (g.greeting && !GREETING_END.test(text.slice(at + name.length, at + name.length + 10))) continue;
    if (g.introduced && !introducesName(m[0], name, text.slice(at + name.length, at + name.length + 24))) continue;
    if (g.naming && !isNamed(m[0], name, text.slice(at + name.length, at + name.length + 40))) continue;
    if (g.naming && m[0].startsWith('AKA')) continue; // in capitals, an above-knee amputation ("left AKA Stump")
    if (g.followUp && !opensWithFirstName(name)) continue;
    // "pt Rusty Kowalczyk signed…": a first name and a family name after the abbreviation, never "Patient Education";
    // a name of any origin when a record number, a bracket or an age follows it ("pt Haruto Sato (MRN …", "pt Zhiqing
    // Liu"), not what the patient did ("pt Tolerated Procedure (see note)").
    const facts =
      PT_NAME_FACTS.test(text.slice(at + name.length, at + name.length + 12)) && !PT_VERB.test(words(name)[0]);
    if (g.pt && (!m[0].startsWith('pt') || words(name).length < 2 || !(opensWithFirstName(name) || facts))) continue;
    // "pharmacist Kehau", "aide Maribel": a role typed in lower case before a name, never a form's "Aide Present".
    if (g.role && (!/^[a-z]/.test(m[0]) || /(?:s|ed|ing)$/.test(words(name)[0]))) continue;
    if (g.relation && /^[A-Z]{2,5}$/.test(name)) continue; // "her son is HCP", "wife is POA": a role's letters
    // After a label the name may be written family name first: "Patient: Oyelaran, Amber".
    const given =
      g.label && !/\s/.test(name)
        ? LABELLED_GIVEN.exec(text.slice(at + name.length, at + name.length + 40))?.[0]
        : undefined;
    push(found, text, at, given ? name + given : name, 'PERSON', Boolean(g.relation || g.naming || given));
  }
  for (const { start, end } of signatureNames(text)) push(found, text, start, text.slice(start, end), 'PERSON', true);
  for (const m of cuedMatches(cues, SAYS)) {
    if (!QUOTE_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    const at = m.index + m[0].length;
    const name = nameAt(text, at, TITLED_NAME_AT);
    if (name) push(found, text, at, name, 'PERSON');
  }
  for (const cue of afterNameCues(text, cues)) {
    // "Concord, MA 01742": a state that is also a credential, before a ZIP, ends a city, not a clinician's name.
    if (cue.credential && STATE_THEN_ZIP.test(text.slice(cue.index, cue.index + 16))) continue;
    const window = text.slice(Math.max(0, cue.index - 80), cue.index);
    const name = window.match(NAME_BEFORE)?.[0];
    // In text typed in capitals one word before "PT" or "MA" is a finding or a dose ("RASH PT", "25/100 TID, PT"): a
    // name there is two words, or a known first name.
    if (name && name === name.toUpperCase() && !/\s/.test(name) && !FIRST_NAMES.has(name.toLowerCase())) continue;
    if (name) push(found, text, cue.index - name.length, name, cue.credential ? 'CLINICIAN' : 'PERSON', cue.credential);
  }
  for (const n of wordNamesBeforeVerbs(cues)) push(found, text, n.start, n.name, 'PERSON');
  for (const n of initialAndFamilyNames(text)) push(found, text, n.start, n.name, 'PERSON');
  for (const n of lowerCaseNamesBeforeFacts(written)) push(found, text, n.start, n.name, 'PERSON');
  for (const n of familyFirstFields(text)) push(found, text, n.start, n.name, 'PERSON');
  for (const n of namesBeforePersonFacts(text, NAME_BEFORE, TOKEN))
    if (n.nickname || words(n.name).length > 1 || opensWithFirstName(n.name) || (n.room && !/^\p{Lu}+$/u.test(n.name)))
      push(found, text, n.start, n.name, 'PERSON', n.nickname);
  // Dictionary: a known first name, optionally followed by capitalised surname tokens.
  let covered = -1;
  // An exec loop, not a list of every match: each match dies young, which costs the garbage collector far less.
  TOKEN_SCAN.lastIndex = 0;
  for (let m = TOKEN_SCAN.exec(text); m; m = TOKEN_SCAN.exec(text)) {
    if (m.index < covered) continue;
    if (m.index > 0 && isNameChar(text, m.index - 1)) continue;
    if (isLetterAt(text, m.index + m[0].length)) continue; // "Jos" of "José": not a whole word
    if (!FIRST_NAMES.has(m[0].toLowerCase())) {
      // The accents of Spanish, French or German alone do not make a sentence's first word a name ("Náuseas y
      // vómitos…", "Pneumonía"); letters those languages do not write do ("Šušulić, Bowman and White").
      const formed =
        isFamilyNameByForm(m[0]) && (isAscii(m[0]) || !atSentenceStart(text, m.index) || OTHER_LETTERS.test(m[0]));
      const run = formed ? familyNameRun(text, m.index, m.index + m[0].length) : undefined;
      if (run && !isRegion(text.slice(run.start, run.end))) {
        push(found, text, run.start, text.slice(run.start, run.end), run.place ? 'LOCATION' : 'PERSON');
        covered = run.end;
      }
      continue;
    }
    // Only the first word of a capitalised run can be a first name ("Park" in "Wilson Park" is not).
    if (continuesRun(text, m.index)) continue;
    const name = nameAt(text, m.index, NAME_AT);
    if (!name || isRegion(name) || isRegion(m[0])) continue;
    // "Desai, Ravi" and "DESAI, Ravi M.": the family name before the comma is part of the name.
    const family = commaBefore(text, m.index)
      ? text.slice(Math.max(0, m.index - 40), m.index).match(FAMILY_BEFORE_COMMA)?.[1]
      : undefined;
    // A first name before the comma is the name before it in a list ("James, Christopher, Jennifer"), found on its own.
    const familyLower = family?.toLowerCase() ?? '';
    if (
      family &&
      !CLINICAL_WORDS.has(familyLower) &&
      !AMBIGUOUS_FIRST_NAMES.has(familyLower) &&
      !FIRST_NAMES.has(familyLower)
    ) {
      const start = text.lastIndexOf(family, m.index);
      push(found, text, start, text.slice(start, m.index + name.length), 'PERSON');
      covered = m.index + name.length;
      continue;
    }
    // A lone first name at a sentence start is too weak ("Will", "Grace" are gone already; "Jordan" stays ambiguous),
    // unless what follows is something a person does ("Sandra lives on…", "Kevin had given…").
    if (
      words(name).length === 1 &&
      atSentenceStart(text, m.index) &&
      !PERSON_VERB_AFTER.test(text.slice(m.index + name.length, m.index + name.length + 12)) &&
      !beforeAnotherFirstName(text, m.index + name.length)
    )
      continue;
    push(found, text, m.index, name, 'PERSON');
    covered = m.index + name.length;
  }
  return [...found, ...listMates(text, found)];
}

export const nameDetector: Detector = {
  name: 'names',
  finds: 'names of people',
  detect: ({ text, cues }) => detectNames(text, cues),
  patterns: [TITLE_SCAN, LOWER_TITLE_SCAN, CUE_SCAN, SAYS, CREDENTIAL_AFTER, PREFERRED_AFTER, PERSON_VERB],
};
