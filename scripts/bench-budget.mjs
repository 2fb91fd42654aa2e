#!/usr/bin/env node
// The performance budget, one table: sizes of the built extension (the zip made fresh), the side
// panel's time to interactive in Chromium, and the headline figures of the capture and
// de-identification benchmarks that ran before it in `npm run bench`.
import { launchWithExtension } from './lib/browser.mjs';
import { readFigures } from './lib/figures.mjs';
import { CEILINGS, extensionSizes } from './lib/sizes.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = extensionSizes({ zip: true });

// Time to interactive: from navigation start to the first enabled "Read this page" button.
const RUNS = 7;
const ext = await launchWithExtension();
const times = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const page = await ext.context.newPage();
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const button = [...document.querySelectorAll('button')].find((b) => /Read this page/.test(b.textContent ?? ''));
        if (button) {
          window.__interactive = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
    await page.getByRole('button', { name: /Read this page/ }).waitFor();
    times.push(await page.evaluate(() => window.__interactive));
    await page.close();
  }
} finally {
  await ext.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = readFigures();
const rows = [
  [
    'page agent (page-agent.js)',
    `${kb(sizes.captureScript.gzip)} gz / ${kb(sizes.captureScript.raw)}`,
    CEILINGS.captureScriptGzip.target,
  ],
  [
    'side panel page, all it loads',
    `${kb(sizes.sidePanel.gzip)} gz / ${kb(sizes.sidePanel.raw)}`,
    CEILINGS.sidePanelGzip.target,
  ],
  [
    'options page, all it loads',
    `${kb(sizes.options.gzip)} gz / ${kb(sizes.options.raw)}`,
    CEILINGS.optionsGzip.target,
  ],
  [
    'background worker',
    `${kb(sizes.background.gzip)} gz / ${kb(sizes.background.raw)}`,
    CEILINGS.backgroundGzip.target,
  ],
  ['Chrome zip', kb(sizes.zipBytes), CEILINGS.zipBytes.target],
  ['side panel time to interactive', `${median(times).toFixed(0)} ms median of ${RUNS}`, ''],
  [
    'capture, 51k-element chart, warm',
    f.captureWarmMs
      ? `${f.captureWarmMs.toFixed(0)} ms (${f.captureInnerTextRatio.toFixed(1)}× innerText)`
      : 'run bench-capture first',
    '≤ 2× innerText (issue 3; not met)',
  ],
  [
    'longest main-thread task in capture',
    f.captureLongestTaskMs !== undefined ? `${f.captureLongestTaskMs.toFixed(0)} ms` : '—',
    'no task over 50 ms',
  ],
  [
    'de-identification, one 1 MB text',
    f.deidOneTextMBps ? `${f.deidOneTextMBps} MB/s` : 'run bench-deid first',
    '≥ 5 MB/s (issue 4)',
  ],
  ['de-identification, document by document', f.deidPerDocumentMBps ? `${f.deidPerDocumentMBps} MB/s` : '—', ''],
  [
    'tokens sent / page text, large chart',
    f.largeChartTokenRatio ? `${f.largeChartTokenRatio}×` : '—',
    '≤ 0.5× (issue 6)',
  ],
];
console.log('\nPerformance budget');
for (const [name, value, target] of rows) console.log(`  ${name.padEnd(40)} ${value.padEnd(34)} ${target}`);
