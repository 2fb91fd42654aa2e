/**
 * Firefox's real sidebar, driven from an extension tab. WebDriver BiDi in Firefox 140 does not list
 * the sidebar's document (it lives in the browser's own UI), but an extension page of the same add-on
 * reaches it with `browser.extension.getViews({ type: 'sidebar' })`. Each call below runs in that
 * tab as a BiDi evaluation (so the extension pages' CSP, which forbids eval, does not apply to it).
 */
import type { Page } from 'puppeteer-core';
import { launchFirefoxWithExtension, openExtensionPage } from '../../scripts/lib/firefox.mjs';

export type Firefox = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;

const SIDEBAR_DOCUMENT = `(() => {
  const [view] = browser.extension.getViews({ type: 'sidebar' });
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
    return this.helper.evaluate(`(${fn.toString()})(${SIDEBAR_DOCUMENT}, ...${JSON.stringify(args)})`) as Promise<Awaited<T>>;
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
        const button = buttons.find((b) => !b.disabled && re.test((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()));
        button?.click();
        return Boolean(button);
      },
      pattern,
      within,
    );
    if (!clicked) throw new Error(`no enabled button ${name} in the sidebar (${within})`);
  }

  close(): Promise<void> {
    return this.helper.close();
  }
}
