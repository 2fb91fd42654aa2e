#!/usr/bin/env node
// `npm run eval:capture`: reads pages through the built extension in headless Chromium and scores the
// records it captures.
//   1. Every demo-portal layout for every patient: recall and precision per category, banner fields.
//   2. The shared real pages (../shared/real-pages beside the repo, skipped when absent) and the team's
//      layout fixtures (tests/fixtures/layouts), each against its truth file, by the shared matching
//      rule (scripts/lib/truth-score.mjs): recall and precision per category, value recall for labs and
//      vitals, overall recall and patient fields, per family (the truth's `family`) and overall.
//   3. With --heldout, the held-out fixtures (tests/fixtures/heldout) too, under their own heading.
//   4. With --fresh, the newest fixtures (tests/fixtures/fresh: dev/, and unseen*/ kept from the reader's authors
//      until scored), each folder under its own heading.
// Options: --details (what each page missed), --json FILE (all figures as JSON), --heldout, --fresh.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layouts, startPortal } from './portal/server.mjs';
import { patients } from './portal/patients.mjs';
import { capturedKeys, expectedRecord } from './portal/expected.mjs';
import { captureThroughExtension, launchWithExtension } from './lib/browser.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { serveDirectory } from './lib/serve.mjs';
import { aggregateScores, CATEGORIES, PATIENT_FIELDS, scoreRecord, VALUE_CATEGORIES } from './lib/truth-score.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return args[i].includes('=') ? args[i].slice(name.length + 1) : args[i + 1];
};
const DETAILS = args.includes('--details');
const HELDOUT = args.includes('--heldout');
const FRESH = args.includes('--fresh');
const JSON_FILE = option('--json');
if (args.includes('--json') && !JSON_FILE) throw new Error('--json needs a file name');

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const REAL_PAGES = resolve(repo, '..', 'shared', 'real-pages');
const LAYOUTS = join(repo, 'tests', 'fixtures', 'layouts');
const HELDOUT_DIR = join(repo, 'tests', 'fixtures', 'heldout');
const FRESH_DIR = join(repo, 'tests', 'fixtures', 'fresh');

const PORTAL_CATEGORIES = [
  'problems',
  'medications',
  'allergies',
  'labs',
  'vitals',
  'immunizations',
  'procedures',
  'notes',
  'messages',
];
const norm = (s) => String(s).toLowerCase().replace(/\s+/g, ' ').trim();

ensureBuilt();
const ext = await launchWithExtension();
const figures = {};
try {
  figures.portal = await evalPortal();
  printPortal(figures.portal);

  if (existsSync(join(REAL_PAGES, 'truth'))) {
    const pages = readdirSync(join(REAL_PAGES, 'truth'))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const truth = JSON.parse(readFileSync(join(REAL_PAGES, 'truth', f), 'utf8'));
        return { page: truth.page, truth };
      });
    figures.realPages = await evalPages(REAL_PAGES, pages);
    printGroup(`Real pages (../shared/real-pages)`, figures.realPages);
  } else {
    console.log('\nreal pages: ../shared/real-pages not found — skipped');
  }

  figures.layouts = await evalPages(LAYOUTS, fixturePages(LAYOUTS));
  printGroup('Layout fixtures (tests/fixtures/layouts)', figures.layouts);

  if (HELDOUT) {
    figures.heldout = await evalPages(HELDOUT_DIR, fixturePages(HELDOUT_DIR));
    printGroup('Held-out fixtures (tests/fixtures/heldout)', figures.heldout);
  }
  if (FRESH) {
    // Every set folder: dev/, unseen/, unseen2/, … (a new set is scored the first time it is run).
    const sets = readdirSync(FRESH_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const set of sets) {
      figures[`fresh-${set}`] = await evalPages(join(FRESH_DIR, set), fixturePages(join(FRESH_DIR, set)));
      printGroup(`Fresh fixtures (tests/fixtures/fresh/${set})`, figures[`fresh-${set}`]);
    }
  }
} finally {
  await ext.close();
}
if (JSON_FILE) {
  writeFileSync(JSON_FILE, JSON.stringify(figures, null, 2));
  console.log(`\nFigures written to ${JSON_FILE}`);
}

// ---------------------------------------------------------------------------------------------------
// Demo portal

async function evalPortal() {
  const portal = await startPortal({ port: 0 });
  const totals = Object.fromEntries(PORTAL_CATEGORIES.map((c) => [c, { expected: 0, captured: 0, matched: 0 }]));
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
        for (const c of PORTAL_CATEGORIES) {
          const want = expected[c].map(norm);
          const have = got[c].map(norm);
          const pool = [...have];
          let matched = 0;
          for (const w of want) {
            const i = pool.indexOf(w);
            if (i >= 0) {
              matched++;
              pool.splice(i, 1);
            } else misses.push(`${layout}/${patient.id} ${c}: missed "${w}"`);
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
    await portal.close();
  }
  return { layouts: Object.keys(layouts).length, patients: patients.length, totals, banner, misses };
}

function printPortal({ totals, banner, misses }) {
  const pct = (a, b) => (b === 0 ? '  n/a' : (a / b).toFixed(3));
  console.log(`Capture evaluation: ${Object.keys(layouts).length} layouts × ${patients.length} patients\n`);
  console.log('category        expected  captured  matched  recall  precision');
  for (const c of PORTAL_CATEGORIES) {
    const t = totals[c];
    console.log(
      `${c.padEnd(15)} ${String(t.expected).padStart(8)}  ${String(t.captured).padStart(8)}  ${String(t.matched).padStart(7)}  ${pct(t.matched, t.expected).padStart(6)}  ${pct(t.matched, t.captured).padStart(9)}`,
    );
  }
  console.log(
    `banner fields   ${String(banner.expected).padStart(8)}            ${String(banner.matched).padStart(7)}  ${pct(banner.matched, banner.expected).padStart(6)}`,
  );
  if (misses.length || banner.misses.length)
    console.log(`\nDifferences:\n${[...misses, ...banner.misses].map((m) => `  ${m}`).join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------
// Pages with truth files

/** `<dir>/*.html`, each with `<dir>/truth/<name>.json` (a page without one is reported, not scored). */
function fixturePages(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const file = join(dir, 'truth', `${basename(f, '.html')}.json`);
      return existsSync(file) ? { page: f, truth: JSON.parse(readFileSync(file, 'utf8')) } : { page: f, truth: null };
    });
}

/** Serves `root`, captures every page through the extension and scores it against its truth. */
async function evalPages(root, entries) {
  const server = await serveDirectory(root);
  const pages = [];
  const unscored = [];
  try {
    for (const { page, truth } of entries) {
      if (!truth) {
        unscored.push(`${page}: no truth file`);
        continue;
      }
      const path = truth.page ?? page;
      if (!existsSync(join(root, path))) {
        unscored.push(`${path}: page not found`);
        continue;
      }
      const tab = await ext.context.newPage();
      let record = {};
      let error;
      try {
        await tab.goto(`${server.url}/${path.split('/').map(encodeURIComponent).join('/')}`, { waitUntil: 'load' });
        const result = await captureThroughExtension(ext, tab);
        if (result?.ok) record = result.value;
        else error = result?.error?.message ?? 'capture failed';
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      } finally {
        await tab.close();
      }
      // A failed capture is scored as an empty record: it read nothing.
      pages.push({
        page: path,
        family: truth.family ?? 'unknown',
        error,
        score: scoreRecord(record, truth),
        coverage: record.capture?.coverage,
      });
    }
  } finally {
    await server.close();
  }
  return { ...aggregateScores(pages), pages, unscored };
}

// ---------------------------------------------------------------------------------------------------
// Printing

function rate(x) {
  return x === null || x === undefined ? 'n/a' : x.toFixed(3);
}
function cell(a, b, r) {
  return b === 0 ? '—' : `${rate(r ?? a / b)} ${a}/${b}`;
}

/** Columns aligned: the first `left` columns to the left, the others to the right. */
function table(rows, left = 1) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((v, i) => (i < left ? String(v ?? '').padEnd(widths[i]) : String(v ?? '').padStart(widths[i])))
        .join('   ')
        .trimEnd(),
    )
    .join('\n');
}

function printGroup(title, group) {
  const families = Object.keys(group.byFamily).sort();
  const columns = [
    ...families.map((f) => [f, group.byFamily[f]]),
    ...(families.length > 1 ? [['all', group.overall]] : []),
  ];
  console.log(
    `\n${title}: ${group.pages.length} page${group.pages.length === 1 ? '' : 's'}, ${families.length} famil${families.length === 1 ? 'y' : 'ies'}`,
  );
  for (const u of group.unscored) console.log(`  not scored: ${u}`);
  for (const p of group.pages)
    if (p.error) console.log(`  capture failed on ${p.page}: ${p.error} (scored as an empty record)`);
  if (!group.pages.length) return;
  console.log(
    '  (recall = truth items matched / truth items; precision = record items matching truth / record items)\n',
  );

  const rows = [['', ...columns.map(([name]) => name)]];
  rows.push(['pages', ...columns.map(([, t]) => String(t.pages))]);
  for (const c of CATEGORIES) {
    rows.push([
      `${c} recall`,
      ...columns.map(([, t]) => cell(t.categories[c].matched, t.categories[c].truthItems, t.categories[c].recall)),
    ]);
    rows.push([
      `${c} precision`,
      ...columns.map(([, t]) => cell(t.categories[c].precise, t.categories[c].recordItems, t.categories[c].precision)),
    ]);
  }
  for (const c of VALUE_CATEGORIES) {
    rows.push([
      `${c.replace(/s$/, '')} values recall`,
      ...columns.map(([, t]) => cell(t.values[c].matched, t.values[c].pairs, t.values[c].recall)),
    ]);
  }
  rows.push(['overall recall', ...columns.map(([, t]) => rate(t.overallRecall))]);
  rows.push(['problem status agrees', ...columns.map(([, t]) => cell(t.problemStatus.agreed, t.problemStatus.shown))]);
  for (const f of PATIENT_FIELDS) {
    rows.push([
      `patient ${f} (pages)`,
      ...columns.map(([, t]) => (t.patient[f].pages ? `${t.patient[f].found}/${t.patient[f].pages}` : '—')),
    ]);
  }
  rows.push([
    'identifiers found/shown',
    ...columns.map(([, t]) =>
      t.patient.identifiers.shown ? `${t.patient.identifiers.found}/${t.patient.identifiers.shown}` : '—',
    ),
  ]);
  console.log(table(rows).replace(/^/gm, '  '));

  if (!DETAILS) return;
  console.log('\n  Per page (matched/truth; overall recall):');
  const short = {
    problems: 'prob',
    medications: 'meds',
    allergies: 'allg',
    labs: 'labs',
    vitals: 'vits',
    immunizations: 'imms',
  };
  // Where the page's visible text went: typed into items and the patient's details, and all of it accounted for.
  const share = (c, part) =>
    c && c.visibleChars ? `${Math.round((100 * Math.min(part, c.visibleChars)) / c.visibleChars)}%` : '—';
  const pageRows = [
    ['page', 'family', ...CATEGORIES.map((c) => short[c]), 'lab val', 'vit val', 'overall', 'as items', 'accounted'],
  ];
  for (const p of group.pages) {
    const s = p.score;
    pageRows.push([
      p.page,
      p.family,
      ...CATEGORIES.map((c) => `${s.categories[c].matched}/${s.categories[c].truthItems}`),
      ...VALUE_CATEGORIES.map((c) => `${s.values[c].matched}/${s.values[c].pairs}`),
      rate(s.overallRecall),
      share(p.coverage, (p.coverage?.typedChars ?? 0) + (p.coverage?.bannerChars ?? 0)),
      // Items, the patient's details, kept text and controls left out for a reason: never silently lost.
      share(
        p.coverage,
        ['typedChars', 'keptChars', 'bannerChars', 'skippedChars'].reduce((n, k) => n + (p.coverage?.[k] ?? 0), 0),
      ),
    ]);
  }
  console.log(table(pageRows, 2).replace(/^/gm, '    '));
  console.log(
    '\n  Misses (missed: truth item not captured; value: truth value not shown by any captured item of that name; extra: record item matching no truth item):',
  );
  for (const p of group.pages) {
    console.log(`\n    ${p.page} (${p.family})${p.error ? ` — capture failed: ${p.error}` : ''}`);
    if (!p.score.misses.length) {
      console.log('      none');
      continue;
    }
    const order = ['patient', ...CATEGORIES];
    const kinds = ['missed', 'value', 'extra'];
    const sorted = [...p.score.misses].sort(
      (a, b) => order.indexOf(a.category) - order.indexOf(b.category) || kinds.indexOf(a.kind) - kinds.indexOf(b.kind),
    );
    console.log(
      table(
        sorted.map((m) => [
          m.category,
          m.kind,
          m.kind === 'value' || m.category === 'patient' ? m.text : `"${oneLine(m.text)}"`,
        ]),
        3,
      ).replace(/^/gm, '      '),
    );
  }
}

function oneLine(s) {
  const t = String(s).replace(/\s+/g, ' ').trim();
  return t.length > 140 ? `${t.slice(0, 137)}...` : t;
}
