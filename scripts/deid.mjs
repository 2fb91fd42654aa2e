#!/usr/bin/env node
// `npm run -s deid -- [--policy safe-harbor|relative] [--record record.json]`
// Reads text on stdin; prints {"text": "<de-identified>", "spans": [{start, end, type, placeholder}]}
// with offsets into the input. --record takes a captured PatientRecord (or {"patient": …}): its
// banner's identifiers are removed wherever they appear, and its capture date anchors relative dates.
import { readFileSync } from 'node:fs';
import { loadModules } from './lib/load-ts.mjs';

function die(message) {
  process.stderr.write(`deid: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const policy = option('--policy') ?? 'safe-harbor';
if (!['safe-harbor', 'relative'].includes(policy)) die(`unknown policy "${policy}" (safe-harbor or relative)`);

let record;
const recordPath = option('--record');
if (recordPath) {
  try {
    record = JSON.parse(readFileSync(recordPath, 'utf8'));
  } catch (error) {
    die(`could not read the record ${recordPath}: ${error.message.split('\n')[0]}`);
  }
}

const input = readFileSync(0);
if (input.includes(0)) die('the input is binary, not text');
const text = input.toString('utf8');

const [{ deidentify, knownFromRecord, PlaceholderBook }] = await loadModules(['/utils/deidentify/index.ts']);
const reference = record?.source?.capturedAt ?? record?.encounter?.date;
const referenceDay = reference ? Date.parse(reference) : Date.now();
const day = Number.isNaN(referenceDay)
  ? undefined
  : Date.UTC(
      new Date(referenceDay).getUTCFullYear(),
      new Date(referenceDay).getUTCMonth(),
      new Date(referenceDay).getUTCDate(),
    );
const result = deidentify(text, { known: knownFromRecord(record?.patient), book: new PlaceholderBook(policy, day) });
process.stdout.write(`${JSON.stringify(result)}\n`);
