#!/usr/bin/env node
// Writes the fixture pages the unit tests read: each portal layout for the first demo patient,
// as saved HTML (tests/fixtures/pages/<layout>.html), and what a clinician sees on it
// (tests/fixtures/expected/<layout>.json). Re-run after changing a layout or a patient.
import { mkdirSync, writeFileSync } from 'node:fs';
import { layouts } from './portal/server.mjs';
import { patients } from './portal/patients.mjs';
import { expectedRecord } from './portal/expected.mjs';
import { renderLabsFrame } from './portal/layouts/tabbed.mjs';

const [patient] = patients;
mkdirSync('tests/fixtures/pages', { recursive: true });
mkdirSync('tests/fixtures/expected', { recursive: true });
for (const [layout, render] of Object.entries(layouts)) {
  writeFileSync(`tests/fixtures/pages/${layout}.html`, render(patient));
  writeFileSync(
    `tests/fixtures/expected/${layout}.json`,
    `${JSON.stringify(expectedRecord(patient, layout), null, 2)}\n`,
  );
}
writeFileSync('tests/fixtures/pages/tabbed-labs-frame.html', renderLabsFrame(patient));
console.log(`wrote ${Object.keys(layouts).length} fixture pages and their expected records for ${patient.id}`);
