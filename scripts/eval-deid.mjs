#!/usr/bin/env node
// `npm run -s eval:deid -- <file.jsonl> [--policy safe-harbor|relative]`
// Scores de-identification on a JSONL file of {"text", "spans": [{"start","end","label","known"?}], "patient"?}:
//   span recall — a gold span counts as caught when every non-space character of it was replaced;
//   leak recall — the original value no longer stands as a word in the output text (any case);
//   precision   — a replaced span counts as right when it overlaps a gold span.
// Overall, per label, and for the patient's known identifiers. A Presidio-style JSON array
// ({full_text, spans: [{entity_type, start_position, end_position}]}) is read too, its labels
// mapped to Safe Harbor categories (labels Safe Harbor does not cover are left out).
import { readFileSync } from 'node:fs';
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
  PERSON: 'NAME', STREET_ADDRESS: 'ADDRESS', GPE: 'LOCATION', PHONE_NUMBER: 'PHONE', EMAIL_ADDRESS: 'EMAIL',
  DATE_TIME: 'DATE', US_SSN: 'SSN', IP_ADDRESS: 'IP', URL: 'URL', CREDIT_CARD: 'ACCOUNT', IBAN_CODE: 'ACCOUNT',
  US_DRIVER_LICENSE: 'LICENSE', DOMAIN_NAME: 'URL', ZIP_CODE: 'ZIP',
};

function readDocs(path) {
  const raw = readFileSync(path, 'utf8');
  if (path.endsWith('.jsonl')) return raw.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  return JSON.parse(raw).map((d) => ({
    text: d.full_text,
    spans: d.spans.filter((s) => PRESIDIO[s.entity_type]).map((s) => ({ start: s.start_position, end: s.end_position, label: PRESIDIO[s.entity_type] })),
  }));
}

const TYPE_LABEL = { PATIENT: 'NAME', PERSON: 'NAME', CLINICIAN: 'NAME' };
const policy = args.includes('--policy') ? args[args.indexOf('--policy') + 1] : 'safe-harbor';

const [{ deidentify, knownFromRecord, PlaceholderBook }] = await loadModules(['/utils/deidentify/index.ts']);
const docs = readDocs(file);
const tally = () => ({ gold: 0, caught: 0, leaked: 0, found: 0, right: 0 });
const overall = tally();
const known = tally();
const byLabel = new Map();
const misses = [];
const falsePositives = [];
let bytes = 0;
const started = performance.now();

for (const doc of docs) {
  const result = deidentify(doc.text, { known: knownFromRecord(doc.patient), book: new PlaceholderBook(policy) });
  bytes += Buffer.byteLength(doc.text);
  const covered = new Uint8Array(doc.text.length);
  for (const s of result.spans) covered.fill(1, s.start, s.end);
  const output = result.text.toLowerCase();
  for (const g of doc.spans) {
    const value = doc.text.slice(g.start, g.end);
    // Separators between replaced parts (the ", " in "Street, Unit 12") need not be replaced.
    const caught = [...value].every((ch, i) => covered[g.start + i] || /[\s,;:.]/.test(ch));
    // A leak is the value still standing as a word: a two-letter name "An" inside "and" is no leak.
    const leaked = new RegExp(`(?<![\\p{L}\\p{N}])${value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(output);
    for (const t of [overall, byLabel.get(g.label) ?? byLabel.set(g.label, tally()).get(g.label), ...(g.known ? [known] : [])]) {
      t.gold++;
      if (caught) t.caught++;
      if (leaked) t.leaked++;
    }
    if (!caught) misses.push(`${g.label}${g.known ? '*' : ''} "${value}"  …${doc.text.slice(Math.max(0, g.start - 30), g.start).replace(/\n/g, ' ')}⟦${value}⟧${doc.text.slice(g.end, g.end + 20).replace(/\n/g, ' ')}…`);
  }
  for (const s of result.spans) {
    const right = doc.spans.some((g) => g.start < s.end && s.start < g.end);
    const label = TYPE_LABEL[s.type] ?? s.type;
    for (const t of [overall, byLabel.get(label) ?? byLabel.set(label, tally()).get(label)]) {
      t.found++;
      if (right) t.right++;
    }
    if (!right) falsePositives.push(`${s.type} "${doc.text.slice(s.start, s.end)}"  …${doc.text.slice(Math.max(0, s.start - 30), s.start).replace(/\n/g, ' ')}⟦${doc.text.slice(s.start, s.end)}⟧${doc.text.slice(s.end, s.end + 20).replace(/\n/g, ' ')}…`);
  }
}
const seconds = (performance.now() - started) / 1000;

const ratio = (a, b) => (b === 0 ? '   n/a' : (a / b).toFixed(3).padStart(6));
const row = (name, t) => `${name.padEnd(12)} ${String(t.gold).padStart(5)} ${ratio(t.caught, t.gold)} ${ratio(t.gold - t.leaked, t.gold)} ${String(t.found).padStart(6)} ${ratio(t.right, t.found)}`;
console.log(`De-identification evaluation: ${file} — ${docs.length} documents, ${overall.gold} gold spans, policy ${policy}`);
console.log(`${'label'.padEnd(12)} ${'gold'.padStart(5)} ${'recall'.padStart(6)} ${'leak-r'.padStart(6)} ${'found'.padStart(6)} ${'prec.'.padStart(6)}`);
console.log(row('ALL', overall));
if (known.gold) console.log(row('known', known));
for (const [label, t] of [...byLabel.entries()].sort()) console.log(row(label, t));
console.log(`(${(bytes / 1e6 / seconds).toFixed(2)} MB/s on this file, including the first-call warm-up)`);
if (args.includes('--details')) {
  console.log(`\nMissed (${misses.length}):\n${misses.map((m) => `  ${m}`).join('\n')}`);
  console.log(`\nFalse positives (${falsePositives.length}):\n${falsePositives.map((m) => `  ${m}`).join('\n')}`);
}
