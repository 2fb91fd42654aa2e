// Launches Debian's Chromium with the built Chartside extension, the way a clinician's browser
// runs it. Shared by the e2e tests and the command-line tools (plain JS so both can import it).
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const EXTENSION_DIR = resolve(process.env.CHARTSIDE_EXTENSION_DIR ?? '.output/chrome-mv3');

export function chromePath() {
  const path = process.env.CHROME_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROME_PATH.`);
  }
  return path;
}

/**
 * @param {{ headless?: boolean, extensionDir?: string, userDataDir?: string }} [options]
 * @returns {Promise<{
 *   context: import('@playwright/test').BrowserContext,
 *   serviceWorker: import('@playwright/test').Worker,
 *   extensionId: string,
 *   close: () => Promise<void>,
 * }>}
 */
export async function launchWithExtension(options = {}) {
  const dir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(resolve(dir, 'manifest.json'))) {
    throw new Error(`No built extension in ${dir}. Run \`npm run build\` first.`);
  }
  // A fresh profile unless told: `userDataDir` reopens one (a clinician's browser, started again).
  const context = await chromium.launchPersistentContext(options.userDataDir ?? '', {
    executablePath: chromePath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // Lets tools press the toolbar button through the DevTools protocol (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
    ],
  });
  let [serviceWorker] = context.serviceWorkers();
  serviceWorker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId, close: () => context.close() };
}

/**
 * The extension's tab id for a page, asked of the service worker. Chartside has no `tabs`
 * permission, so it sees a tab's URL only after the clinician granted that tab (toolbar click);
 * before that, the page is the newest tab, since callers open pages one at a time.
 */
export async function tabIdOf(ext, page) {
  const url = page.url();
  const id = await ext.serviceWorker.evaluate(async (target) => {
    const tabs = await globalThis.chrome.tabs.query({});
    const byUrl = tabs.find((tab) => tab.url === target)?.id;
    return byUrl ?? Math.max(...tabs.map((tab) => tab.id ?? -1));
  }, url);
  if (id === undefined || id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

/**
 * Presses Chartside's toolbar button on a page, as a clinician does: Chrome grants activeTab for
 * that tab and the panel opens. Uses the DevTools protocol; nothing in the extension changes.
 */
export async function clickToolbarButton(ext, page) {
  await page.bringToFront(); // a clinician clicks the button on the tab they are looking at
  const browser = ext.context.browser();
  if (!browser) throw new Error('no browser handle for the DevTools protocol');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const target = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    if (!target) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: ext.extensionId, targetId: target.targetId });
  } finally {
    await cdp.detach().catch(() => undefined); // a failure above is the one worth reporting
  }
}

/** Opens the side panel's page in a tab, for a chart tab: `sidepanel.html?tabId=N`. */
export async function openPanel(ext, chart) {
  const tabId = await tabIdOf(ext, chart);
  const panel = await ext.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html?tabId=${tabId}`);
  return panel;
}

/**
 * Runs the extension's own capture on a page through its message protocol, from an extension page
 * (exactly what the panel does), and returns the Result the panel would receive.
 */
export async function captureThroughExtension(ext, chart, { selectionOnly = false } = {}) {
  await clickToolbarButton(ext, chart);
  const tabId = await tabIdOf(ext, chart);
  const page = await ext.context.newPage();
  try {
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    return await page.evaluate(
      ({ tabId, selectionOnly }) => globalThis.chrome.runtime.sendMessage({ type: 'capture', tabId, selectionOnly }),
      { tabId, selectionOnly },
    );
  } finally {
    await page.close();
  }
}
