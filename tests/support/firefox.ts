/**
 * Firefox's real sidebar, driven from an extension tab. WebDriver BiDi in Firefox 140 does not list
 * the sidebar's document (it lives in the browser's own UI), but an extension page of the same add-on
 * reaches it with `browser.extension.getViews({ type: 'sidebar' })`. Each call below runs in that
 * tab as a BiDi evaluation (so the extension pages' CSP, which forbids eval, does not apply to it).
 */
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openExtensionPage } from '../../scripts/lib/firefox.mjs';

export type Firefox = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;

// The sidebar of the helper tab's own window (each window has its own sidebar).
const SIDEBAR_DOCUMENT = `(async () => {
  const { id } = await browser.windows.getCurrent();
  const [view] = browser.extension.getViews({ type: 'sidebar', windowId: id });
  if (!view) throw new Error('the Chartside sidebar is not open');
  return view.document;
})()`;

export class Sidebar {
  private constructor(private readonly helper: Page) {}

  /** Opens the extension tab the sidebar is reached from (options.html: any extension page would do). */
  static async attach(ff: Firefox): Promise<Sidebar> {
    return new Sidebar(await openExtensionPage(ff, 'options.html'));
  }

  /** Runs `fn(sidebarDocument, ...args)`; `fn` must be self-contained (it is sent as source). */
  run<T, A extends unknown[]>(fn: (doc: Document, ...args: A) => T, ...args: A): Promise<Awaited<T>> {
    return this.helper.evaluate(
      `(async () => (${fn.toString()})(await ${SIDEBAR_DOCUMENT}, ...${JSON.stringify(args)}))()`,
    ) as Promise<Awaited<T>>;
  }

  /** The visible text of the first element matching `selector` ('' when there is none). */
  text(selector = 'body'): Promise<string> {
    return this.run((doc, sel) => (doc.querySelector(sel) as HTMLElement | null)?.innerText ?? '', selector);
  }

  /**
   * Clicks the enabled button whose accessible name (aria-label, else its text) matches `name`
   * exactly or, given as /source/, as a regular expression. Throws when there is none.
   */
  async click(name: string | RegExp, within = 'body'): Promise<void> {
    const pattern = typeof name === 'string' ? `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : name.source;
    const clicked = await this.run(
      (doc, source, sel) => {
        const re = new RegExp(source);
        const buttons = [...(doc.querySelector(sel)?.querySelectorAll('button') ?? [])] as HTMLButtonElement[];
        const button = buttons.find(
          (b) => !b.disabled && re.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()),
        );
        button?.click();
        return Boolean(button);
      },
      pattern,
      within,
    );
    if (!clicked) throw new Error(`no enabled button ${name} in the sidebar (${within})`);
  }

  /**
   * Opens `url` in a new window and resolves once its tab has been selected and this window's
   * sidebar has had the chance to act on that (the same tabs.onActivated event, then a frame).
   */
  async openInOtherWindow(ff: Firefox, url: string): Promise<Page> {
    type Api = {
      tabs: { onActivated: { addListener(f: (info: { windowId: number }) => void): void } };
      windows: { getCurrent(): Promise<{ id: number }> };
    };
    type Global = { browser: Api; otherWindowActivated?: Promise<void> };
    // Listening before the window opens, so the event cannot be missed.
    await this.helper.evaluate(async () => {
      const global = globalThis as unknown as Global;
      const { id } = await global.browser.windows.getCurrent();
      global.otherWindowActivated = new Promise<void>((done) =>
        global.browser.tabs.onActivated.addListener((info) => {
          if (info.windowId !== id) done();
        }),
      );
    });
    const page = await ff.browser.newPage({ type: 'window' });
    await this.helper.evaluate(() => (globalThis as unknown as Global).otherWindowActivated);
    await page.goto(url);
    await this.run((doc) => new Promise((done) => doc.defaultView!.requestAnimationFrame(() => setTimeout(done, 0))));
    return page;
  }

  close(): Promise<void> {
    return this.helper.close();
  }
}
