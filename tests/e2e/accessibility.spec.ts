/**
 * Accessibility: axe-core on the side panel in each state (empty, captured, streaming, error,
 * draft) and on the settings page, with no serious or critical violations; the whole flow by
 * keyboard alone; dark mode and reduced motion respected.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { patients } from '../../scripts/portal/patients.mjs';
import { clickToolbarButton, openPanel } from '../../scripts/lib/browser.mjs';
import { expect, test } from '../support/fixtures';
import { useEndpoint } from '../support/panel';

const AXE = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** Serious and critical violations on the page as it is now, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE); // devtools evaluation, as an auditor would: the page's CSP still holds for page code
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('no serious or critical axe violations in any state of the panel, or in settings', async ({
  ext,
  portalUrl,
  modelServer: server,
}) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[0].id}/dashboard`);
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  const states: Record<string, string[]> = {};
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      states[`empty (${scheme})`] = await axeViolations(panel);
    }
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.getByRole('button', { name: 'Read this page' }).click();
    await expect(panel.getByRole('region', { name: 'Captured record' })).toBeVisible();
    await panel.getByRole('button', { name: 'Preview what would be sent' }).click();
    states.captured = await axeViolations(panel);

    await panel.getByRole('radio', { name: /Next steps/ }).check();
    await panel.getByRole('button', { name: 'Suggest next steps', exact: true }).click();
    await expect(panel.getByRole('article')).toBeVisible();
    states['draft (offline next steps)'] = await axeViolations(panel);
    await panel.emulateMedia({ colorScheme: 'dark' });
    states['draft (dark)'] = await axeViolations(panel);
    await panel.emulateMedia({ colorScheme: 'light' });

    const { options, restore } = await useEndpoint(ext, server.baseURL);
    states.settings = await axeViolations(options);
    server.script({ kind: 'hang' });
    await panel.getByRole('radio', { name: /Chart summary/ }).check();
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByText(/Drafting with test-model/)).toBeVisible();
    states.streaming = await axeViolations(panel);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    server.script({ kind: 'status', status: 500 }, { kind: 'status', status: 500 }, { kind: 'status', status: 500 });
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('alert')).toBeVisible({ timeout: 20_000 });
    states.error = await axeViolations(panel);
    await restore();
  } finally {
    await panel.close();
    await chart.close();
  }
  expect(states).toEqual(Object.fromEntries(Object.keys(states).map((k) => [k, []])));
});

test('the whole flow by keyboard alone: read, choose a task, draft, insert', async ({ ext, portalUrl }) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[1].id}/dashboard`);
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  /** Presses Tab until the focused element has this accessible name; fails after 60 presses. */
  async function tabTo(name: RegExp) {
    for (let i = 0; i < 60; i++) {
      await panel.keyboard.press('Tab');
      const focused = await panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el
          ? `${el.getAttribute('aria-label') ?? ''} ${el.textContent ?? ''} ${(el as HTMLInputElement).labels?.[0]?.textContent ?? ''}`
          : '';
      });
      if (name.test(focused)) return;
    }
    throw new Error(`Tab never reached ${name}`);
  }
  try {
    await tabTo(/Read this page/);
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('region', { name: 'Captured record' })).toBeVisible();
    await tabTo(/Chart summary/); // the task radio group
    await panel.keyboard.press('ArrowDown'); // Draft note
    await panel.keyboard.press('ArrowDown'); // Next steps
    await panel.keyboard.press('ArrowDown'); // Patient reply
    await expect(panel.getByRole('radio', { name: /Patient reply/ })).toBeChecked();
    await tabTo(/^\s*Draft reply/);
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('article', { name: /Patient reply/ })).toBeVisible();
    await tabTo(/Show source msg-1 on the page/);
    await panel.keyboard.press('Enter');
    await chart.locator('#reply-box').focus(); // the clinician tabs to the EHR's reply field
    await tabTo(/Insert into page/);
    await panel.keyboard.press('Enter');
    await expect(panel.getByRole('status').filter({ hasText: 'Inserted into' })).toBeVisible();
    expect(await chart.locator('#reply-box').inputValue()).toMatch(/^Hello Jim,/);
  } finally {
    await panel.close();
    await chart.close();
  }
});

test('dark mode and reduced motion are respected', async ({ ext }) => {
  const panel = await ext.context.newPage();
  await panel.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  const [background, animation] = await panel.evaluate(() => {
    const probe = document.createElement('p');
    probe.className = 'progress';
    document.body.append(probe);
    return [getComputedStyle(document.body).backgroundColor, getComputedStyle(probe, '::before').animationName];
  });
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r + g + b).toBeLessThan(200); // a dark background
  expect(animation).toBe('none');
  await panel.close();
});

test('the axe check can fail: it finds violations planted in a page', async ({ ext }) => {
  const page = await ext.context.newPage();
  await page.setContent(
    '<html><body><img src="data:,"><button></button><input type="text"><p style="color:#eee;background:#fff">low contrast</p></body></html>',
  );
  expect((await axeViolations(page)).join('\n')).toMatch(
    /critical button-name[\s\S]*critical image-alt|critical image-alt|serious color-contrast/,
  );
  await page.close();
});

test('at 320 and 400 px the panel never scrolls sideways, and each header setting stays on one line', async ({
  ext,
  portalUrl,
}) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[0].id}/dashboard`);
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  await panel.getByRole('button', { name: 'Read this page' }).click();
  await panel.getByRole('button', { name: 'Summarize' }).click();
  await expect(panel.getByRole('button', { name: 'Edit text' })).toBeVisible();
  for (const width of [320, 400]) {
    await panel.setViewportSize({ width, height: 800 });
    const layout = await panel.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      // A setting broken over two lines is taller than one line of its text.
      broken: [...document.querySelectorAll('.header-status > *')]
        .filter((el) => el.getBoundingClientRect().height > 1.6 * parseFloat(getComputedStyle(el).fontSize) * 1.2)
        .map((el) => el.textContent),
    }));
    expect(layout.scrollWidth, `${width} px`).toBeLessThanOrEqual(width);
    expect(layout.broken, `${width} px`).toEqual([]);
  }
  await panel.close();
  await chart.close();
});
