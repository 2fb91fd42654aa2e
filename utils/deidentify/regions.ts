/**
 * Places Safe Harbor lets stay: US states and territories (and whole countries and continents). Detectors that
 * find places by their cues ("moved to Virginia") or names by a dictionary ("Virginia") skip them.
 */
import countries from './lexicons/countries.json';
import states from './lexicons/us-states.json';

/** Short forms of state names that notes use beside the names in the state lexicon. */
const STATE_SHORT_FORMS = ['Mass', 'Calif', 'Penn', 'US Virgin Islands'];

const COUNTRIES = `Afghanistan Albania Algeria Argentina Armenia Australia Austria Bangladesh Belgium Bolivia Bosnia Brazil Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Costa_Rica Croatia Cuba Czechia Denmark Dominican_Republic Ecuador Egypt El_Salvador England Eritrea Ethiopia Finland France Germany Ghana Greece Guatemala Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kenya Korea Laos Lebanon Liberia Libya Lithuania Mexico Morocco Myanmar Nepal Netherlands New_Zealand Nicaragua Nigeria Norway Pakistan Panama Paraguay Peru Philippines Poland Portugal Romania Russia Rwanda Saudi_Arabia Scotland Senegal Serbia Sierra_Leone Singapore Slovakia Somalia South_Africa South_Korea Spain Sri_Lanka Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand Trinidad Tunisia Turkey Uganda Ukraine United_Kingdom UK United_States USA US Uruguay Venezuela Vietnam Wales Yemen Zambia Zimbabwe Czech_Republic Ivory_Coast North_Korea Burma Macedonia Swaziland Cape_Verde East_Timor Vatican Holland Great_Britain Britain Northern_Ireland Brunei Moldova`;

/** Continents and world regions: larger than a state, so never an identifier ("trip to Africa"). */
const CONTINENTS = [
  'Africa',
  'Asia',
  'Europe',
  'Antarctica',
  'Oceania',
  'North America',
  'South America',
  'Latin America',
  'Central America',
  'Middle East',
  'Caribbean',
  'Scandinavia',
];

/**
 * Country names, as written: the common names above (with the forms people use: "UK", "Czech Republic") and every
 * ISO 3166 name (lexicons/countries.json). The geography detector reads a postal code after one ("Poland 35403").
 */
export const COUNTRY_NAMES: readonly string[] = [
  ...new Set([...COUNTRIES.split(/\s+/).map((name) => name.replace(/_/g, ' ')), ...countries.countries]),
];

const REGIONS = new Set(
  [...states.map((state) => state.name), ...STATE_SHORT_FORMS, ...COUNTRY_NAMES, ...CONTINENTS].map((name) =>
    name.toLowerCase(),
  ),
);

/** What a region's name may carry around it: "the", "State of", " State", a closing period or comma, spaces. */
const DECORATED = /[.,\s]$|^\s|^the\s|^state of\s|\sstate$/i;

/** "Virginia", "Washington State", "the State of Washington", "Mass." — true for whole states and countries. */
export function isRegion(name: string): boolean {
  // Asked of many capitalised words: the plain name is looked up before any rewriting.
  if (REGIONS.has(name.toLowerCase())) return true;
  if (!DECORATED.test(name)) return false;
  const clean = name
    .replace(/[.,]+$/, '')
    .replace(/^the\s+/i, '')
    .replace(/^state of\s+/i, '')
    .replace(/\s+state$/i, '')
    .trim()
    .toLowerCase();
  return REGIONS.has(clean);
}

const COUNTRIES_FOLDED = new Set(COUNTRY_NAMES.map((name) => name.toLowerCase()));

/** A country's name: before ", MI" it is a US town ("Holland, MI"), which Safe Harbor does not keep. */
export function isCountry(name: string): boolean {
  return COUNTRIES_FOLDED.has(name.trim().toLowerCase());
}
