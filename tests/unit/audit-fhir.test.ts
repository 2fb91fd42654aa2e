/**
 * The central audit: each entry as a FHIR R4 AuditEvent (checked against its zod schema) that
 * carries no identifier from the chart, and the queue that sends them — through a server that
 * accepts, refuses, or is down — until each event has arrived exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renderDashboard } from '../../scripts/portal/layouts/dashboard.mjs';
import { fullName, patients } from '../../scripts/portal/patients.mjs';
import { appendAudit, clearAudit, loadAudit, originOf, type AuditEntry } from '../../utils/audit/log';
import { AuditBundleSchema, AuditEventSchema, toAuditEvent, type AuditBundle } from '../../utils/audit/fhir';
import {
  forwardAudit,
  queuedEntries,
  retryDelay,
  RETRY_CAP_MS,
  sendQueued,
  type Fetch,
} from '../../utils/audit/forward';
import { captureRecord } from '../../utils/capture/capture';
import { ModelConfigSchema } from '../../utils/draft/backends/openai';
import { runTask } from '../../utils/pipeline/run';
import { forgetPolicyMemory } from '../../utils/settings/policy-cache';
import { startOpenAIServer } from '../support/openai-server.mjs';
import { loadPage } from './load-page';

const ENDPOINT = 'https://audit.example.org/fhir';
const POLICY = { AuditEndpoint: ENDPOINT };
const SOURCE = { installationId: '6f1d2c1e-0000-4000-8000-000000000001', version: '0.1.0' };
const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  time: '2026-11-26T10:00:00.000Z',
  origin: 'https://ehr.example.org',
  task: 'summary',
  engine: 'offline',
  counts: {},
  outcome: 'drafted',
  ...over,
});

/** A FHIR server in a function: stores PUT AuditEvent/<id> from batch Bundles; can refuse or be down. */
function recordingServer() {
  const stored = new Map<string, number>();
  const server = { mode: 'accept' as 'accept' | 'refuse' | 'down', requests: 0, stored };
  const fetch: Fetch = async (url, init) => {
    server.requests++;
    if (server.mode === 'down') throw new TypeError('Failed to fetch');
    if (server.mode === 'refuse') return new Response('{}', { status: 500 });
    expect(url).toBe(ENDPOINT);
    const bundle: AuditBundle = AuditBundleSchema.parse(JSON.parse(String(init.body)));
    for (const e of bundle.entry) stored.set(e.resource.id, (stored.get(e.resource.id) ?? 0) + 1);
    const entry = bundle.entry.map(() => ({ response: { status: '201 Created' } }));
    return new Response(JSON.stringify({ resourceType: 'Bundle', type: 'batch-response', entry }), { status: 200 });
  };
  return { server, fetch };
}

let model: Awaited<ReturnType<typeof startOpenAIServer>>;
beforeAll(async () => {
  model = await startOpenAIServer();
});
afterAll(() => model.close());
beforeEach(() => {
  fakeBrowser.reset();
  forgetPolicyMemory();
});

describe('an audit entry as a FHIR R4 AuditEvent', () => {
  it('a real model draft of a demo patient maps to a valid AuditEvent with no identifier from the chart', async () => {
    const patient = patients[0];
    loadPage(renderDashboard(patient));
    let n = 0;
    const record = await captureRecord(document, { register: () => `r${++n}` });
    model.script({ kind: 'answer', content: JSON.stringify({ synopsis: '[PATIENT], diabetes.', sections: [] }) });
    const config = ModelConfigSchema.parse({
      kind: 'compatible',
      baseURL: model.baseURL,
      model: 'test-model',
      maxRetries: 0,
    });
    const outcome = await runTask(record, {
      task: 'summary',
      tokenBudget: 8000,
      datePolicy: 'safe-harbor',
      engine: { engine: 'model', config },
    });
    const url = `https://ehr.example.org/patient/${patient.id}/dashboard?mrn=${patient.mrn}`;
    await appendAudit({ time: new Date().toISOString(), origin: originOf(url), ...outcome.audit });

    const [queued] = await queuedEntries();
    const event = toAuditEvent(queued, SOURCE);
    expect(AuditEventSchema.parse(event)).toEqual(event);
    expect(event).toMatchObject({
      resourceType: 'AuditEvent',
      id: queued.id,
      type: { code: '110100' },
      action: 'E',
      outcome: '0',
      agent: [
        { requestor: true, who: { identifier: { value: SOURCE.installationId } } },
        { requestor: false, network: { type: '1' } },
      ],
      source: { observer: { identifier: { value: SOURCE.installationId } } },
      entity: [
        { what: { identifier: { value: 'https://ehr.example.org' } } },
        { what: { identifier: { value: queued.payloadSha256 } } },
      ],
    });
    const details = Object.fromEntries(event.entity![1].detail!.map((d) => [d.type, d.valueString]));
    expect(details).toMatchObject({
      task: 'summary',
      engine: 'model',
      model: 'test-model',
      endpoint: new URL(model.baseURL).host,
      outcome: 'drafted',
    });
    expect(Number(details['placeholders.PATIENT'])).toBeGreaterThan(0);
    expect(details.payloadSha256).toMatch(/^[0-9a-f]{64}$/);

    // The text the model received had placeholders; the event has none of what they replaced.
    const text = JSON.stringify(event);
    const identifiers = [...fullName(patient).split(' '), patient.mrn, patient.phone, patient.birthDate, patient.id];
    expect(
      model.requests
        .at(-1)!
        .body.messages.map((m: { content: string }) => m.content)
        .join('\n'),
    ).toContain('[PATIENT');
    for (const identifier of identifiers) expect(text).not.toContain(identifier);
  });

  it('outcomes map to R4 codes; an offline draft names no model endpoint', () => {
    const codes = (['drafted', 'blocked', 'cancelled', 'failed'] as const).map(
      (outcome) => toAuditEvent({ ...entry({ outcome }), id: 'a1' }, SOURCE).outcome,
    );
    expect(codes).toEqual(['0', '4', '4', '8']);
    const offline = toAuditEvent({ ...entry(), id: 'a2' }, SOURCE);
    expect(offline.agent).toHaveLength(1);
    expect(
      toAuditEvent({ ...entry({ outcome: 'failed', errorCode: 'rate-limited' }), id: 'a3' }, SOURCE).outcomeDesc,
    ).toBe('rate-limited');
  });
});

describe('the queue to the audit server', () => {
  it('sends each entry once, as a batch of PUTs, and empties the queue when accepted', async () => {
    const { server, fetch } = recordingServer();
    for (let i = 0; i < 30; i++)
      await appendAudit(entry({ time: `2026-11-26T10:00:${String(i).padStart(2, '0')}.000Z` }));
    const round = await forwardAudit({ policy: POLICY, fetch, now: 0, version: '0.1.0' });
    expect(round).toMatchObject({ nextRunInMs: undefined, result: { ok: true, value: { sent: 30 } } });
    expect(server.requests).toBe(2); // batches of 25
    expect([...server.stored.values()]).toEqual(Array(30).fill(1));
    expect(await queuedEntries()).toEqual([]);
    await forwardAudit({ policy: POLICY, fetch, now: 1, version: '0.1.0' });
    expect(server.requests).toBe(2); // nothing accepted is sent again
    expect(new Set(server.stored.keys())).toEqual(new Set((await loadAudit()).map((e) => e.id)));
  });

  it('refused (500), then accepted: kept, retried after a growing, capped delay, then sent once', async () => {
    const { server, fetch } = recordingServer();
    await appendAudit(entry());
    await appendAudit(entry({ task: 'note' }));
    server.mode = 'refuse';
    const first = await forwardAudit({ policy: POLICY, fetch, now: 0, version: '0.1.0' });
    expect(first).toMatchObject({
      nextRunInMs: 1_000,
      result: { ok: false, error: { code: 'audit-refused', detail: 'HTTP 500' } },
    });
    expect(await forwardAudit({ policy: POLICY, fetch, now: 500, version: '0.1.0' })).toMatchObject({
      nextRunInMs: 500,
    }); // not due
    expect(server.requests).toBe(1);
    expect((await forwardAudit({ policy: POLICY, fetch, now: 1_000, version: '0.1.0' })).nextRunInMs).toBe(2_000);
    expect(await queuedEntries()).toHaveLength(2);
    server.mode = 'accept';
    expect((await forwardAudit({ policy: POLICY, fetch, now: 3_000, version: '0.1.0' })).result).toMatchObject({
      ok: true,
      value: { sent: 2 },
    });
    expect([...server.stored.values()]).toEqual([1, 1]);
    expect([1, 2, 3, 10, 30].map(retryDelay)).toEqual([1_000, 2_000, 4_000, RETRY_CAP_MS, RETRY_CAP_MS]);
  });

  it('down for a while, drafts go on, then up: every event arrives exactly once', async () => {
    const { server, fetch } = recordingServer();
    await appendAudit(entry());
    await forwardAudit({ policy: POLICY, fetch, now: 0, version: '0.1.0' });
    server.mode = 'down';
    let now = 1;
    for (let i = 0; i < 5; i++) {
      await appendAudit(entry({ time: `2026-11-26T11:00:0${i}.000Z` }));
      const round = await forwardAudit({ policy: POLICY, fetch, now, version: '0.1.0' });
      now += round.nextRunInMs ?? 0;
    }
    expect(await queuedEntries()).toHaveLength(5);
    server.mode = 'accept';
    await forwardAudit({ policy: POLICY, fetch, now, version: '0.1.0' });
    expect(server.stored.size).toBe(6);
    expect([...server.stored.values()].every((count) => count === 1)).toBe(true);
    expect(await queuedEntries()).toEqual([]);
  });

  it('a batch-response that refuses one entry: only the accepted are removed; the other is sent again, alone', async () => {
    const ids: string[][] = [];
    let refuseFirst = true;
    const fetch: Fetch = async (_url, init) => {
      const bundle = AuditBundleSchema.parse(JSON.parse(String(init.body)));
      ids.push(bundle.entry.map((e) => e.resource.id));
      const entry = bundle.entry.map((_, i) => ({
        response: { status: i === 0 && refuseFirst ? '400 Bad Request' : '201 Created' },
      }));
      refuseFirst = false;
      return new Response(JSON.stringify({ resourceType: 'Bundle', type: 'batch-response', entry }), { status: 200 });
    };
    await appendAudit(entry({ time: '2026-11-26T10:00:00.000Z' }));
    await appendAudit(entry({ time: '2026-11-26T10:00:01.000Z' }));
    expect(await sendQueued({ endpoint: ENDPOINT, fetch, version: '0.1.0' })).toMatchObject({
      ok: false,
      error: { code: 'audit-partly-refused' },
    });
    expect(await sendQueued({ endpoint: ENDPOINT, fetch, version: '0.1.0' })).toMatchObject({
      ok: true,
      value: { sent: 1 },
    });
    expect(ids).toEqual([[ids[0][0], ids[0][1]], [ids[0][0]]]);
  });

  it('without an AuditEndpoint nothing is sent and the queue is emptied; the log stays', async () => {
    const { server, fetch } = recordingServer();
    await appendAudit(entry());
    await forwardAudit({ policy: undefined, fetch, now: 0, version: '0.1.0' });
    expect(server.requests).toBe(0);
    expect(await queuedEntries()).toEqual([]);
    expect(await loadAudit()).toHaveLength(1);
  });

  it('with an AuditEndpoint the clinician cannot clear the log; without one they can', async () => {
    await appendAudit(entry());
    await fakeBrowser.storage.managed.set(POLICY);
    expect(await clearAudit()).toMatchObject({ ok: false, error: { code: 'audit-managed' } });
    expect(await loadAudit()).toHaveLength(1);
    await fakeBrowser.storage.managed.clear();
    expect((await clearAudit()).ok).toBe(true);
    expect(await loadAudit()).toEqual([]);
  });

  it('an AuditEndpoint must be https (loopback http for tests); anything else is dropped from the policy', async () => {
    const { PolicySchema } = await import('../../utils/settings/policy');
    expect(PolicySchema.safeParse({ AuditEndpoint: 'https://audit.example.org/fhir' }).success).toBe(true);
    expect(PolicySchema.safeParse({ AuditEndpoint: 'http://127.0.0.1:8080/fhir' }).success).toBe(true);
    expect(PolicySchema.safeParse({ AuditEndpoint: 'http://audit.internal/fhir' }).success).toBe(false);
  });
});
