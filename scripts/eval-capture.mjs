#!/usr/bin/env node
// `npm run eval:capture`: reads every demo-portal layout for every patient through the built
// extension in headless Chromium, and prints recall and precision per category, and banner fields.
import { layouts, startPortal } from './portal/server.mjs';
import { patients } from './portal/patients.mjs';
import { capturedKeys, expectedRecord } from './portal/expected.mjs';
import { captureThroughExtension, launchWithExtension } from './lib/browser.mjs';
import { ensureBuilt } from './lib/build.mjs';

const CATEGORIES = ['problems', 'medications', 'allergies', 'labs', 'vitals', 'immunizations', 'procedures', 'notes', 'messages'];
const norm = (s) => String(s).toLowerCase().replace(/\s+/g, ' ').trim();

ensureBuilt();
const portal = await startPortal({ port: 0 });
const ext = await launchWithExtension();
const totals = Object.fromEntries(CATEGORIES.map((c) => [c, { expected: 0, captured: 0, matched: 0 }]));
const banner = { expected: 0, matched: 0, misses: [] };
const misses = [];

try {
  for (const layout of Object.keys(layouts)) {
    for (const patient of patients) {
      const page = await ext.context.newPage();
      await page.goto(`${portal.url}/patient/${patient.id}/${layout}`, { waitUntil: 'load' });
      const result = await captureThroughExtension(ext, page);
      await page.close();
      if (!result?.ok) throw new Error(`${patient.id}/${layout}: ${result?.error?.message}`);
      const record = result.value;
      const expected = expectedRecord(patient, layout);
      const got = capturedKeys(record);
      for (const c of CATEGORIES) {
        const want = expected[c].map(norm);
        const have = got[c].map(norm);
        const pool = [...have];
        let matched = 0;
        for (const w of want) {
          const i = pool.indexOf(w);
          if (i >= 0) { matched++; pool.splice(i, 1); } else misses.push(`${layout}/${patient.id} ${c}: missed "${w}"`);
        }
        for (const extra of pool) misses.push(`${layout}/${patient.id} ${c}: extra "${extra}"`);
        totals[c].expected += want.length;
        totals[c].captured += have.length;
        totals[c].matched += matched;
      }
      const p = record.patient;
      const check = {
        name: (want) => norm(p.name ?? '').includes(norm(want)),
        birthDate: (want) => p.birthDate === want,
        sex: (want) => p.sex === want,
        mrn: (want) => p.identifiers.some((id) => id.type === 'MRN' && id.value === want),
        phone: (want) => p.phones.includes(want),
        address: (want) => p.address === want,
      };
      for (const [field, want] of Object.entries(expected.banner)) {
        const ok = check[field](want);
        banner.expected++;
        if (ok) banner.matched++;
        else banner.misses.push(`${layout}/${patient.id} banner ${field}`);
      }
    }
  }
} finally {
  await ext.close();
  await portal.close();
}

const pct = (a, b) => (b === 0 ? '  n/a' : (a / b).toFixed(3));
console.log(`Capture evaluation: ${Object.keys(layouts).length} layouts × ${patients.length} patients\n`);
console.log('category        expected  captured  matched  recall  precision');
for (const c of CATEGORIES) {
  const t = totals[c];
  console.log(`${c.padEnd(15)} ${String(t.expected).padStart(8)}  ${String(t.captured).padStart(8)}  ${String(t.matched).padStart(7)}  ${pct(t.matched, t.expected).padStart(6)}  ${pct(t.matched, t.captured).padStart(9)}`);
}
console.log(`banner fields   ${String(banner.expected).padStart(8)}            ${String(banner.matched).padStart(7)}  ${pct(banner.matched, banner.expected).padStart(6)}`);
if (misses.length || banner.misses.length) console.log(`\nDifferences:\n${[...misses, ...banner.misses].map((m) => `  ${m}`).join('\n')}`);
