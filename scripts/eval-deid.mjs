#!/usr/bin/env node
// `npm run -s eval:deid -- <file.jsonl> [--policy safe-harbor|relative]`
// Scores de-identification on a JSONL file of {"text", "spans": [{"start","end","label","known"?}], "patient"?}:
// span recall, leak recall and precision (defined in lib/deid-score.mjs), overall, per label, and
// for the patient's known identifiers. A Presidio-style JSON array
// ({full_text, spans: [{entity_type, start_position, end_position}]}) is read too, its labels
// mapped to Safe Harbor categories (labels Safe Harbor does not cover are left out).
import { readFileSync } from 'node:fs';
import { scoreDocs } from './lib/deid-score.mjs';
import { loadModules } from './lib/load-ts.mjs';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run -s eval:deid -- <file.jsonl|presidio.json>');
  process.exit(2);
}

// Presidio's labels → Safe Harbor categories. Left out: TITLE, NRP (nationality, religion,
// politics), ORGANIZATION (a company is an identifier only as an employer, which Presidio does
// not mark), AGE (only ages over 89 are), and the credit card/IBAN numbers are accounts.
const PRESIDIO = {
  PERSON: 'NAME',
  STREET_ADDRESS: 'ADDRESS',
  GPE: 'LOCATION',
  PHONE_NUMBER: 'PHONE',
  EMAIL_ADDRESS: 'EMAIL',
  DATE_TIME: 'DATE',
  US_SSN: 'SSN',
  IP_ADDRESS: 'IP',
  URL: 'URL',
  CREDIT_CARD: 'ACCOUNT',
  IBAN_CODE: 'ACCOUNT',
  US_DRIVER_LICENSE: 'LICENSE',
  DOMAIN_NAME: 'URL',
  ZIP_CODE: 'ZIP',
};

/**
 * Gold spans Safe Harbor itself lets stay, left out of the score and counted: a year on its own ("founded in 1973";
 * all elements of dates except the year are identifiers) and a whole country or US state (only subdivisions smaller
 * than a state are).
 */
const leftOut = { years: 0, regions: 0 };
function safeHarborKeeps(span, text, isRegion) {
  const value = text.slice(span.start, span.end).trim();
  if (span.label === 'DATE' && /^\d{4}$/.test(value)) return (leftOut.years++, true);
  if (span.label === 'LOCATION' && isRegion(value)) return (leftOut.regions++, true);
  return false;
}

function readDocs(path, isRegion) {
  const raw = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl'))
    return raw
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  return JSON.parse(raw).map((d) => ({
    text: d.full_text,
    spans: d.spans
      .filter((s) => PRESIDIO[s.entity_type])
      .map((s) => ({ start: s.start_position, end: s.end_position, label: PRESIDIO[s.entity_type] }))
      .filter((span) => !safeHarborKeeps(span, d.full_text, isRegion)),
  }));
}

const policy = args.includes('--policy') ? args[args.indexOf('--policy') + 1] : 'safe-harbor';

const [{ deidentify, knownFromRecord, PlaceholderBook }, { isRegion }] = await loadModules([
  '/utils/deidentify/index.ts',
  '/utils/deidentify/regions.ts',
]);
const docs = readDocs(file, isRegion);
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const started = performance.now();
const { overall, known, byLabel, documents, misses, falsePositives } = scoreDocs(docs, (doc) =>
  deidentify(doc.text, { known: knownFromRecord(doc.patient), book: new PlaceholderBook(policy) }),
);
const seconds = (performance.now() - started) / 1000;

const ratio = (a, b) => (b === 0 ? '   n/a' : (a / b).toFixed(3).padStart(6));
const row = (name, t) =>
  `${name.padEnd(12)} ${String(t.gold).padStart(5)} ${ratio(t.caught, t.gold)} ${ratio(t.gold - t.leaked, t.gold)} ${String(t.found).padStart(6)} ${ratio(t.right, t.found)}`;
console.log(
  `De-identification evaluation: ${file} — ${docs.length} documents, ${overall.gold} gold spans, policy ${policy}`,
);
if (leftOut.years || leftOut.regions)
  console.log(
    `(left out as Safe Harbor allows: ${leftOut.years} gold spans that are a year alone, ${leftOut.regions} that are a whole country or US state)`,
  );
console.log(
  `${'label'.padEnd(12)} ${'gold'.padStart(5)} ${'recall'.padStart(6)} ${'leak-r'.padStart(6)} ${'found'.padStart(6)} ${'prec.'.padStart(6)}`,
);
console.log(row('ALL', overall));
if (known.gold) console.log(row('known', known));
for (const [label, t] of [...byLabel.entries()].sort()) console.log(row(label, t));
const share = (a, b) => (b ? `${a}/${b} = ${((100 * a) / b).toFixed(1)}%` : 'none');
console.log(
  `documents with identifiers that leak at least one: ${share(documents.leaking, documents.withIdentifiers)}; identifier-free documents altered: ${share(documents.altered, documents.identifierFree)}`,
);
console.log(`(${(bytes / 1e6 / seconds).toFixed(2)} MB/s on this file, including the first-call warm-up)`);
if (args.includes('--details')) {
  console.log(`\nMissed (${misses.length}):\n${misses.map((m) => `  ${m}`).join('\n')}`);
  console.log(`\nFalse positives (${falsePositives.length}):\n${falsePositives.map((m) => `  ${m}`).join('\n')}`);
}
