#!/usr/bin/env node
// `npm run bench`: figures, not pass/fail. How long the managed policy makes a clinician wait, in a
// real Chromium with the built extension, each run in a freshly started browser:
//   - panel: from opening the side panel to the first "Read this page" done on the demo portal;
//   - settings: from opening the settings page to its form on screen.
// Each in a fresh profile (the worst case: nothing compiled yet), and the panel also in a returning profile (a
// clinician's browser started again, which keeps the compiled code of pages it has opened).
// Each measured just after launch (the worst case) and once the browser has been up a while.
// Without a policy, and with one (AllowedOrigins + an endpoint) when this user may write Chromium's
// policy folder (root, as in CI). Target: under 300 ms each.
import { createHash } from 'node:crypto';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickToolbarButton, EXTENSION_DIR, launchWithExtension, tabIdOf } from './lib/browser.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { recordFigures } from './lib/figures.mjs';
import { startPortal } from './portal/server.mjs';

const RUNS = 3;
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/chartside-bench.json`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** An unpacked extension's id: the SHA-256 of its path, its first 32 hex digits written a–p. */
// (The same as tests/support/managed-policy.ts, which plain node cannot import.)
function unpackedId(path) {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

function canWritePolicy() {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    accessSync(POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Marks, in page time (ms from navigation start), the first moment an element matching `test` is in the page. */
function markWhen(name, selector, pattern) {
  return [
    ({ name, selector, pattern }) => {
      new MutationObserver((_, observer) => {
        const matches = (el) => pattern === '' || new RegExp(pattern).test(el.textContent ?? '');
        const found = [...document.querySelectorAll(selector)].find(matches);
        if (found) {
          window[name] = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true, characterData: true });
    },
    { name, selector, pattern },
  ];
}

async function panelFirstRead(ext, portalUrl) {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/p1001/dashboard`, { waitUntil: 'load' });
  await clickToolbarButton(ext, chart);
  const tabId = await tabIdOf(ext, chart);
  const panel = await ext.context.newPage();
  await panel.addInitScript(...markWhen('__readDone', 'button', '^Read this page again$'));
  await panel.addInitScript(...markWhen('__ready', 'button', '^Read this page$'));
  await panel.addInitScript(() =>
    document.addEventListener('click', () => (window.__click ??= performance.now()), true),
  );
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.getByRole('button', { name: 'Read this page', exact: true }).click();
  await panel.getByRole('button', { name: 'Read this page again' }).waitFor({ timeout: 30_000 });
  const { done, ready, click } = await panel.evaluate(() => ({
    done: window.__readDone,
    ready: window.__ready,
    click: window.__click,
  }));
  // The test's own click comes 50–100 ms after the button is on screen (DevTools round trips); a clinician's click is
  // theirs. So also: panel opened → button on screen, plus click → read done.
  return { done, ownWork: ready + (done - click) };
}

async function settingsForm(ext) {
  const options = await ext.context.newPage();
  await options.addInitScript(...markWhen('__formShown', 'input[type=radio]', ''));
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.getByRole('radio').first().waitFor({ timeout: 30_000 });
  return options.evaluate(() => window.__formShown);
}

/** Until the worker has cached the policy (or 6 s, for a build without the cache): the browser has been up a while. */
async function policyRead(ext) {
  const until = Date.now() + 6_000;
  while (Date.now() < until) {
    const cached = await ext.serviceWorker.evaluate(async () => {
      return Object.keys(await globalThis.chrome.storage.session.get('managedPolicy')).length > 0;
    });
    if (cached) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Each run in a browser of its own: opened at once after launch (Chrome's managed storage has not
 * answered yet: the panel must wait for it, the settings page need not), and opened once the
 * browser has been up a while (the usual case: the policy is cached).
 */
async function measure(label, extensionDir, portalUrl) {
  const figures = {
    panel: [],
    settings: [],
    panelLater: [],
    settingsLater: [],
    panelOwn: [],
    panelLaterOwn: [],
    panelReturning: [],
    panelReturningOwn: [],
  };
  const steps = [
    ['panel', (ext) => panelFirstRead(ext, portalUrl)],
    ['settings', settingsForm],
    ['panelLater', async (ext) => (await policyRead(ext), panelFirstRead(ext, portalUrl))],
    ['settingsLater', async (ext) => (await policyRead(ext), settingsForm(ext))],
  ];
  // A clinician's browser keeps its profile: the second time it starts, the browser has the panel's code compiled.
  const returning = mkdtempSync(join(tmpdir(), 'chartside-bench-profile-'));
  // The first start fills the profile (not measured); each later one is a browser started again.
  for (let start = 0; start <= RUNS; start++) {
    const ext = await launchWithExtension({ extensionDir, userDataDir: returning });
    try {
      await policyRead(ext);
      const figure = await panelFirstRead(ext, portalUrl);
      if (start > 0) {
        figures.panelReturning.push(figure.done);
        figures.panelReturningOwn.push(figure.ownWork);
      }
    } finally {
      await ext.close();
    }
  }
  rmSync(returning, { recursive: true, force: true });
  for (let run = 0; run < RUNS; run++) {
    for (const [name, step] of steps) {
      const ext = await launchWithExtension({ extensionDir });
      try {
        const figure = await step(ext);
        if (typeof figure === 'number') figures[name].push(figure);
        else {
          figures[name].push(figure.done);
          figures[`${name}Own`].push(figure.ownWork);
        }
      } finally {
        await ext.close();
      }
    }
  }
  const show = (xs) => `${median(xs).toFixed(0).padStart(5)} ms median   [${xs.map((x) => x.toFixed(0)).join(', ')}]`;
  console.log(`  ${label}`);
  console.log(`    just after launch: panel opened → first "Read this page" done   ${show(figures.panel)}`);
  console.log(`    just after launch: settings opened → form shown                 ${show(figures.settings)}`);
  console.log(`    policy read once:  panel opened → first "Read this page" done   ${show(figures.panelLater)}`);
  console.log(`    policy read once:  settings opened → form shown                 ${show(figures.settingsLater)}`);
  console.log(
    `    returning profile (browser restarted): panel → "Read this page" done ${show(figures.panelReturning)}`,
  );
  console.log(`    the panel's own part (button on screen + click → read done), without the test's click delay:`);
  console.log(`      just after launch                                             ${show(figures.panelOwn)}`);
  console.log(`      policy read once                                              ${show(figures.panelLaterOwn)}`);
  console.log(`      a returning profile                                           ${show(figures.panelReturningOwn)}`);
  return Object.fromEntries(Object.entries(figures).map(([name, xs]) => [name, median(xs)]));
}

ensureBuilt();
const portal = await startPortal({ port: 0 });
console.log(`Policy benchmark: fresh Chromium per run, ${RUNS} runs each, portal p1001 dashboard (target < 300 ms)`);
try {
  const none = await measure('no managed policy', EXTENSION_DIR, portal.url);
  const figures = {
    policyPanelFirstReadMs: none.panelLater,
    policySettingsFormMs: none.settings,
    policyPanelJustLaunchedMs: none.panel,
    policyPanelFirstReadOwnMs: none.panelLaterOwn,
    policyPanelReturningOwnMs: none.panelReturningOwn,
  };
  if (canWritePolicy()) {
    // A copy of the build at its own path has its own id, so the policy reaches only this browser.
    const dir = join(mkdtempSync(join(tmpdir(), 'chartside-bench-policy-')), 'chrome-mv3');
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    writeFileSync(
      POLICY_FILE,
      JSON.stringify({
        '3rdparty': {
          extensions: {
            [unpackedId(dir)]: {
              Endpoint: 'https://llm-gateway.example.org/v1',
              Model: 'bench',
              AllowedOrigins: [new URL(portal.url).origin],
            },
          },
        },
      }),
    );
    try {
      const label = 'with a managed policy (AllowedOrigins = the portal, an endpoint)';
      const managed = await measure(label, dir, portal.url);
      figures.policyManagedPanelFirstReadMs = managed.panelLater;
      figures.policyManagedSettingsFormMs = managed.settings;
    } finally {
      rmSync(POLICY_FILE, { force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log(`  with a managed policy: skipped (needs write access to ${POLICY_DIR})`);
  }
  recordFigures(figures);
} finally {
  await portal.close();
}
