// Launches Debian's Firefox ESR with the built Chartside add-on (.output/firefox-mv2) as a temporary
// add-on, driven by puppeteer-core over WebDriver BiDi. Plain JS, like browser.mjs, so tools can use it.
//
// Why not just puppeteer.launch(): pressing the toolbar button (the click that grants activeTab)
// needs the browser's own chrome scope. Firefox 140 ESR has no chrome scope in WebDriver BiDi
// ("moz:scope" arrived in later releases), but its Marionette server has one. Marionette and BiDi
// share one WebDriver session, and puppeteer always asks for a new one, so Marionette creates the
// session (with a BiDi WebSocket) and puppeteer is connected to it; its `session.new` is answered
// with that session. Nothing is downloaded: the profile and process come from @puppeteer/browsers.
import { createProfile, launch, Browser, WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX } from '@puppeteer/browsers';
import puppeteer from 'puppeteer-core';
import { NodeWebSocketTransport } from 'puppeteer-core/internal/node/NodeWebSocketTransport.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import net from 'node:net';
import { join, resolve } from 'node:path';

export const GECKO_ID = 'chartside@chartside.dev'; // wxt.config.ts
/** Fixed, so extension pages have a known address: moz-extension://EXTENSION_UUID/ */
export const EXTENSION_UUID = 'c4a7e5d2-1b3f-4e6a-9c8d-0f1e2d3c4b5a';
export const FIREFOX_EXTENSION_DIR = resolve(process.env.CHARTSIDE_FIREFOX_DIR ?? '.output/firefox-mv2');
/** Firefox names an add-on's toolbar widget after its id: lower case, other characters as `_`. */
export const TOOLBAR_WIDGET_ID = `${GECKO_ID.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;

/** Firefox ESR's path (FIREFOX_PATH, else Debian's), or undefined when it is not installed. */
export function firefoxPath() {
  const path = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  return existsSync(path) ? path : undefined;
}

/** A minimal Marionette client: length-prefixed JSON, [0, id, command, params] → [1, id, error, result]. */
async function connectMarionette(port) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  const waiting = [];
  socket.on('data', (chunk) => {
    buffer += chunk;
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.slice(0, colon));
      const start = colon + 1;
      // The length counts bytes; the buffer is characters: compare byte lengths.
      const rest = Buffer.from(buffer.slice(start), 'utf8');
      if (rest.length < length) return;
      const message = JSON.parse(rest.subarray(0, length).toString('utf8'));
      buffer = rest.subarray(length).toString('utf8');
      waiting.shift()?.(message);
    }
  });
  await new Promise((done, fail) => socket.once('connect', done).once('error', fail));
  const next = () => new Promise((done) => waiting.push(done));
  await next(); // the server's hello
  let id = 0;
  return {
    async send(command, params = {}) {
      const reply = next();
      const body = JSON.stringify([0, ++id, command, params]);
      socket.write(`${Buffer.byteLength(body)}:${body}`);
      const [, , error, result] = await reply;
      if (error) throw new Error(`Marionette ${command}: ${error.error}: ${error.message}`);
      return result;
    },
    close: () => socket.destroy(),
  };
}

/** Puppeteer's transport to the session's BiDi socket, answering its `session.new` with that session. */
function sessionTransport(ws, session) {
  const transport = {
    onmessage: undefined,
    onclose: undefined,
    send(raw) {
      const message = JSON.parse(raw);
      if (message.method === 'session.new') {
        queueMicrotask(() =>
          transport.onmessage?.(JSON.stringify({ type: 'success', id: message.id, result: session })),
        );
        return;
      }
      ws.send(raw);
    },
    close: () => ws.close(),
  };
  ws.onmessage = (message) => transport.onmessage?.(message);
  ws.onclose = () => transport.onclose?.();
  return transport;
}

async function waitForFile(path, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(path) || !readFileSync(path, 'utf8').trim()) {
    if (Date.now() > deadline) throw new Error(`Firefox did not write ${path}`);
    await sleep(50);
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * @param {{ headless?: boolean, extensionDir?: string }} [options]
 */
export async function launchFirefoxWithExtension(options = {}) {
  const executablePath = firefoxPath();
  if (!executablePath) throw new Error('Firefox ESR not found (apt-get install -y firefox-esr, or set FIREFOX_PATH).');
  const dir = options.extensionDir ?? FIREFOX_EXTENSION_DIR;
  if (!existsSync(resolve(dir, 'manifest.json')))
    throw new Error(`No built add-on in ${dir}. Run \`npm run build:firefox\` first.`);

  const profile = mkdtempSync(join(tmpdir(), 'chartside-firefox-'));
  await createProfile(Browser.FIREFOX, {
    path: profile,
    preferences: {
      'fission.webContentIsolationStrategy': 0, // as puppeteer.launch sets it
      'marionette.port': 0, // any free port, written to MarionetteActivePort in the profile
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    },
  });
  const args = [
    '--marionette',
    '--remote-debugging-port=0',
    '--remote-allow-system-access',
    '--profile',
    profile,
    '--no-remote',
  ];
  if (options.headless ?? true) args.push('--headless');
  args.push('about:blank');
  const process_ = launch({
    executablePath,
    args,
    dumpio: false,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });

  let marionette;
  let browser;
  const close = async () => {
    await browser?.disconnect().catch(() => undefined);
    await marionette?.send('Marionette:Quit', { flags: ['eForceQuit'] }).catch(() => undefined);
    marionette?.close();
    await process_.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await process_.waitForLineOutput(WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, 30_000);
    marionette = await connectMarionette(Number(await waitForFile(join(profile, 'MarionetteActivePort'), 30_000)));
    const session = await marionette.send('WebDriver:NewSession', {
      webSocketUrl: true,
      acceptInsecureCerts: false,
      unhandledPromptBehavior: 'ignore',
    });
    const ws = await NodeWebSocketTransport.create(session.capabilities.webSocketUrl);
    browser = await puppeteer.connect({
      transport: sessionTransport(ws, session),
      protocol: 'webDriverBiDi',
      defaultViewport: null,
    });
    await browser.installExtension(resolve(dir));
  } catch (error) {
    await close();
    throw error;
  }

  /** Runs a function body in the browser window's chrome scope (privileged), with `arguments`. */
  const chrome = async (script, args = []) => {
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    try {
      return (await marionette.send('WebDriver:ExecuteScript', { script, args })).value;
    } finally {
      await marionette.send('Marionette:SetContext', { value: 'content' });
    }
  };
  return { browser, chrome, marionette, baseUrl: `moz-extension://${EXTENSION_UUID}`, close };
}

/**
 * Opens an extension page (e.g. `options.html`) in a new tab. Firefox sends no WebDriver BiDi load
 * events for moz-extension: documents, so `goto` never resolves: it is started, not awaited, and the
 * document is polled until it has loaded. After that, clicks, evaluation and screenshots work.
 * @param {Awaited<ReturnType<typeof launchFirefoxWithExtension>>} ff
 * @param {string} path
 */
export async function openExtensionPage(ff, path, { timeoutMs = 15_000 } = {}) {
  const page = await ff.browser.newPage();
  void page.goto(`${ff.baseUrl}/${path}`).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const loaded = await page
      .evaluate((expected) => location.href === expected && document.readyState === 'complete', `${ff.baseUrl}/${path}`)
      .catch(() => false); // the old document may go away under the call
    if (loaded) return page;
    if (Date.now() > deadline) throw new Error(`${path} did not load in ${timeoutMs} ms`);
    await sleep(50);
  }
}

/**
 * Presses Chartside's toolbar button on a page, as a clinician does: Firefox grants activeTab for
 * that tab and Chartside's click handler opens the sidebar. The button is pinned to the toolbar
 * first (new add-ons start in the extensions menu) and clicked in the browser's own UI.
 * @param {Awaited<ReturnType<typeof launchFirefoxWithExtension>>} ff
 * @param {import('puppeteer-core').Page} page
 */
export async function clickToolbarButton(ff, page) {
  await page.bringToFront(); // the button acts on the tab the clinician is looking at
  const clicked = await ff.chrome(
    `const [widgetId] = arguments;
     CustomizableUI.addWidgetToArea(widgetId, CustomizableUI.AREA_NAVBAR);
     const node = CustomizableUI.getWidget(widgetId).forWindow(window).node;
     // Firefox 140 wraps the action button in a toolbaritem with the extension's menu button.
     const button = node.querySelector('.unified-extensions-item-action-button') ?? node;
     button.click();
     return gBrowser.selectedBrowser.currentURI.spec;`,
    [TOOLBAR_WIDGET_ID],
  );
  if (clicked !== page.url()) throw new Error(`pressed the button on ${clicked}, not on ${page.url()}`);
}

/**
 * A PNG of what the clinician sees: the selected tab's page with the sidebar beside it. Firefox's
 * headless window screenshot leaves the sidebar blank (its extension document is painted in another
 * process), so both documents are drawn from their own processes and put side by side.
 * @param {Awaited<ReturnType<typeof launchFirefoxWithExtension>>} ff
 * @returns {Promise<{ png: Buffer, width: number, height: number, sidebarWidth: number }>}
 */
export async function screenshotWithSidebar(ff) {
  const shot = await ff.chrome(
    `return (async () => {
     const box = document.getElementById('sidebar-box');
     const panels = document.getElementById('sidebar').contentDocument;
     const sidebar = panels && panels.getElementById('webext-panels-browser');
     if (box.hidden || !sidebar) throw new Error('the sidebar is not open');
     const page = gBrowser.selectedBrowser;
     const size = (el) => { const r = el.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)]; };
     const [pw, ph] = size(page), [sw, sh] = size(sidebar);
     // A null rect draws what is scrolled into view, as the clinician sees it.
     const snap = (browser) => browser.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
     const [sidebarImage, pageImage] = await Promise.all([snap(sidebar), snap(page)]);
     const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
     canvas.width = sw + pw;
     canvas.height = Math.max(sh, ph);
     const ctx = canvas.getContext('2d');
     ctx.fillStyle = 'white';
     ctx.fillRect(0, 0, canvas.width, canvas.height);
     // Firefox puts the sidebar on the left by default.
     ctx.drawImage(sidebarImage, 0, 0);
     ctx.drawImage(pageImage, sw, 0);
     return { data: canvas.toDataURL('image/png'), width: canvas.width, height: canvas.height, sidebarWidth: sw };
     })();`,
  );
  return {
    png: Buffer.from(shot.data.split(',')[1], 'base64'),
    width: shot.width,
    height: shot.height,
    sidebarWidth: shot.sidebarWidth,
  };
}
