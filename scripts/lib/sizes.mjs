// Sizes of the built extension, as a store reviewer and a clinician's download see them: each
// entry point with everything its page loads, raw and gzipped, and the packed zip. Shared by the
// performance-budget test (ceilings) and `npm run bench` (the table).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';

function measure(files) {
  const bytes = files.map((f) => readFileSync(join(OUT, f)));
  return {
    raw: bytes.reduce((n, b) => n + b.length, 0),
    gzip: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
    files,
  };
}

/** An HTML page and every script and stylesheet it links. */
function page(html) {
  const text = readFileSync(join(OUT, html), 'utf8');
  const linked = [...text.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return measure([html, ...linked]);
}

export function extensionSizes({ zip = false } = {}) {
  const sizes = {
    captureScript: measure(['page-agent.js']),
    background: measure(['background.js']),
    sidePanel: page('sidepanel.html'),
    options: page('options.html'),
  };
  // `npm run test:e2e` builds with `wxt zip`, so the zip is there; the bench may ask for a fresh one.
  if (zip) execFileSync('npx', ['wxt', 'zip'], { stdio: 'ignore' });
  const name = readdirSync('.output').find((f) => /-chrome\.zip$/.test(f));
  const zipBytes = name ? statSync(join('.output', name)).size : undefined;
  return { ...sizes, zipBytes };
}

/** Generous ceilings, checked by tests/e2e/budget.spec.ts; the targets are what the issues asked. */
export const CEILINGS = {
  // The page agent: capture, the identity check before every write (SHA-256 from @noble/hashes, 2 KB),
  // and zod to check the record at the boundary (most of the rest). Raised from 40 KB for issue 11, and from 56 KB
  // for issue 12: the reader learnt the pages real software renders (C-CDA's tables, flowsheets, accordions,
  // printed reports) and readies itself on a made-up chart (warm-up.ts, 0.6 KB gzipped); and from 60 KB when it
  // learnt layout that only CSS or coordinates give (CSS grids and chips, placed fax/PDF lines, printed columns,
  // ARIA grids' stacked headers, trees: boxes.ts, printed.ts, regroup.ts); it measured 61.6 KB gzipped then. From
  // 64 KB when unseen8's pages taught it title bars, vital signs by row, infusion orders and questionnaires: 64.6 KB.
  captureScriptGzip: { ceiling: 68 * 1024, target: '≤ 68 KB gzipped' },
  // React, React Query, zod and the openai SDK are most of it; the places gazetteer de-identification
  // reads (30,000 names, 145 KB gzipped) is bundled, never fetched. Raised from 300 KB for issue 13.
  sidePanelGzip: { ceiling: 440 * 1024, target: '≤ 440 KB gzipped' },
  optionsGzip: { ceiling: 300 * 1024, target: '≤ 300 KB gzipped' },
  // The worker routes messages and reads policy: the openai SDK must stay out of it (it once crept in: 109 KB).
  backgroundGzip: { ceiling: 48 * 1024, target: '≤ 48 KB gzipped' },
  zipBytes: { ceiling: 1_000_000, target: '≤ 1 MB' },
};
