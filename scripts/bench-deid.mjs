#!/usr/bin/env node
// De-identification throughput and recall, side by side with a peer redaction library from npm
// (@redactpii/node, regex-based, zero dependencies), on the same ≥ 1 MB of clinical text: the
// team's corpus and held-out documents, repeated. Figures only, no pass/fail.
import { readFileSync } from 'node:fs';
import { Redactor } from '@redactpii/node';
import { loadModules } from './lib/load-ts.mjs';
import { recordFigures } from './lib/figures.mjs';

const [{ deidentify, knownFromRecord, PlaceholderBook }] = await loadModules(['/utils/deidentify/index.ts']);
const docs = ['corpus', 'heldout', 'heldout2'].flatMap((name) =>
  readFileSync(`tests/fixtures/deid/${name}.jsonl`, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line)),
);

const TARGET_BYTES = 1_100_000;
const batch = [];
let bytes = 0;
while (bytes < TARGET_BYTES) {
  for (const doc of docs) {
    batch.push(doc);
    bytes += Buffer.byteLength(doc.text);
  }
}
const known = new Map(docs.map((d) => [d, knownFromRecord(d.patient)]));
const peer = new Redactor();

function time(fn, rounds = 3) {
  const runs = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)];
}

/** Leak recall: the share of gold values that no longer stand as words in the output. */
function leakRecall(redact) {
  let gold = 0;
  let removed = 0;
  for (const doc of docs) {
    const out = redact(doc).toLowerCase();
    for (const span of doc.spans) {
      const value = doc.text
        .slice(span.start, span.end)
        .toLowerCase()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      gold++;
      if (!new RegExp(`(?<![\\p{L}\\p{N}])${value}(?![\\p{L}\\p{N}])`, 'u').test(out)) removed++;
    }
  }
  return removed / gold;
}

const ours = (doc) => deidentify(doc.text, { known: known.get(doc), book: new PlaceholderBook() }).text;
const theirs = (doc) => peer.redact(doc.text);
time(() => batch.slice(0, 200).forEach(ours), 1); // warm-up
time(() => batch.slice(0, 200).forEach(theirs), 1);

const oursMs = time(() => batch.forEach(ours));
const theirsMs = time(() => batch.forEach(theirs));
const oneText = batch.map((d) => d.text).join('\n\n');
time(() => deidentify(oneText, { known: known.get(docs[0]) }), 1); // warm-up, as for the documents
time(() => peer.redact(oneText), 1);
const oursOneMs = time(() => deidentify(oneText, { known: known.get(docs[0]) }), 5);
const theirsOneMs = time(() => peer.redact(oneText), 5);
const mbps = (ms, n = bytes) => (n / 1e6 / (ms / 1000)).toFixed(2);

console.log(
  `De-identification benchmark: ${(bytes / 1e6).toFixed(2)} MB of clinical text (${batch.length} documents, the team corpus repeated); after a warm-up, median of 3 (documents) and of 5 (one text)`,
);
// The panel de-identifies one payload text per send: the one-text column is the product's path.
// Documents one by one adds the fixed cost of each call (the corpus documents average ~300 bytes).
console.log(
  `                          one ${(Buffer.byteLength(oneText) / 1e6).toFixed(2)} MB text   documents one by one   leak recall (team corpus, both held-out sets)`,
);
console.log(
  `  Chartside               ${mbps(oursOneMs, Buffer.byteLength(oneText)).padStart(7)} MB/s        ${mbps(oursMs).padStart(7)} MB/s           ${leakRecall(ours).toFixed(3)}`,
);
console.log(
  `  @redactpii/node 1.0.17  ${mbps(theirsOneMs, Buffer.byteLength(oneText)).padStart(7)} MB/s        ${mbps(theirsMs).padStart(7)} MB/s           ${leakRecall(theirs).toFixed(3)}`,
);
console.log(
  '  (targets: Chartside ≥ 10 MB/s on one text and ≥ 6 MB/s document by document, ahead of the peer in leak recall)',
);
recordFigures({
  deidOneTextMBps: Number(mbps(oursOneMs, Buffer.byteLength(oneText))),
  deidPerDocumentMBps: Number(mbps(oursMs)),
});
