/**
 * Security, through the real extension: page text and model output are untrusted. A chart and a
 * model answer full of script and markup payloads are read, drafted, shown and inserted — none
 * runs, none loads anything remote, in the panel or on the page. The API key stays in
 * storage.local and out of the panel, errors and logs.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { clickToolbarButton, openPanel } from '../../scripts/lib/browser.mjs';
import { useEndpoint } from '../support/panel';
import { CHARTSIDE_EXTENSION_ID } from '../../scripts/lib/extension-id.mjs';

const HOSTILE = readFileSync('tests/fixtures/pages/hostile.html', 'utf8');
const CHART_URL = 'https://ehr.hostile.test/chart';

/** Nothing from the chart or the model became markup in the panel, and nothing ran there. */
async function expectInert(panel: Page) {
  expect(await panel.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  const made = await panel.evaluate(() => ({
    scripts: [...document.scripts].filter((s) => !s.src.startsWith(location.origin)).length,
    media: document.querySelectorAll('img, svg, iframe, object, embed, video, audio').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    handlers: [...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on')),
    ).length,
  }));
  expect(made).toEqual({ scripts: 0, media: 0, jsLinks: 0, handlers: 0 });
}

test('script and markup payloads in a chart and in a model answer never run, never load, and are shown as text', async ({
  ext,
  modelServer: server,
}) => {
  const remote: string[] = [];
  const dialogs: string[] = [];
  await ext.context.route('**://evil.test/**', (route) => {
    remote.push(route.request().url());
    return route.abort();
  });
  await ext.context.route(CHART_URL, (route) => route.fulfill({ contentType: 'text/html', body: HOSTILE }));
  ext.context.on('page', (p) =>
    p.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    }),
  );
  const chart = await ext.context.newPage();
  await chart.goto(CHART_URL);
  const pageLoads = remote.length; // the chart's own markup may fetch; from here on, nothing may
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  try {
    await panel.getByRole('button', { name: 'Read this page' }).click();
    await expect(panel.getByRole('region', { name: 'Captured record' })).toBeVisible();
    await panel.getByRole('button', { name: /^Problems/ }).click();
    await expect(panel.getByText("Hypertension <script>window.__pwned = 'script'</script>")).toBeVisible();
    await expect(panel.getByTestId('planted-instructions')).toBeVisible();
    await expectInert(panel);

    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('article', { name: /Chart summary/ })).toBeVisible();
    await panel.getByRole('button', { name: 'Preview what would be sent' }).click();
    await expectInert(panel);

    // A model answer carrying the same payloads.
    const { restore } = await useEndpoint(ext, server.baseURL);
    server.script({
      kind: 'answer',
      content: JSON.stringify({
        synopsis: '<img src="https://evil.test/synopsis.png" onerror="window.__pwned=\'model-img\'">',
        sections: [
          {
            heading: '<script>window.__pwned="heading"</script>',
            statements: [
              {
                text: '[details](javascript:window.__pwned="model-link") and ![x](https://evil.test/model-md.png)',
                cites: ['prob-1'],
              },
              {
                text: '<svg/onload="window.__pwned=\'model-svg\'"></svg><a href="javascript:alert(1)">open</a>',
                cites: ['<img src=x onerror=alert(1)>'],
              },
            ],
          },
        ],
      }),
    });
    await panel.getByRole('button', { name: 'Summarize' }).click();
    const draft = panel.getByRole('article', { name: 'Chart summary (model draft)' });
    await expect(draft).toContainText('<img src="https://evil.test/synopsis.png"');
    await expect(draft).toContainText('[details](javascript:window.__pwned="model-link")');
    await expectInert(panel);

    // Inserted into a textarea and into a rich-text (contenteditable) box: as text, never as markup.
    for (const box of ['#reply-box', '#rich-box']) {
      await chart.locator(box).click();
      await panel.getByRole('button', { name: 'Insert into page' }).click();
      await expect(panel.getByRole('status').filter({ hasText: 'Inserted into' })).toBeVisible();
    }
    expect(await chart.locator('#reply-box').inputValue()).toContain('<svg/onload=');
    expect(await chart.locator('#rich-box').textContent()).toContain('<img src="https://evil.test/synopsis.png"');
    expect(await chart.locator('#rich-box img, #rich-box svg, #rich-box script, #rich-box a').count()).toBe(0);
    await chart.waitForTimeout(300); // any stray onerror/onload would have fired by now
    expect(await chart.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

    expect(remote.slice(pageLoads)).toEqual([]);
    expect(dialogs).toEqual([]);
    await restore();
  } finally {
    await ext.context.unroute('**://evil.test/**');
    await ext.context.unroute(CHART_URL);
    await panel.close();
    await chart.close();
  }
});

test('the extension pages run under a strict CSP with no remote code; the manifest asks only for what SECURITY.md lists', async ({
  ext,
}) => {
  const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8'));
  const csp: string = manifest.content_security_policy.extension_pages;
  expect(csp).toMatch(/(?:^|; )script-src 'self'(?:;|$)/);
  expect(csp).toMatch(/object-src 'none'/);
  expect(csp).toMatch(/default-src 'none'/);
  expect(csp).not.toMatch(/unsafe-(?:inline|eval)|wasm-unsafe/);

  // The permissions table in SECURITY.md is the list: a new permission fails here until it is explained.
  const security = readFileSync('SECURITY.md', 'utf8');
  const listed = [...security.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  expect([...manifest.permissions, ...manifest.optional_host_permissions].sort()).toEqual(listed.sort());
  expect(manifest.host_permissions ?? []).toEqual([]);
  expect(manifest.content_scripts ?? []).toEqual([]);

  // No remote script in any built page or bundle.
  for (const file of ['sidepanel.html', 'options.html'])
    expect(readFileSync(`.output/chrome-mv3/${file}`, 'utf8')).not.toMatch(/<script[^>]+src="(?:https?:)?\/\//);

  // And the CSP holds in the running panel: an injected remote script is refused.
  const page = await ext.context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html`);
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = true';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __inline?: boolean }).__inline ?? false;
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
  await page.close();
});

test('the panel and the settings page load with no console error: Chromium accepts the CSP as written', async ({
  ext,
}) => {
  for (const file of ['sidepanel.html', 'options.html']) {
    const page = await ext.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`chrome-extension://${ext.extensionId}/${file}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(errors, file).toEqual([]);
    await page.close();
  }
});

test('the build has Chartside’s stable ID, the one every policy example names', async ({ ext }) => {
  expect(ext.extensionId).toBe(CHARTSIDE_EXTENSION_ID);
  const readme = readFileSync('README.md', 'utf8');
  const deploying = readme.slice(readme.indexOf('## Deploying to a health system'));
  expect(deploying).toContain(CHARTSIDE_EXTENSION_ID);
  expect(deploying).not.toContain('<extension id>');
});

test('the API key stays in storage.local: not in the panel, not in errors, not in other storage, not in logs', async ({
  ext,
  portalUrl,
  modelServer: server,
}) => {
  const KEY = 'sk-secret-SHOULD-NOT-LEAK-4242';
  const logs: string[] = [];
  ext.context.on('console', (m) => logs.push(m.text()));
  const { options, restore } = await useEndpoint(ext, server.baseURL, KEY);
  try {
    const chart = await ext.context.newPage();
    await chart.goto(`${portalUrl}/patient/p1001/dashboard`);
    await clickToolbarButton(ext, chart);
    const panel = await openPanel(ext, chart);
    await panel.getByRole('button', { name: 'Read this page' }).click();
    server.script({ kind: 'status', status: 401, message: `Incorrect API key provided: ${KEY}` });
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('alert')).toContainText(/key/i);
    await panel
      .getByRole('group')
      .filter({ hasText: 'Technical detail' })
      .first()
      .click()
      .catch(() => undefined);
    expect(await panel.locator('body').innerText()).not.toContain(KEY);
    expect(await options.locator('body').innerText()).not.toContain(KEY);

    const stored = await options.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: Record<string, { get: () => Promise<unknown> }> } })
        .chrome;
      return {
        local: JSON.stringify(await c.storage.local.get()),
        session: JSON.stringify(await c.storage.session.get()),
        sync: JSON.stringify(await c.storage.sync.get()),
      };
    });
    expect(stored.local).toContain(KEY);
    expect(stored.session).not.toContain(KEY);
    expect(stored.sync).not.toContain(KEY);
    expect(logs.join('\n')).not.toContain(KEY);
    await panel.close();
    await chart.close();
  } finally {
    await restore();
  }
});
