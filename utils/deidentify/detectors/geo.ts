/**
 * Geography smaller than a state: street addresses, streets, cities, facilities and named places;
 * ZIP codes, which Safe Harbor lets keep their first three digits (000 where few people live).
 */
import { FACILITY, FACILITY_WORD, facilities, SCHOOL } from './facilities';
import { postalCodeAfter, postalReplacement, zip3 } from './postal-codes';
import { numberedRoads } from './roads';
import { streetsInCapitals } from './street-capitals';
import type { Candidate, Detector } from '../types';
import { COUNTRY_NAMES, isCountry, isRegion } from '../regions';
import { TextCues, cued, cuedMatches, hasCue, matchesOnCuedLines } from '../cues';
import { CAPITALISED_WORD, LETTERS, matches, UPPER_LETTERS } from '../text';
import { EPONYM_AFTER, FUNCTION_WORDS, isClinicalWord } from '../lexicons/names';
import {
  STATE_CODES,
  STATE_CODES_UNAMBIGUOUS,
  STATE_NAMES,
  STREET_SUFFIX,
  UNIT_DESIGNATOR,
} from '../lexicons/addresses';

/** State codes that are also words or labels (ID, IN, OR, ME…) count only when a ZIP follows them. */
const STATES = `${STATE_CODES_UNAMBIGUOUS}|Mass\\.|${STATE_NAMES}`;
const ALL_STATES = `${STATE_CODES}|${STATE_NAMES}`;
/**
 * Suffixes a street named without a house number may end in: the common ones only, since without the number "Heart
 * Center" or "Bell Point" would be streets.
 */
const COMMON_SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Ter|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Square|Sq|Trail|Trl|Turnpike|Tpke|Pike|Row|Alley';
/** A capitalised word, in any Latin, Greek or Cyrillic letters: "Kraków", "Zürich", "São". */
const WORD = CAPITALISED_WORD;
const UNIT = `(?:,?[ \\t]+(?:(?:${UNIT_DESIGNATOR})\\.?[ \\t]*#?|#[ \\t]*)[A-Za-z0-9-]+)?`;

/**
 * 42 Larkspur Lane, Apt 3B · 1200 Harbor St · 335 Waters Trace Apt 86 · PO Box 77 — any USPS suffix after a house
 * number.
 */
const STREET_ADDRESS = new RegExp(
  `\\b\\d{1,6}(?:st|nd|rd|th)?[A-Z]?[ \\t]+(?:[NSEW]\\.?[ \\t]+)?(?:(?:${WORD}|\\d{1,4}(?:st|nd|rd|th))[ \\t]+){0,3}(?:${STREET_SUFFIX})\\b(?:[ \\t]+(?:[NSEW]{1,2}|North|South|East|West)\\b)?${UNIT}|\\bP\\.?\\s?O\\.?\\s+Box\\s+\\d+`,
  'g',
);
/**
 * Streets whose suffix is no USPS one ("1077 Jenkins Esplanade Suite 33", "12 Quarry Heights Apt 4"):
 * a house number and capitalised words are an address when a unit designator follows them…
 */
const STREET_WITH_UNIT = new RegExp(
  `\\b\\d{1,6}[A-Z]?[ \\t]+(?:${WORD}[ \\t]+){1,3}(?:${UNIT_DESIGNATOR})\\.?[ \\t]*#?\\d[A-Za-z0-9-]*`,
  'g',
);
const HAS_UNIT = cued(`(?:${UNIT_DESIGNATOR})\\.?[ \\t]*#?\\d`);
/** …or when a city and state follow them ("766 Wehner Fork, Chicopee, MA"). */
const STREET_BEFORE_CITY = new RegExp(`\\b\\d{1,6}[A-Z]? +(?:${WORD} +){0,3}${WORD}(?:${UNIT})?,? *$`);
/** A street named without a number: "on Washington Street", "the CVS on Park Ave". */
const STREET = new RegExp(`\\b(?:${WORD}[ \\t]+){1,3}(?:${COMMON_SUFFIX})\\b`, 'g');
/** A street typed in lower case after the word that puts someone on it: "moved to walnut ave", "on bleecker st". */
const LOWER_STREET = new RegExp(
  `\\b(?:on|to|off|at|from|near)[ \\t]+((?:[a-z][a-z'’-]+[ \\t]+){1,3}(?:${COMMON_SUFFIX.toLowerCase()}))\\b`,
  'g',
);
/** Dedham, MA 02026 · Worcester, MA · Cambridge MA 02139-1234 · Amherst, Massachusetts, 01002 */
const CITY_STATE_ZIP = new RegExp(
  `\\b((?:${WORD} +){0,2}${WORD})(?:,[ \\t]*(?:${STATES})(?![A-Za-z])(?:,?[ \\t]+(\\d{5})(?:-\\d{4})?)?|,?[ \\t]+(?:${ALL_STATES}),?[ \\t]+(\\d{5})(?:-\\d{4})?\\b)`,
  'g',
);
/*
 * The patterns above start at any capitalised word, so they cost a scan each; each needs a word
 * that few texts have (a street suffix, a state code, a facility word). These cued patterns say
 * whether that word is there at all, which spares the scans for most short texts.
 */
const HAS_STREET_WORD = cued(`(?:${STREET_SUFFIX})\\b|P\\.?\\s?O\\.?\\s+Box\\b`);
const HAS_LOWER_STREET_WORD = cued(`(?:${COMMON_SUFFIX.toLowerCase()})\\b`);
const HAS_STATE = cued(`(?:${ALL_STATES})(?![A-Za-z])`);
// Any case: a line typed in capitals names its facilities in capitals too ("FLOWN TO WIREGRASS REGIONAL").
const HAS_FACILITY_WORD = cued(`(?:${FACILITY})\\b`, 'i');
/**
 * A postal code after its label ("ZIP: 02139", "my zip code is 35350", "Postcode: SW1A 1AA"), in any country's
 * form: digits (3 to 6, with a second group after a dash or space: "394 13", "3610-114"), Canada's "B0J 2H0",
 * the Netherlands' "7412 SL", the UK's outward and inward codes. The label says it is a code, so short ones count.
 */
const ZIP_LABELLED = cued(
  /(?:zip(?:\s*code)?|postal\s*code|post\s*code)(?:\s+is)?\s*[:#]?\s*(\d{5}(?:-\d{4})?(?![\d-])|\d{3,6}(?:[- ]\d{2,4})?(?: [A-Z]{2})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/
    .source,
  'i',
);
/** Institutions named "X of Y": University of Chicago, Bank of Boston, College of the Holy Cross. */
const INSTITUTION_OF = cued(
  `(?:University|College|Institute|School|Bank|Church|Diocese|City|Town|County)[ \\t]+of[ \\t]+(?:the[ \\t]+)?${WORD}(?:[ \\t]+${WORD}){0,2}`,
);
/** Places named with Saint or Mount: "Mount Auburn", "St. Vincent's", and typed in lower case, "st elizabeth's". */
const SAINT_OR_MOUNT = cued(
  `(?:Saint|St\\.|Mount|Mt\\.)\\s+${WORD}(?:['’]s)?|\\b(?:saint|st\\.?)[ \\t]+[a-z]{3,}['’]s\\b`,
);
/** Cities named after a word that says "a place": "moved back to Providence", "lives in Dedham". */
const CUED_PLACE = cued(
  `(?:move[sd]?(?: \\w+)?(?: back)? to|moved (?:here |there )?from|(?:is|am|are|was|were|i'm) from|[Ww]here:|home (?:city|town)|hometown|moving to|originally from|based in|headquartered in|located in|resident of|native of|[Ii] am in|[Ii]'m in|returned to|arrived (?:at|in)|flew to|flying to|travell?ing to|[Ll]ives in|[Ll]iving in|[Ll]ived in|relocated to|visiting|travell?ed to|trip to|returned from|[Bb]orn in|[Gg]rew up in|drove(?: \\w+)? from|driv(?:es|ing)(?: \\w+)? from|comes? from|flew(?: \\w+)? from|vacation in|stay(?:s|ing)? in|near|outside(?: of)?|the (?:town|city) of)[ \\t]+(?<place>(?:${WORD}[ \\t]+){0,2}${WORD})`,
  'd',
);

/** A unit on its own, where the street is written apart or not at all: "Apt. 297", "Suite 292", "Ste #4". */
const UNIT_ALONE = cued('(?:Apartment|Apt|Suite|Ste)\\.?[ \\t]*#?\\d{1,5}[A-Za-z]?\\b');
/**
 * Streets as much of Europe writes them, the street's name, then the house number: "Mellemvej 32",
 * "Strickstrasse 61", "Höfðagata 39", "Rákóczi út 13.", "Passauer Strasse 33". Found by the street
 * word (a suffix of the name, or a word of its own after a capitalised one) right before a number.
 */
const STREET_WORD_THEN_NUMBER =
  /(?:stra(?:ss|ß)e|str\.|gasse|weg|allee|platz|damm|vej|stræde|gata|gatan|gate|vägen|väg|veien|vegen|tie|katu|kuja|polku|laan|straat|plein|singel|gracht|dreef|stræti|straeti|utca|útja|út|tér|ulica|ulice|cesta|iela)[ \t]+\d{1,5}[A-Za-z]?\b\.?/giu;
/** The name before the street word: the rest of its word, up to three capitalised words, and a number before them. */
const NAME_BEFORE_STREET_WORD = new RegExp(
  `(?:\\d{1,6}[ \\t]+)?(?:[${UPPER_LETTERS}][${LETTERS}'’.-]*[ \\t]+){0,3}(?:[${UPPER_LETTERS}][${LETTERS}'’-]*)?$`,
);
/** Streets written street word first: "Rua Mina 5", "Via Roma 10", "ul. Północna 12", "Calle Mayor 3". */
const STREET_WORD_FIRST = cued(
  "(?:Rua|Via|Viale|Calle|Carrer|Avenida|Rue|Piazza|Largo|Travessa|Praça|ul\\.|Ulica|Aleja|Plac)[ \\t]+(?:(?:de|da|do|del|della|la|le|des|du|dos)[ \\t]+)?\\p{Lu}\\p{Ll}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}\\p{Ll}[\\p{L}'’-]*){0,2}[ \\t]+\\d{1,5}[A-Za-z]?\\b",
  'u',
);
/** A postal code after a country, as foreign addresses end: "Poland 35403", "Denmark, 9100" (a year is a year). */
const COUNTRY_THEN_CODE = cued(
  `(?:${COUNTRY_NAMES.map((name) => name.replace(/[.]/g, '\\.')).join('|')})[ \\t]*,?[ \\t]+(?<code>(?!(?:19|20)\\d\\d\\b)\\d{4,6})\\b`,
  'd',
);

/**
 * An address after a word that announces one — "Address: 106 Rúa Olmos 44, Belfast", "his address is …", "lives at
 * 255 Hersnapvej 18, København K" — runs to the end of its sentence or line. It must hold a number (a house number or
 * a postal code): "Address: see below" and "lives at home" are none.
 */
const ADDRESS_CUE = cued(
  // "Address:" may stand on its own line, the address on the next (forms, résumés, printed charts).
  '(?:[Aa]ddress(?:es)?(?:[ \\t]+(?:is|was))?[ \\t]*:[ \\t]*\\n?[ \\t]*|(?:[Aa]ddress(?:es)?(?:[ \\t]+(?:is|was))?|(?:lives|living|lived|resides|residing|staying)[ \\t]+at|drops? (?:you|me|him|her) off at)[ \\t]+)',
);
const ADDRESS_AFTER_CUE = new RegExp(
  // A period after a unit word or a house number ("Apt. 209", "Rákóczi út 13. Suite 104") does not end the address.
  `(?:the[ \\t]+corner[ \\t]+of[ \\t]+)?(?:\\d|[${UPPER_LETTERS}])[^\\n;!?]{2,100}?(?=[.?!;]?[ \\t]*(?:\\n|$)|(?<!\\b(?:[Aa]pt|Ste|[Uu]l|u))(?!\\.[ \\t]+(?:Suite|Apt|Unit)\\b)[.?!;][ \\t]|\\.$|,[ \\t]+(?:and|but|where|which|so|then)[ \\t])`,
  'y',
);
/** Two streets that meet: "the corner of Alšova 408 and Vedzizhev Greens". */
const CORNER_OF = cued(
  `corner[ \\t]+of[ \\t]+(?<streets>(?:[${LETTERS}\\d'’.-]+[ \\t]+){0,5}?[${LETTERS}\\d'’.-]+[ \\t]+and[ \\t]+(?:[${UPPER_LETTERS}\\d][${LETTERS}\\d'’.-]*[ \\t]*){1,5})`,
  'd',
);

/** A line that opens with a label of its own: "Assessment:", "Plan:". */
const LABEL_FIRST = /^[A-Za-z][A-Za-z /]{1,30}:/;
const THE_BEFORE = /\bthe[ \t]+$/i;

/** Military post (USPS): "PSC 0413, Box 8144", "Unit 4719 Box 7394", then "APO AA 42323". */
const MILITARY_BOX = cued('(?:PSC|CMR|Unit)[ \\t]+\\d{1,5},?[ \\t]+Box[ \\t]+\\d{1,5}');
const MILITARY_POST = cued('(?:APO|FPO|DPO)[ \\t]+(?:AA|AE|AP)[ \\t]+\\d{5}(?:-\\d{4})?');

/**
 * The lines that close an address block written over several lines ("…Apt. 864" / "Artilleros" / ", CO" /
 * "Uruguay 64677"): short lines of capitalised or capital words, region codes and commas, the last of them ending
 * in a postal code or a country. Only a block that ends so is taken; a clinical word on a line ends it first.
 */
const ADDRESS_TAIL_LINE = new RegExp(
  `^[ \\t]*,?[ \\t]*(?:(?:[${UPPER_LETTERS}][${LETTERS}'’.-]*|nan|\\(${WORD}\\)|\\d{1,3})[ \\t]*,?[ \\t]*){0,4}(?:\\d{3,6}(?:[- ]\\d{2,4})?)?[ \\t]*$`,
);
const ENDS_IN_CODE = /(?:^|[ \t,])\d{3,6}(?:[- ]\d{2,4})?[ \t]*$/;
const MAX_TAIL_LINES = 4;
/** Words and a number (a house number before or after them) right before a unit: the street of the unit. */
const STREET_BEFORE_UNIT = new RegExp(
  `(?<![\\w.])((?:\\d{1,6}[ \\t]+)?(?:[${UPPER_LETTERS}][${LETTERS}'’.-]*[ \\t]+){1,3}\\d{1,5}[A-Za-z]?|\\d{1,6}(?:[ \\t]+[${UPPER_LETTERS}][${LETTERS}'’.-]*){1,3})[ \\t]*,?[ \\t]*$`,
);
/** A number standing alone right before a street ("87645" of "87645 22 Talga Court"). */
const HOUSE_NUMBER_BEFORE = /(?<![\w.,/-])\d{1,6}[ \t]+$/;

/** Text with a clinical word or a measurement in it is chart, not an address ("sent to lab 3 tubes", "BP 140"). */
function isClinicalText(text: string): boolean {
  return (
    /\d[ \t]*(?:mg|mcg|ml|mL|units?|mmHg|bpm|%|kg|lbs?|tabs?)\b/.test(text) ||
    text.split(/[ \t,]+/).some(isClinicalWord)
  );
}

function endsInCountry(line: string): boolean {
  const words = line
    .replace(/[(),]/g, ' ')
    .trim()
    .split(/[ \t]+/);
  for (let n = Math.min(3, words.length); n >= 1; n--) if (isRegion(words.slice(-n).join(' '))) return true;
  return false;
}

/** Where an address found on a line truly ends: past the rest of its line and the lines that close its block. */
function addressBlockEnd(text: string, end: number): number {
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const isTail = (line: string) =>
    line.length <= 60 && ADDRESS_TAIL_LINE.test(line) && !line.split(/[ \t,]+/).some((word) => isClinicalWord(word));
  const closes = (line: string) => ENDS_IN_CODE.test(line) || endsInCountry(line);
  // The rest of the address's own line, when it closes the address ("Suite 215 NUNGATTA Australia"); other text
  // after it on the line ("…Apt 3, where she lives") ends the address there.
  const rest = text.slice(end, lineEnd);
  let reach = end;
  if (rest.trim() && isTail(rest) && closes(rest)) reach = lineEnd;
  else if (rest.trim()) return end;
  let at = lineEnd;
  for (let n = 0; n < MAX_TAIL_LINES && at < text.length; n++) {
    let next = text.indexOf('\n', at + 1);
    if (next < 0) next = text.length;
    const line = text.slice(at + 1, next);
    if (!line.trim() || !isTail(line)) break;
    if (closes(line)) reach = next;
    at = next;
  }
  return reach;
}

const NOT_A_PLACE =
  /^(?:the|a|an|her|his|their|my|our|this|that|work|home|school|church|bed|room|ward|unit|pain|recovery|labor|clinic|hospital|rehab|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i;

/**
 * "Dr." or "St." closing a street match before a capitalised word is Doctor or Saint ("Hello Dr. Whitfield", "near
 * St. Vincent") — unless a house number opens the match: "12 Oak St. Patient reports…" is a street, then a sentence.
 */
function isDoctorOrSaint(street: string, after: string): boolean {
  return /\b(?:Dr|St)\.?$/.test(street) && /^\.?\s+[A-Z]/.test(after) && !/^\d/.test(street);
}

export function detectGeo(text: string, cues: TextCues = new TextCues(text)): Candidate[] {
  const found: Candidate[] = [];
  const streetWord = hasCue(cues, HAS_STREET_WORD);
  for (const m of streetWord ? matches(text, STREET_ADDRESS) : []) {
    if (isDoctorOrSaint(m[0], text.slice(m.index + m[0].length))) continue; // "… Dr. Whitfield"
    found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    // The city after a street address: "1200 Harbor St, Quincy", "17 Daws Rd Beaverton, OR".
    const city = text
      .slice(m.index + m[0].length)
      .match(new RegExp(`^(?:,[ \\t]*|[ \\t]+)(${WORD}(?:[ \\t]+${WORD}){0,2})(?=[ \\t]*(?:[,.;]|$))`));
    if (city) {
      const start = m.index + m[0].length + city[0].indexOf(city[1]);
      if (!NOT_A_PLACE.test(city[1])) found.push({ start, end: start + city[1].length, type: 'LOCATION' });
    }
  }
  // STREET and CITY_STATE_ZIP stay on one line ([ \t] between words): only lines with their cue are scanned.
  for (const m of matchesOnCuedLines(cues, STREET, HAS_STREET_WORD)) {
    // "Dr." and "St." before a name are Doctor and Saint ("Hello Dr. Whitfield", "St. Vincent"), not streets.
    if (isDoctorOrSaint(m[0].trim(), text.slice(m.index + m[0].length))) continue;
    found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  }
  for (const m of matchesOnCuedLines(cues, LOWER_STREET, HAS_LOWER_STREET_WORD)) {
    // "on the way", "to my place", "off his drive": a street's name is no function word.
    if (FUNCTION_WORDS.has(m[1].split(/[ \t]+/)[0])) continue;
    const start = m.index + m[0].length - m[1].length;
    found.push({ start, end: start + m[1].length, type: 'ADDRESS' });
  }
  for (const street of [...streetsInCapitals(text), ...numberedRoads(text)]) found.push({ ...street, type: 'ADDRESS' });
  for (const m of matchesOnCuedLines(cues, STREET_WITH_UNIT, HAS_UNIT))
    found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  for (const m of matchesOnCuedLines(cues, CITY_STATE_ZIP, HAS_STATE)) {
    const city = m[1];
    // A country's name before a state is a town of that state ("Holland, MI"): removed like any city.
    if (!NOT_A_PLACE.test(city) && (!isRegion(city) || isCountry(city))) {
      found.push({ start: m.index, end: m.index + city.length, type: 'LOCATION' });
      // The street line before "City, ST": on the same line, a house number and words.
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      const street = text.slice(Math.max(lineStart, m.index - 80), m.index).match(STREET_BEFORE_CITY);
      if (street) {
        const start = m.index - street[0].length;
        found.push({ start, end: start + street[0].replace(/[,\s]+$/, '').length, type: 'ADDRESS' });
      }
    }
    const zip = m[2] ?? m[3];
    if (zip) {
      const start = m.index + m[0].lastIndexOf(zip);
      found.push({ start, end: m.index + m[0].length, type: 'ZIP', replacement: zip3(zip) });
    }
  }
  for (const m of cuedMatches(cues, ADDRESS_CUE)) {
    ADDRESS_AFTER_CUE.lastIndex = m.index + m[0].length;
    const address = ADDRESS_AFTER_CUE.exec(text)?.[0];
    // A label's line after an empty "Address:" field ("Assessment: Type 2 diabetes…") is the chart going on.
    if (address && /\d/.test(address) && !isClinicalText(address) && !LABEL_FIRST.test(address))
      found.push({
        start: ADDRESS_AFTER_CUE.lastIndex - address.length,
        end: ADDRESS_AFTER_CUE.lastIndex,
        type: 'ADDRESS',
      });
  }
  for (const m of cuedMatches(cues, CORNER_OF)) {
    // "the corner of X and Y" is replaced whole: the phrase names one place.
    const end = m.indices!.groups!.streets[1];
    const the = THE_BEFORE.exec(text.slice(Math.max(0, m.index - 6), m.index));
    const start = the ? m.index - the[0].length : m.index;
    found.push({ start, end: start + text.slice(start, end).replace(/[\s.,;:]+$/, '').length, type: 'ADDRESS' });
  }
  for (const list of [cuedMatches(cues, MILITARY_BOX), cuedMatches(cues, MILITARY_POST)])
    for (const m of list) found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  for (const m of cuedMatches(cues, UNIT_ALONE)) {
    found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
    // The street before its unit, in any order of name and number: "20789 Allika 46  Suite 501", "Oak Lane 4, Apt 2".
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    const street = STREET_BEFORE_UNIT.exec(before.slice(before.lastIndexOf('\n') + 1));
    if (street && !isClinicalText(street[1])) {
      const start = m.index - street[0].length;
      found.push({ start, end: start + street[1].length, type: 'ADDRESS' });
    }
  }
  for (const m of cuedMatches(cues, STREET_WORD_FIRST))
    found.push({ start: m.index, end: m.index + m[0].length, type: 'ADDRESS' });
  for (const m of matches(text, STREET_WORD_THEN_NUMBER)) {
    const before = text.slice(Math.max(0, m.index - 60), m.index).match(NAME_BEFORE_STREET_WORD)?.[0] ?? '';
    // The street word must close a capitalised name: the last word before it (or the rest of its own word) is
    // capitalised — "Mellem|vej", "Passauer Strasse", "Rákóczi út"; "a tie 2" or "weg 5" is no street.
    // ("The gate 3", "Will tee 2": a function word is no street's name.)
    const last =
      before
        .trim()
        .split(/[ \t]+/)
        .pop() ?? '';
    if (!/^\p{Lu}/u.test(last) || FUNCTION_WORDS.has(last.toLowerCase())) continue;
    const start = m.index - before.length;
    found.push({ start, end: m.index + m[0].replace(/\.$/, '').length, type: 'ADDRESS' });
  }
  for (const m of cuedMatches(cues, COUNTRY_THEN_CODE)) {
    const [start, end] = m.indices!.groups!.code;
    found.push({ start, end, type: 'ZIP', replacement: '000' });
  }
  for (const m of cuedMatches(cues, ZIP_LABELLED)) {
    // The pattern is case-blind for the label's sake; a Dutch code's letters are capitals ("7412 SL", not "7412 at").
    const code = /^[\d -]+ [a-z]{2}$/i.test(m[1]) && !/ [A-Z]{2}$/.test(m[1]) ? m[1].slice(0, -3) : m[1];
    const start = m.index + m[0].lastIndexOf(m[1]);
    found.push({ start, end: start + code.length, type: 'ZIP', replacement: postalReplacement(code) });
  }
  if (hasCue(cues, HAS_FACILITY_WORD))
    for (const { start, end } of facilities(text)) found.push({ start, end, type: 'LOCATION' });
  for (const list of [
    // "St. Patient" (a street's "St." and a sentence after it) is no saint's place.
    cuedMatches(cues, SAINT_OR_MOUNT).filter(
      (m) =>
        !isClinicalWord(m[0].split(/\s+/)[1].replace(/['’]s$/, '')) &&
        !EPONYM_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 30)), // "St. John's wort"
    ),
    cuedMatches(cues, INSTITUTION_OF),
  ])
    for (const m of list) found.push({ start: m.index, end: m.index + m[0].length, type: 'LOCATION' });
  for (const m of cuedMatches(cues, SCHOOL)) {
    const [start, end] = m.indices!.groups!.school;
    found.push({ start, end, type: 'LOCATION' });
  }
  extendAddressBlocks(text, found);
  for (const m of cuedMatches(cues, CUED_PLACE)) {
    const [start, end] = m.indices!.groups!.place;
    const place = text.slice(start, end);
    // "the referral is from Cardiology", "pain is from OA": a department or a clinical word is not a place.
    const clinical =
      /^[A-Z]{2,3}$/.test(place) || // an abbreviation: "OA", "CKD"
      place.split(/[ \t]+/).every((word) => isClinicalWord(word) || FACILITY_WORD.test(word));
    if (!NOT_A_PLACE.test(place) && !isRegion(place) && !clinical) found.push({ start, end, type: 'LOCATION' });
  }
  for (const place of found.filter((c) => c.type === 'LOCATION')) {
    const code = postalCodeAfter(text, place.end);
    if (code) found.push(code);
  }
  return found;
}

/**
 * Each address found is widened to its whole block: a house number written before the street ("87645 22 Talga
 * Court"), and the lines that close it (city, region, postal code, country).
 */
function extendAddressBlocks(text: string, found: Candidate[]) {
  for (const c of found) {
    if (c.type !== 'ADDRESS') continue;
    const before = text.slice(Math.max(0, c.start - 10), c.start).match(HOUSE_NUMBER_BEFORE);
    if (before) c.start -= before[0].length;
    c.end = addressBlockEnd(text, c.end);
  }
}

export const geoDetector: Detector = {
  name: 'geo',
  finds: 'street addresses and ZIP codes',
  detect: ({ text, cues }) => detectGeo(text, cues),
  patterns: [
    HAS_UNIT,
    HAS_STREET_WORD,
    HAS_LOWER_STREET_WORD,
    HAS_STATE,
    HAS_FACILITY_WORD,
    ZIP_LABELLED,
    INSTITUTION_OF,
    SAINT_OR_MOUNT,
    SCHOOL,
    CUED_PLACE,
    UNIT_ALONE,
    STREET_WORD_FIRST,
    COUNTRY_THEN_CODE,
    ADDRESS_CUE,
    CORNER_OF,
    MILITARY_BOX,
    MILITARY_POST,
  ],
};
