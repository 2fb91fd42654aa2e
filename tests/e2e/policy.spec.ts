/**
 * Enterprise policy through Chromium's own policy mechanism: a managed policy file (as IT deploys
 * it on Linux; the registry on Windows, a profile on macOS) configures the engine, a required
 * header and the allowed EHR origin. Writing the policy needs root (as in CI); elsewhere the test
 * says so and skips.
 */
import { expect, test } from '../support/fixtures';
import { clickToolbarButton, openPanel } from '../../scripts/lib/browser.mjs';
import { canWritePolicy, launchWithPolicy, POLICY_DIR, unpackedId } from '../support/managed-policy';

test('a managed policy sets and locks the engine and its header, and keeps Chartside to the allowed EHR origin', async ({
  modelServer: server,
  portalUrl,
}) => {
  test.skip(!canWritePolicy(), `needs write access to ${POLICY_DIR} (root), as in CI`);
  // A copy of the build at its own path has its own id: the policy reaches only the browser this
  // test starts, never the one the other tests share (Chromium watches the policy folder).
  const { ext, dir, cleanup } = await launchWithPolicy('e2e', {
    Endpoint: server.baseURL,
    Model: 'test-model',
    Headers: { 'X-Tenant': 'north-clinic' },
    DatePolicy: 'safe-harbor',
    AllowedOrigins: [new URL(portalUrl).origin],
  });
  try {
    expect(ext.extensionId).toBe(unpackedId(dir));
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect(options.getByTestId('managed-notice')).toBeVisible();
    await expect(options.getByText('Engine set by your organization.')).toBeVisible();
    await expect(options.getByRole('radio', { name: /OpenAI-compatible endpoint/ })).toBeChecked();
    await expect(options.getByRole('radio', { name: /OpenAI-compatible endpoint/ })).toBeDisabled();
    await expect(options.getByLabel('Endpoint address')).toHaveValue(server.baseURL);
    await expect(options.getByRole('radio', { name: /Days from the page/ })).toBeDisabled();

    // Another origin: refused with the reason.
    await ext.context.route('https://other-ehr.test/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<h1>Other EHR</h1><h2>Problems</h2><ul><li>Asthma</li></ul>' }),
    );
    const other = await ext.context.newPage();
    await other.goto('https://other-ehr.test/chart');
    await clickToolbarButton(ext, other);
    const refused = await openPanel(ext, other);
    await refused.getByRole('button', { name: 'Read this page' }).click();
    await expect(refused.getByRole('alert')).toContainText('Your organization allows Chartside only on');

    // The allowed EHR: read, and drafted through the managed endpoint with the required header.
    const chart = await ext.context.newPage();
    await chart.goto(`${portalUrl}/patient/p1002/dashboard`);
    await clickToolbarButton(ext, chart);
    const panel = await openPanel(ext, chart);
    await expect(panel.getByText(/Engine: test-model/)).toBeVisible();
    await panel.getByRole('button', { name: 'Read this page' }).click();
    server.script({ kind: 'answer', content: JSON.stringify({ synopsis: '[PATIENT], asthma.', sections: [] }) });
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('article', { name: 'Chart summary (model draft)' })).toBeVisible();
    expect(server.requests.at(-1)!.headers['x-tenant']).toBe('north-clinic');
  } finally {
    await cleanup();
  }
});
