/**
 * Central audit through the real extension: with the AuditEndpoint policy, every draft reaches a
 * local FHIR recorder as an AuditEvent while the recorder accepts, refuses (HTTP 500) for a while,
 * and is down for a while. Each event arrives exactly once, none carries an identifier from the
 * chart, and the clinician cannot clear the log. (The policy asks for https; loopback http is
 * allowed, as for model endpoints, so the recorder can run here.) Writing the policy needs root.
 */
import { expect, test } from '../support/fixtures';
import { fullName, patients } from '../../scripts/portal/patients.mjs';
import { AuditEventSchema } from '../../utils/audit/fhir';
import { canWritePolicy, launchWithPolicy, POLICY_DIR } from '../support/managed-policy';
import { openChartAndRead } from '../support/panel';

test('every draft reaches the audit server exactly once through refusals and an outage, with no identifier from the chart', async ({
  portalUrl,
  auditServer: recorder,
}) => {
  test.skip(!canWritePolicy(), `needs write access to ${POLICY_DIR} (root), as in CI`);
  test.setTimeout(120_000);
  const { ext, cleanup } = await launchWithPolicy('e2e-audit', { AuditEndpoint: recorder.url });
  const stored = () => recorder.stored.size;
  try {
    const patient = patients[1];
    const { chart, panel } = await openChartAndRead(ext, `${portalUrl}/patient/${patient.id}/dashboard`);
    const draft = async () => {
      await panel.getByRole('button', { name: 'Summarize' }).click();
      await expect(panel.getByRole('article', { name: /offline draft/ })).toBeVisible();
    };
    await draft();
    await expect.poll(stored, { timeout: 15_000 }).toBe(1); // accepted

    recorder.setMode('refuse');
    await draft();
    await draft();
    await expect
      .poll(() => recorder.requests.filter((r) => r.status === 500).length, { timeout: 15_000 })
      .toBeGreaterThanOrEqual(2);
    expect(stored()).toBe(1);
    recorder.setMode('accept');
    await expect.poll(stored, { timeout: 20_000 }).toBe(3);

    await recorder.stop(); // down
    await draft();
    await draft();
    await panel.waitForTimeout(2_500); // a few attempts fail meanwhile
    expect(stored()).toBe(3);
    await recorder.start();
    await expect.poll(stored, { timeout: 30_000 }).toBe(5);

    // Exactly once each, the same ids as the local log, and nothing left queued.
    expect([...recorder.stored.values()]).toEqual([1, 1, 1, 1, 1]);
    type LocalStorage = { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
    const local = await ext.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: LocalStorage }).chrome.storage.local.get(null),
    );
    const logIds = (local.audit as Array<{ id: string }>).map((e) => e.id).sort();
    expect([...recorder.stored.keys()].sort()).toEqual(logIds);
    expect(Object.keys(local).filter((k) => k.startsWith('auditq:'))).toEqual([]);

    // Valid R4 AuditEvents, with the EHR by origin only, and no identifier from the chart.
    for (const event of recorder.events) expect(AuditEventSchema.safeParse(event).success).toBe(true);
    expect(recorder.events[0].entity[0].what.identifier.value).toBe(new URL(portalUrl).origin);
    const sent = JSON.stringify(recorder.events);
    for (const identifier of [
      ...fullName(patient).split(' '),
      patient.mrn,
      patient.phone,
      patient.birthDate,
      patient.id,
    ]) {
      expect(sent).not.toContain(identifier);
    }

    // The clinician cannot clear what the organization collects.
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect(options.getByTestId('audit-managed')).toBeVisible();
    await expect(options.getByRole('button', { name: 'Clear the log' })).toBeDisabled();
    await panel.close();
    await chart.close();
  } finally {
    await cleanup();
  }
});
