// Scores a captured record against a ground-truth file in the shared format
// (../shared/real-pages/README.md, "Truth files" and "How our scorer matches"), written from that rule:
//
//   - every string is normalised (NFKD, no accents, lower case, runs of non-letters/digits -> one space);
//   - a record's categories are found by key name or synonym; items may be objects or strings, and an
//     item's candidate texts are all its string leaves, at any depth;
//   - a truth item (names: `name`, `display`, `aliases`) is matched by a record item when one of the
//     item's leaves equals a name, contains it as whole words (or as a substring when the name has at
//     least 6 characters), or — the leaf having at least 6 characters and not being generic (a status,
//     a dosage form, a unit, a date...) — is contained in a name as whole words;
//   - recall: truth items, deduplicated by name, matched one-to-one (maximum matching) to record items;
//     values (labs, vitals): the same for (name, value) pairs, where the record item must also show the
//     truth value's key number(s), or a text value as whole words;
//   - precision: record items matching any required or optional truth item, over record items;
//   - patient: given and family names as words, a date that parses to the birth date, sex under a
//     sex/gender key, identifiers compared by letters and digits only; subtrees about other people
//     (guardian, contact, author, provider, organisation...) are ignored.
//
// Plain ESM so `npm run eval:capture`, the benches and the unit tests share it.

import { CATEGORIES, containsWords, norm, PATIENT_FIELDS, readRecord, VALUE_CATEGORIES } from './truth-score/text.mjs';
export { CATEGORIES, PATIENT_FIELDS, VALUE_CATEGORIES };
import { maximumMatching, nameMatches, prepareItem, truthNames, valueMatches } from './truth-score/match.mjs';
import { scorePatient } from './truth-score/patient.mjs';
export { containsWords, norm, readRecord } from './truth-score/text.mjs';
export {
  isGeneric,
  keyNumbers,
  leafMatchesName,
  maximumMatching,
  numberMatches,
  numbersIn,
  truthNames,
  valueMatches,
} from './truth-score/match.mjs';
export { datesIn, identifierIn, scorePatient, withoutDates } from './truth-score/patient.mjs';

// ---------------------------------------------------------------------------------------------------
// One page

const STATUS_WORDS = {
  active: ['active', 'current', 'ongoing', 'chronic', 'recurrence', 'relapse'],
  resolved: ['resolved', 'inactive', 'historical', 'past', 'remission', 'completed'],
};

/** Deduplicates truth items by normalised name; a group's names are all its items' names. */
function groupByName(items) {
  const groups = new Map();
  for (const item of items) {
    const key = norm(typeof item === 'string' ? item : item?.name);
    if (!key) continue;
    const group = groups.get(key) ?? { key, items: [], names: new Set() };
    group.items.push(item);
    for (const n of truthNames(item)) group.names.add(n);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, names: [...g.names] }));
}

/**
 * @typedef {{ truthItems: number, matched: number, recordItems: number, precise: number }} CategoryCounts
 * @typedef {{ given?: boolean, family?: boolean, birthDate?: boolean, sex?: boolean,
 *   identifiers: { found: number, shown: number }, missedIdentifiers: string[] }} PatientScore
 * @typedef {{ category: string, kind: 'missed' | 'value' | 'extra', text: string }} Miss
 * @typedef {{ categories: Record<string, CategoryCounts>, values: Record<string, { pairs: number, matched: number }>,
 *   problemStatus: { shown: number, agreed: number }, patient: PatientScore, overallRecall: number | null,
 *   misses: Miss[] }} PageScore
 */

/**
 * Scores one captured record against one truth object.
 * @param {any} record a captured record (Chartside's PatientRecord, or any tolerated shape)
 * @param {any} truth a truth object in the shared format
 * @returns {PageScore}
 */
export function scoreRecord(record, truth) {
  const { lists, patient } = readRecord(record ?? {});
  const categories = {};
  const values = {};
  const misses = [];
  const problemStatus = { shown: 0, agreed: 0 };

  for (const c of CATEGORIES) {
    const recordItems = lists[c].map(prepareItem);
    const required = Array.isArray(truth?.[c]) ? truth[c] : [];
    const optional = Array.isArray(truth?.optional?.[c]) ? truth.optional[c] : [];
    const groups = groupByName(required);

    // Recall: maximum one-to-one matching of deduplicated truth items to record items.
    const edges = groups.map((g) => recordItems.flatMap((r, j) => (nameMatches(r, g.names) ? [j] : [])));
    const { size, pairOf } = maximumMatching(edges, recordItems.length);
    categories[c] = { truthItems: groups.length, matched: size, recordItems: recordItems.length, precise: 0 };
    groups.forEach((g, i) => {
      if (pairOf[i] < 0) misses.push({ category: c, kind: 'missed', text: g.items[0].name ?? String(g.items[0]) });
    });

    // Problem status: reported, not part of recall.
    if (c === 'problems') {
      groups.forEach((g, i) => {
        const status = g.items.find((it) => it?.status)?.status;
        if (!status || pairOf[i] < 0) return;
        problemStatus.shown++;
        const said = recordItems[pairOf[i]].leaves.filter((l) => l.path.some((k) => /status|state/.test(k)));
        const synonyms = STATUS_WORDS[norm(status)] ?? [norm(status)];
        if (said.some((l) => synonyms.some((w) => containsWords(l.norm, w)))) problemStatus.agreed++;
      });
    }

    // Precision: record items matching any required or optional truth item.
    const allNames = [...required, ...optional].map(truthNames);
    recordItems.forEach((r) => {
      if (allNames.some((names) => nameMatches(r, names))) categories[c].precise++;
      else misses.push({ category: c, kind: 'extra', text: r.label });
    });

    // Values: (name, value) pairs, deduplicated, matched one-to-one.
    if (VALUE_CATEGORIES.includes(c)) {
      const pairs = new Map();
      for (const item of required) {
        if (!item || typeof item !== 'object' || item.value === undefined || item.value === null || item.value === '')
          continue;
        const key = `${norm(item.name)}|${norm(item.value)}`;
        if (!pairs.has(key)) pairs.set(key, item);
      }
      const list = [...pairs.values()];
      const valueEdges = list.map((item) => {
        const names = truthNames(item);
        // Not `display`, which may hold the value.
        const valueNames = truthNames({ name: item.name, aliases: item.aliases });
        return recordItems.flatMap((r, j) =>
          nameMatches(r, names) && valueMatches(r, item.value, valueNames) ? [j] : [],
        );
      });
      const matching = maximumMatching(valueEdges, recordItems.length);
      values[c] = { pairs: list.length, matched: matching.size };
      list.forEach((item, i) => {
        if (matching.pairOf[i] >= 0) return;
        const names = truthNames(item);
        // Listed only where the name was captured: a name not captured at all is already a `missed`.
        const named = recordItems.filter((r) => nameMatches(r, names)).map((r) => r.label);
        if (!named.length) return;
        const seen = `${named
          .slice(0, 3)
          .map((t) => `"${t}"`)
          .join(', ')}${named.length > 3 ? `, ... (${named.length} items)` : ''}`;
        misses.push({ category: c, kind: 'value', text: `${item.name} = ${item.value}; record has: ${seen}` });
      });
    }
  }

  const patientScore = scorePatient(patient, truth?.patient ?? {});
  for (const f of PATIENT_FIELDS)
    if (patientScore[f] === false) misses.push({ category: 'patient', kind: 'missed', text: f });
  for (const id of patientScore.missedIdentifiers) misses.push({ category: 'patient', kind: 'missed', text: id });

  return { categories, values, problemStatus, patient: patientScore, overallRecall: overallRecall(categories), misses };
}

// ---------------------------------------------------------------------------------------------------
// Aggregation

const ratio = (a, b) => (b > 0 ? a / b : null);

/** Mean of the category recalls that have truth items (null when none has). */
export function overallRecall(categories) {
  const recalls = CATEGORIES.filter((c) => categories[c]?.truthItems > 0).map(
    (c) => categories[c].matched / categories[c].truthItems,
  );
  return recalls.length ? recalls.reduce((a, b) => a + b, 0) / recalls.length : null;
}

/**
 * @typedef {CategoryCounts & { recall?: number | null, precision?: number | null }} CategoryTotals
 * @typedef {{ pages: number, categories: Record<string, CategoryTotals>,
 *   values: Record<string, { pairs: number, matched: number, recall?: number | null }>,
 *   problemStatus: { shown: number, agreed: number }, overallRecall?: number | null,
 *   patient: Record<string, { found: number, pages: number }>
 *     & { identifiers: { found: number, shown: number } } }} Totals
 */

/** @returns {Totals} */
function emptyTotals() {
  return {
    pages: 0,
    categories: Object.fromEntries(
      CATEGORIES.map((c) => [c, { truthItems: 0, matched: 0, recordItems: 0, precise: 0 }]),
    ),
    values: Object.fromEntries(VALUE_CATEGORIES.map((c) => [c, { pairs: 0, matched: 0 }])),
    problemStatus: { shown: 0, agreed: 0 },
    patient: /** @type {Totals['patient']} */ ({
      ...Object.fromEntries(PATIENT_FIELDS.map((f) => [f, { found: 0, pages: 0 }])),
      identifiers: { found: 0, shown: 0 },
    }),
  };
}

function addScore(totals, score) {
  totals.pages++;
  for (const c of CATEGORIES)
    for (const k of ['truthItems', 'matched', 'recordItems', 'precise'])
      totals.categories[c][k] += score.categories[c][k];
  for (const c of VALUE_CATEGORIES) for (const k of ['pairs', 'matched']) totals.values[c][k] += score.values[c][k];
  totals.problemStatus.shown += score.problemStatus.shown;
  totals.problemStatus.agreed += score.problemStatus.agreed;
  for (const f of PATIENT_FIELDS) {
    if (score.patient[f] === undefined) continue;
    totals.patient[f].pages++;
    if (score.patient[f]) totals.patient[f].found++;
  }
  totals.patient.identifiers.found += score.patient.identifiers.found;
  totals.patient.identifiers.shown += score.patient.identifiers.shown;
}

/** Adds rates to summed counts: recall/precision per category, value recall, overall recall. */
function withRates(totals) {
  for (const c of CATEGORIES) {
    const t = totals.categories[c];
    t.recall = ratio(t.matched, t.truthItems);
    t.precision = ratio(t.precise, t.recordItems);
  }
  for (const c of VALUE_CATEGORIES) totals.values[c].recall = ratio(totals.values[c].matched, totals.values[c].pairs);
  totals.overallRecall = overallRecall(totals.categories);
  return totals;
}

/**
 * Sums page scores overall and per family (the truth's `family`), with recall and precision per
 * category, value recall, overall recall and patient fields found on N of M pages.
 * @param {Array<{ page?: string, family?: string, score: PageScore }>} pages
 * @returns {{ overall: Totals, byFamily: Record<string, Totals> }}
 */
export function aggregateScores(pages) {
  const overall = emptyTotals();
  const byFamily = {};
  for (const { family, score } of pages) {
    addScore(overall, score);
    addScore((byFamily[family ?? 'unknown'] ??= emptyTotals()), score);
  }
  withRates(overall);
  for (const totals of Object.values(byFamily)) withRates(totals);
  return { overall, byFamily };
}
