/**
 * Names found by what stands around them rather than a cue or a first-name list: a family name by
 * its form with the first name and initials beside it ("Hanne I. Kreutzmann"), and the others in a
 * list beside a person ("Usamov and Bowers"). Used by the name detector (names.ts).
 */
import {
  AMBIGUOUS_FIRST_NAMES,
  CLINICAL_WORDS,
  CREDENTIAL_TOKEN,
  CREDENTIALS,
  EPONYM_AFTER,
  FIRST_NAME_WORDS,
  FIRST_NAMES,
  FUNCTION_WORDS,
  TITLE_TOKEN,
} from '../lexicons/names';
import { isRegion } from '../regions';
import { atSentenceStart, isAscii, LETTERS, LOWER_LETTERS, UPPER_LETTERS, words } from '../text';
import type { Candidate } from '../types';
import { foldWord, hasFamilyNameForm } from './name-forms';

/** A word with a family name's form (name-forms.ts) that is not a clinical word or a first name that is also a word. */
export function isFamilyNameByForm(word: string): boolean {
  if (!hasFamilyNameForm(word)) return false;
  const lower = word.toLowerCase();
  if (CLINICAL_WORDS.has(lower) || AMBIGUOUS_FIRST_NAMES.has(lower)) return false;
  // An accented word is also checked without its accents ("Sjögren" as "sjogren").
  return isAscii(word) || !CLINICAL_WORDS.has(foldWord(word));
}

/** A sentence's first word that is a verb form ("Discussed Kowalski's case") is not a name. */
const VERB_FORM = /(?:ed|ing)$/;

/** A capitalised word that may stand in a person's name: no function or clinical word, credential or region. */
function mayBeNamePart(word: string): boolean {
  const lower = word.toLowerCase();
  return !FUNCTION_WORDS.has(lower) && !CLINICAL_WORDS.has(lower) && !CREDENTIAL_TOKEN.test(word) && !isRegion(word);
}

/** A capitalised word beside a family name found by its form, taken as part of the name ("Júlia Gyarmathy"). */
function isNamePartBeside(word: string): boolean {
  return mayBeNamePart(word) && !AMBIGUOUS_FIRST_NAMES.has(word.toLowerCase());
}

const WORD_BEFORE = new RegExp(`(?:^|[^${LETTERS}'’.-])([${UPPER_LETTERS}](?:[${LETTERS}'’-]*|\\.))[ \\t]+$`);
const WORD_AFTER = new RegExp(`^[ \\t]+([${UPPER_LETTERS}][${LETTERS}'’-]*)(?![${LETTERS}])`);
const INITIAL = new RegExp(`^[${UPPER_LETTERS}]\\.?$`);
/** Where a place, not a person, follows: "lives on Grössgstöt", "in Chiclana". */
const PLACE_BEFORE = /(?:^|\s)(?:in|on|near|at)[ \t]+$/i;

/**
 * The person's name around a family name found by its form: the first name and initials before it
 * ("Hanne I. Kreutzmann"), and another such word after it ("Krisztián Szöllösy"). A word before it
 * joins when it is a first name, an initial, of the same form, or capitalised inside a sentence.
 */
export function familyNameRun(
  text: string,
  start: number,
  end: number,
): { start: number; end: number; place: boolean } {
  let initialJoined = false;
  // A double-barrelled name goes on past its hyphen ("Kaminski-Doyle").
  const barrel = /^-\p{Lu}[\p{L}'’]+/u.exec(text.slice(end, end + 30));
  if (barrel) end += barrel[0].length;
  for (let taken = 0; taken < 3; taken++) {
    const before = text.slice(Math.max(0, start - 40), start);
    const word = WORD_BEFORE.exec(before.slice(before.lastIndexOf('\n') + 1))?.[1];
    if (!word) break;
    const at = text.lastIndexOf(word, start);
    const bare = word.replace(/\.$/, '');
    const lower = bare.toLowerCase();
    const joins =
      INITIAL.test(word) ||
      // "Hanne I. Kreutzmann": first name, initial, family name is a person's name wherever it stands.
      (initialJoined && !CLINICAL_WORDS.has(lower) && !TITLE_TOKEN.test(word)) ||
      (FIRST_NAMES.has(lower) && !CLINICAL_WORDS.has(lower)) ||
      // A first name that is also a word, capitalised inside a sentence before a family name ("HCP: Carol Kaminski").
      (AMBIGUOUS_FIRST_NAMES.has(lower) &&
        /^\p{Lu}\p{Ll}/u.test(bare) &&
        (!atSentenceStart(text, at) || /:[ \t]*$/.test(text.slice(Math.max(0, at - 4), at)))) ||
      isFamilyNameByForm(bare) ||
      (isNamePartBeside(bare) && (!atSentenceStart(text, at) || !VERB_FORM.test(lower)));
    if (!joins || TITLE_TOKEN.test(word)) break; // "Dr. Kowalski": the title pattern reads it, as a clinician
    initialJoined = INITIAL.test(word);
    start = at;
  }
  for (let taken = 0; taken < 2; taken++) {
    const word = WORD_AFTER.exec(text.slice(end, end + 40))?.[1];
    if (!word || EPONYM_AFTER.test(text.slice(end, end + 30))) break;
    if (!(isFamilyNameByForm(word) || FIRST_NAMES.has(word.toLowerCase()) || isNamePartBeside(word))) break;
    end = text.indexOf(word, end) + word.length;
  }
  return { start, end, place: PLACE_BEFORE.test(text.slice(Math.max(0, start - 8), start)) };
}

/** A capitalised word in a list: one token (a family name) or two (first and family). */
const MATE = new RegExp(
  `[${UPPER_LETTERS}][${LOWER_LETTERS}'’-]+(?:[ \\t]+[${UPPER_LETTERS}][${LOWER_LETTERS}'’-]+)?(?![${LETTERS}])`,
  'y',
);
const MATE_WORD = new RegExp(`^[${UPPER_LETTERS}][${LOWER_LETTERS}'’-]+$`);
const JOIN_BEFORE = /(?:,[ \t]*|[ \t]+(?:and|&)[ \t]+)$/;

/** The list mate right before `start` ("Bowman, " of "Bowman, White"): one or two capitalised words, read backwards. */
function mateBefore(text: string, start: number): { at: number; name: string } | undefined {
  const window = text.slice(Math.max(0, start - 48), start);
  const join = JOIN_BEFORE.exec(window);
  if (!join) return undefined;
  const head = window.slice(0, join.index);
  const tokens = head.split(/[ \t]+/);
  const last = tokens[tokens.length - 1];
  if (!last || !MATE_WORD.test(last)) return undefined;
  const previous = tokens[tokens.length - 2];
  // Two words when the one before is capitalised too and starts the run ("Maha Cazares, "); one otherwise.
  const name = previous && MATE_WORD.test(previous) && tokens.length >= 2 ? `${previous} ${last}` : last;
  const at = text.lastIndexOf(name, start);
  if (at < 0 || /[\p{L}'’.-]/u.test(text[at - 1] ?? ' ')) return undefined;
  return { at, name };
}
const LIST_JOIN = /^(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)/;
/** Endings of English and medical words and of roles, never a name in a list ("Cardiology", "Pharmacist"). */
const WORD_ENDING =
  /(?:ology|tion|sion|ment|ness|ity|ism|ics|ive|ous|ing|itis|osis|emia|ectomy|otomy|scopy|graphy|plasty|ist|ician|itian)$/;
/** Roles that follow a person's name in a list of who was there ("Tom Reed, Case Manager"). */
const ROLE_WORDS = new Set(
  'manager coordinator navigator assistant worker aide chaplain interpreter resident fellow attending nurse student intern volunteer director supervisor educator counselor counsellor doula midwife surgeon'.split(
    ' ',
  ),
);

/** A word of a list beside a person (a name that is also a word, "White", may be one here). */
function isListMate(name: string): boolean {
  return words(name).every((word) => {
    const lower = word.toLowerCase();
    return mayBeNamePart(word) && !TITLE_TOKEN.test(word) && !WORD_ENDING.test(lower) && !ROLE_WORDS.has(lower);
  });
}

/**
 * The others in a list of people: beside a person found ("Usamov and Bowers", "Šušulić, Bowman and
 * White"), a capitalised word joined to it by a comma or "and" is a person too — in both directions,
 * through the whole list.
 */
export function listMates(text: string, found: Candidate[]): Candidate[] {
  const mates: Candidate[] = [];
  const taken = new Set(found.map((c) => c.start));
  for (const person of found) {
    if (person.type === 'LOCATION') continue;
    for (let end = person.end; ;) {
      const join = LIST_JOIN.exec(text.slice(end, end + 8));
      if (!join) break;
      MATE.lastIndex = end + join[0].length;
      const name = MATE.exec(text)?.[0];
      if (!name || !isListMate(name) || EPONYM_AFTER.test(text.slice(MATE.lastIndex, MATE.lastIndex + 30))) break;
      const start = MATE.lastIndex - name.length;
      // Reached a name already read from (this list was walked on from there): each list is walked once.
      if (taken.has(start)) break;
      mates.push({ start, end: MATE.lastIndex, type: person.type });
      taken.add(start);
      end = MATE.lastIndex;
    }
    for (let start = person.start; ;) {
      const mate = mateBefore(text, start);
      if (!mate || !isListMate(mate.name)) break;
      const { at, name } = mate;
      if (taken.has(at)) break;
      mates.push({ start: at, end: at + name.length, type: person.type });
      taken.add(at);
      start = at;
    }
  }
  return mates;
}

/** A stretch of text between sentence ends and line breaks. */
const SENTENCE = /[^.!?\n]+[.!?]?/g;
const ANY_UPPER = /\p{Lu}/u;
const ASCII_UPPER = /[A-Z]/;
const LOWER_WORD = /\p{Ll}[\p{Ll}'’-]*/gu;
/**
 * Words after which a name follows, in lower case: "my name is vitoria", "hi dr vang", "my husband jake" (a greeting to
 * a doctor, a relative).
 */
const CUE_BEFORE =
  /(?:\bmy name is|\bname is|\bname:|\b(?:hi|hello|hey|dear|thanks|thank you),?[ \t]+(?:dr\.?|doctor)|\bmy (?:mother|mom|dad|father|husband|wife|sister|brother|son|daughter|roommate|friend|partner|boyfriend|girlfriend|fianc[eé]e?|grandma|grandpa|grandmother|grandfather|grandson|granddaughter|aunt|uncle|niece|nephew|neighbou?r|caregiver))[ \t]*$/;
/** What follows "my name is" that is no name: "spelled wrong", "pending", "unknown". */
const NOT_A_NAME_AFTER_CUE = /(?:ed|ing)$|^(?:unknown|withheld|asap|same|still|not|on|in)$/;

function capitalised(word: string): string {
  const first = word[0].toUpperCase();
  return first.length === 1 ? first + word.slice(1) : word;
}

/**
 * Text typed all in lower case ("follow up with patricia desrosiers", "my name is vitoria") has no
 * capital to say "a name". In each sentence without a capital letter, the words that are names by
 * themselves are given their capital back — first names that are not also words, family names by
 * their form, a word right after "my name is" or "mr.", an initial and a first name after one of
 * these — so the name rules read them as written names. Only letter case changes: every offset stays.
 */
export function recaseLowercase(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (const sentence of text.matchAll(SENTENCE)) {
    const part = sentence[0];
    if (part.length < 8 || ASCII_UPPER.test(part) || ANY_UPPER.test(part)) continue;
    const recased = recaseSentence(part);
    if (recased === part || recased.length !== part.length) continue;
    parts.push(text.slice(copied, sentence.index), recased);
    copied = sentence.index + part.length;
  }
  if (!parts.length) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}

/** What follows a lower-case "dr" that is no name: "my dr office", "the dr told me", "dr appt friday". */
const NOT_A_NAME_AFTER_DR =
  /(?:ed|ing|s)$|^(?:office|appt|appointment|visit|note|told|yesterday|today|tomorrow|prescription|refill|orders?|team|staff|nurse|assistant|and|or|who|put|gave)$/;

/** "dr vang", "dr. halloran": a title typed in lower case, and a word after it that can only be the name. */
function drAndName(part: string, offset: number, word: string): boolean {
  const next = part.slice(offset + word.length).match(/^\.?[ \t]+(\p{Ll}[\p{Ll}'’-]+)/u)?.[1];
  return (
    next !== undefined &&
    next.length >= 3 &&
    !FUNCTION_WORDS.has(next) &&
    !CLINICAL_WORDS.has(next) &&
    !NOT_A_NAME_AFTER_DR.test(next)
  );
}

function recaseSentence(part: string): string {
  let previousName = false;
  let afterDr = false;
  let lastEnd = 0;
  return part.replace(LOWER_WORD, (word: string, offset: number) => {
    const gap = part.slice(lastEnd, offset);
    lastEnd = offset + word.length;
    if (word === 'dr' && drAndName(part, offset, word)) {
      afterDr = true;
      return 'Dr';
    }
    if (afterDr) {
      afterDr = false;
      previousName = true;
      return capitalised(word);
    }
    const afterName = previousName && /^[ \t]+$/.test(gap);
    const afterCue = CUE_BEFORE.test(part.slice(Math.max(0, offset - 16), offset));
    const plain = !FUNCTION_WORDS.has(word) && !CLINICAL_WORDS.has(word);
    const initial = afterName && word.length === 1 && word !== 'a' && word !== 'i';
    const name =
      initial ||
      (plain &&
        ((word.length >= 4 && FIRST_NAMES.has(word) && !FIRST_NAME_WORDS.has(word)) ||
          // Only endings here: accented words in lower case are the words of Spanish or French text ("vómitos").
          (/^[a-z'’-]+$/.test(word) && hasFamilyNameForm(capitalised(word))) ||
          (afterCue && word.length >= 2 && !NOT_A_NAME_AFTER_CUE.test(word))));
    previousName = Boolean(name);
    return name ? capitalised(word) : word;
  });
}

/**
 * A signature at the end of a line: a dash, then a first name and an initial, perhaps a credential ("-Shawna R., LPN",
 * "— Gwen T., RN"); or, closing a message typed in lower case, a dash and a name or initials ("-kat r.", "-jm",
 * "- toby g"). Spans of the name only.
 */
export function signatureNames(text: string): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(SIGNED_LINE)) {
    const start = m.index + m[0].indexOf(m[1]);
    found.push({ start, end: start + m[1].length });
  }
  const end = text.trimEnd();
  const last = end.match(SIGNED_MESSAGE_END);
  if (last && !SIGN_OFF_WORDS.test(last[1]) && signsAName(last[1])) {
    const start = end.length - last[0].length + last[0].indexOf(last[1]);
    found.push({ start, end: start + last[1].length });
  }
  return found;
}

/** Initials, a known first name, or a name with an initial ("jm", "kat r.", "b castellano"), not "much better". */
function signsAName(signature: string): boolean {
  const parts = signature.replace(/\.$/, '').split(' ');
  if (parts.length === 1) return parts[0].length <= 3 || FIRST_NAMES.has(parts[0]);
  return parts.some((part) => part.length === 1) || FIRST_NAMES.has(parts[0]);
}

const SIGNED_LINE = new RegExp(
  `(?:^|[ \\t])[-–—]{1,2}[ \\t]?(\\p{Lu}\\p{Ll}+ \\p{Lu}\\.)(?:,[ \\t]*(?:${CREDENTIALS}))?[ \\t]*$`,
  'gmu',
);
const SIGNED_MESSAGE_END = /(?:^|[ \t\n])[-–—]{1,2}[ \t]?(\p{Ll}{1,12} \p{Ll}{1,12}\.?|\p{Ll}{2,12})$/u;
/** Words that close a message without naming anyone. */
const SIGN_OFF_WORDS = /^(?:thx|thanks|thank you|ty|ok|okay|bye|cheers|sorry|pls|please|me)$/;

/**
 * The parts of a found name that can be trusted as a person's beyond the text they were found in
 * (the header region's names become the patient's known name parts): known first names, the word
 * right after one (the family name), and words in capitals (family names as C-CDA views print
 * them). Other words a loose match took in ("Contact Details", "Date") are left out.
 */
export function personNameParts(name: string): string[] {
  const tokens = name
    .split(/[\s,]+/)
    .map((t) => t.replace(/[.'’]+$/, ''))
    .filter((t) => t.replace(/[^\p{L}]/gu, '').length >= 2);
  const parts: string[] = [];
  type Role = 'first' | 'kept' | 'none';
  let previous: Role = 'none';
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const capitals = token.length >= 2 && /^\p{Lu}+$/u.test(token);
    let kept: Role = 'none';
    if (/^\p{Lu}/u.test(token)) {
      if (FIRST_NAMES.has(lower) && !CLINICAL_WORDS.has(lower)) kept = 'first';
      // The family name after a first name ("Eve EVERYWOMAN", "Boris Bo BETTERHALF", "Larry JONES").
      else if (previous === 'first' && (capitals || !CLINICAL_WORDS.has(lower))) kept = 'kept';
      else if (previous === 'kept' && capitals) kept = 'kept';
    }
    if (kept !== 'none') parts.push(token);
    previous = kept;
  }
  return parts;
}
