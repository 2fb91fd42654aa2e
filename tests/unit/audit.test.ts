/** The audit log: bounded, exported as safe CSV, and free of PHI by construction. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderDashboard } from '../../scripts/portal/layouts/dashboard.mjs';
import { patients, fullName } from '../../scripts/portal/patients.mjs';
import {
  appendAudit,
  auditToCsv,
  clearAudit,
  loadAudit,
  MAX_AUDIT_ENTRIES,
  originOf,
  sha256Hex,
  type AuditEntry,
} from '../../utils/audit/log';
import { captureRecord } from '../../utils/capture/capture';
import { buildPayload } from '../../utils/deidentify/payload';
import { loadPage } from './load-page';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  time: '2026-11-26T10:00:00.000Z',
  origin: 'https://ehr.example.org',
  task: 'summary',
  engine: 'offline',
  counts: {},
  outcome: 'drafted',
  ...over,
});

describe('the audit log', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the newest entries, up to its bound, in storage.local only', async () => {
    for (let i = 0; i < MAX_AUDIT_ENTRIES + 5; i++) await appendAudit(entry({ time: `t${i}` }));
    const entries = await loadAudit();
    expect(entries).toHaveLength(MAX_AUDIT_ENTRIES);
    expect(entries[0].time).toBe('t5');
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    await clearAudit();
    expect(await loadAudit()).toEqual([]);
  });

  it('refuses an entry that does not fit its schema (no free text can slip in)', async () => {
    await expect(appendAudit({ ...entry(), note: 'Maria Ordóñez' } as AuditEntry)).resolves.toBeUndefined();
    expect(JSON.stringify(await loadAudit())).not.toContain('Ordóñez'); // unknown keys are stripped
    await expect(appendAudit(entry({ outcome: 'whatever' as AuditEntry['outcome'] }))).rejects.toThrow();
  });

  it('exports CSV with quoting, and defuses spreadsheet formulas', () => {
    const csv = auditToCsv([
      entry({
        engine: 'model',
        model: 'gpt, "4o"',
        endpoint: 'gw.example.org',
        counts: { PATIENT: 3, DATE: 2 },
        errorCode: '=HYPERLINK("x")',
      }),
    ]);
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe('time,origin,task,engine,model,endpoint,outcome,errorCode,tokens,payloadSha256,counts');
    expect(row).toContain('"gpt, ""4o"""');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('PATIENT=3 DATE=2');
  });

  it('records the origin, never the path; a hash of the payload, never the payload', async () => {
    expect(originOf('https://ehr.example.org/patient/p1001/chart?mrn=00482913')).toBe('https://ehr.example.org');
    loadPage(renderDashboard(patients[0]));
    let n = 0;
    const record = await captureRecord(document, { register: () => `r${++n}` });
    const payload = buildPayload(record);
    if (!payload.ok) throw new Error(payload.error.message);
    const made = entry({
      origin: originOf('https://ehr.example.org/patient/p1001?mrn=00482913'),
      engine: 'model',
      model: 'test-model',
      endpoint: 'gw.example.org',
      counts: payload.value.counts as Record<string, number>,
      payloadSha256: await sha256Hex(payload.value.text),
    });
    await appendAudit(made);
    const stored = JSON.stringify(await loadAudit()) + auditToCsv(await loadAudit());
    expect(made.payloadSha256).toMatch(/^[0-9a-f]{64}$/);
    for (const identifier of [
      ...fullName(patients[0]).split(' '),
      patients[0].mrn,
      patients[0].phone,
      patients[0].birthDate,
      'p1001',
    ])
      expect(stored).not.toContain(identifier);
  });
});
