// Matching a record item to a truth item: by name (whole words, containment, generic leaves left out), by
// value (the key numbers, or a text value as words), and one-to-one by maximum matching. Part of ../truth-score.mjs.
import { containsWords, leavesOf, norm } from './text.mjs';
import { withoutDates } from './patient.mjs';

// ---------------------------------------------------------------------------------------------------
// Name matching

// Words that, alone or together with numbers and other such words, say nothing about which item a leaf
// is: statuses, severities, dosage forms, routes, frequencies, units, section words, month names. Such a
// leaf ("Active", "oral tablet", "twice daily", "mmol/L", "2025-06-03") is not used for the reverse
// containment of the rule (a leaf contained in a truth name).
export const GENERIC = new Set(
  `
  active inactive resolved current past historical chronic acute completed complete discontinued stopped
  held hold on off pending final preliminary amended corrected cancelled canceled refused entered error
  unknown confirmed unconfirmed suspected provisional differential verified unverified recurrence relapse
  remission new ongoing prn not taking taken given administered documented recorded reported noted
  mild moderate severe high low normal abnormal critical positive negative
  tablet tablets tab tabs capsule capsules cap caps solution suspension injection injectable injectables
  inhaler inhalant inhalation aerosol cream ointment gel lotion patch patches spray drops drop syrup
  elixir powder lozenge suppository film chewable extended release delayed coated oral topical transdermal
  metered dose doses pack kit pen prefilled syringe vial ring vaginal nasal ophthalmic otic rectal
  sublingual buccal subcutaneous intramuscular intravenous intradermal im iv sc sq po pr sl
  by mouth daily twice once three four times every each day days week weeks month months year years
  hour hours hourly weekly monthly morning evening night bedtime at as needed with without meals food
  bid tid qid qd qhs qam qpm q4h q6h q8h q12h
  mg mcg ug g kg ml l dl mmol umol mol meq iu unit units mm hg mmhg cm m m2 kg m2 in ft lb lbs oz
  bpm min per percent c f degc degf x
  allergy allergies intolerance intolerances reaction reactions problem problems diagnosis diagnoses
  condition conditions medication medications medicine medicines drug drugs vaccine vaccines
  immunization immunizations immunisation vaccination lab labs laboratory result results test tests
  vital vitals sign signs status severity date onset start end value range reference flag note notes
  no none known yes nka nkda the and or of for to in
  jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
  september october november december
`
    .split(/\s+/)
    .filter(Boolean),
);

/** A leaf made only of generic words and numbers (see GENERIC). */
export function isGeneric(normalised) {
  const words = normalised.split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC.has(w) || /^\d/.test(w));
}

/** One normalised leaf against one normalised truth name, by the rule. */
export function leafMatchesName(leaf, name) {
  if (!leaf || !name) return false;
  if (leaf === name) return true;
  if (containsWords(leaf, name)) return true;
  if (name.length >= 6 && leaf.includes(name)) return true;
  if (leaf.length >= 6 && !isGeneric(leaf) && containsWords(name, leaf)) return true;
  return false;
}

/** A truth item's names, normalised: `name`, `display`, `aliases`. */
export function truthNames(item) {
  if (typeof item === 'string') return [norm(item)].filter(Boolean);
  const names = [item?.name, item?.display, ...(Array.isArray(item?.aliases) ? item.aliases : [])];
  return [
    ...new Set(
      names
        .filter((n) => typeof n === 'string')
        .map(norm)
        .filter(Boolean),
    ),
  ];
}

/** A record item, prepared: its leaves (raw and normalised) and a short label for reports. */
export function prepareItem(item) {
  const leaves = leavesOf(item)
    .map((l) => ({ ...l, norm: norm(l.text) }))
    .filter((l) => l.norm);
  return { item, leaves, label: labelOf(item) };
}

export function labelOf(item) {
  if (typeof item === 'string') return item;
  if (item && typeof item === 'object') {
    if (typeof item.text === 'string' && item.text) return item.text;
    const first = leavesOf(item)
      .map((l) => l.text)
      .filter(Boolean);
    return first.slice(0, 4).join(' | ');
  }
  return String(item);
}

export function nameMatches(prepared, names) {
  return prepared.leaves.some((l) => names.some((n) => leafMatchesName(l.norm, n)));
}

// ---------------------------------------------------------------------------------------------------
// Value matching

/** Keys under which numbers are not the item's value: dates, ranges, flags, codes, statuses. */
export const NOT_VALUE_KEY =
  /date|time|when|day|period|effective|issued|onset|start|end|range|reference|refrange|interval|normal|low|high|flag|interpretation|abnormal|code|system|loinc|snomed|status|state|verification|^ids?$|^refs?$/;

/** Numbers written in a string (commas in thousands ignored), as { value, decimals }. */
export function numbersIn(s) {
  const text = String(s ?? '')
    .normalize('NFKD')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const out = [];
  for (const m of text.matchAll(/(?<![\p{L}\d.])(\d+(?:\.\d+)?)/gu)) {
    const [int, frac = ''] = m[1].split('.');
    out.push({ value: Number(m[1]), decimals: frac.length, int, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A truth value's key numbers: the first number, or both numbers of a `132/88`-style value.
 * An empty list means a text value (`Pending`, `REACTIVE`).
 */
export function keyNumbers(value) {
  const text = String(value ?? '')
    .normalize('NFKD')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const nums = numbersIn(text);
  if (!nums.length) return [];
  const [a, b] = nums;
  if (b && /^\s*\/\s*$/.test(text.slice(a.end, b.index))) return [a, b];
  return [a];
}

/** One truth number against one record number: exact, within 0.5 %, or the truth rounded to the record's decimals. */
export function numberMatches(truth, record) {
  if (truth.value === record.value) return true;
  if (Math.abs(truth.value - record.value) <= 0.005 * Math.abs(truth.value)) return true;
  return Number(truth.value.toFixed(record.decimals)) === record.value;
}

export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A leaf with the truth item's name text taken out (so `A1c` or `SpO2` give no number). */
export function withoutNames(text, names) {
  let out = String(text)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  for (const name of [...names].sort((x, y) => y.length - x.length)) {
    const words = name.split(' ').filter(Boolean);
    if (!words.length) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRe).join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'gu');
    out = out.replace(re, ' ');
  }
  return out;
}

/** The record item shows the truth value (its name having matched). */
export function valueMatches(prepared, truthValue, names) {
  const leaves = prepared.leaves.filter((l) => !l.path.some((k) => NOT_VALUE_KEY.test(k)));
  const want = keyNumbers(truthValue);
  if (!want.length) {
    const text = norm(truthValue);
    return Boolean(text) && leaves.some((l) => containsWords(l.norm, text));
  }
  const have = leaves.flatMap((l) => numbersIn(withoutNames(withoutDates(l.text), names)));
  // Each key number must be found, the two of `132/88` in two different places.
  const used = new Set();
  return want.every((t) => {
    const i = have.findIndex((r, j) => !used.has(j) && numberMatches(t, r));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------
// Maximum matching

/** Size of a maximum one-to-one matching, and the pairs: `edges[i]` lists the record items truth item i may take. */
export function maximumMatching(edges, recordCount) {
  const owner = new Array(recordCount).fill(-1);
  const tryAssign = (i, seen) => {
    for (const j of edges[i]) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] < 0 || tryAssign(owner[j], seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let i = 0; i < edges.length; i++) if (tryAssign(i, new Array(recordCount).fill(false))) size++;
  const pairOf = new Array(edges.length).fill(-1);
  owner.forEach((i, j) => {
    if (i >= 0) pairOf[i] = j;
  });
  return { size, pairOf };
}
