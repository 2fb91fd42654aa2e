/**
 * Central audit: every audit entry goes to the organisation's FHIR server (the AuditEndpoint
 * policy) as an AuditEvent, from the background worker. Nothing is lost while the server is down
 * or refusing, and each event is stored there once:
 *
 * - Queued in `storage.local`, one key per entry (`auditq:<id>`): it survives the worker being
 *   stopped and the browser restarting, and the panel adding an entry never overwrites the worker
 *   removing one (no shared list read and written from two contexts).
 * - Sent as a FHIR `batch` Bundle of up to BATCH_SIZE events, each entry `PUT AuditEvent/<id>`. One
 *   request for many events empties a queue built up during an outage in a few round trips, not
 *   one per draft; and PUT with the entry's own stable id is idempotent: if the server stored a
 *   batch but its answer never arrived (network cut, worker stopped mid-request), the resend
 *   replaces the same events instead of adding copies. (A `transaction` would be all-or-nothing,
 *   but one malformed event would then hold back all the others; `collection` is not processed.)
 * - Removed from the queue only when accepted: a 2xx for the request and, when the server answers
 *   with a batch-response, a 2xx for that entry. An accepted event is never sent again.
 * - Retried with exponential backoff (RETRY_BASE_MS doubling, capped at RETRY_CAP_MS), kept in
 *   storage so a restarted worker keeps to it. A timer retries while the worker runs; an alarm
 *   wakes a stopped worker (Chrome may delay alarms to 30 s when packed: a floor, not a loss).
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { describeUnknownError, fail, ok, type Result } from '../result';
import type { Policy } from '../settings/policy';
import { enforcedPolicy, isPolicyCacheChange } from '../settings/policy-cache';
import { AuditEntrySchema, QUEUE_PREFIX, queueKey, type AuditEntry } from './entry';

export { QUEUE_PREFIX, queueKey } from './entry';
import { BatchResponseSchema, toAuditBundle, toAuditEvent, type AuditEvent } from './fhir';
import { byCodeUnits } from '../numbers';

export const BATCH_SIZE = 25;
export const RETRY_BASE_MS = 1_000;
export const RETRY_CAP_MS = 5 * 60_000;
const SEND_TIMEOUT_MS = 30_000;
const RETRY_KEY = 'auditRetry';
const INSTALLATION_KEY = 'auditInstallationId';
const ALARM = 'chartside-audit-retry';

type QueuedEntry = AuditEntry & { id: string };
const RetryStateSchema = z.object({ failures: z.number().int().positive(), nextAt: z.number() });
type RetryState = z.infer<typeof RetryStateSchema>;
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** The delay before the n-th retry in a row (n ≥ 1): 1 s, 2 s, 4 s … up to the cap. */
export function retryDelay(failures: number): number {
  return Math.min(RETRY_BASE_MS * 2 ** Math.max(0, failures - 1), RETRY_CAP_MS);
}

/** Entries waiting to be accepted, oldest first. */
export async function queuedEntries(): Promise<QueuedEntry[]> {
  const queued = Object.entries(await browser.storage.local.get(null)).filter(([key]) => key.startsWith(QUEUE_PREFIX));
  const entries: QueuedEntry[] = [];
  const unreadable: string[] = [];
  for (const [key, value] of queued) {
    const parsed = AuditEntrySchema.safeParse(value);
    if (parsed.success) entries.push({ ...parsed.data, id: key.slice(QUEUE_PREFIX.length) });
    else unreadable.push(key);
  }
  // An entry that no longer parses can never be sent: dropped, so it holds nothing else back.
  if (unreadable.length) await browser.storage.local.remove(unreadable);
  return entries.sort((a, b) => byCodeUnits(a.time, b.time) || byCodeUnits(a.id, b.id));
}

/** This browser profile's opaque id, the event's `who`: random, made once, no name in it. */
export async function installationId(): Promise<string> {
  const stored = (await browser.storage.local.get(INSTALLATION_KEY))[INSTALLATION_KEY];
  if (typeof stored === 'string' && stored) return stored;
  const id = crypto.randomUUID();
  await browser.storage.local.set({ [INSTALLATION_KEY]: id });
  return id;
}

type SendOptions = { endpoint: string; fetch: Fetch; version: string };

/** Which of a batch the server accepted: all on a plain 2xx, each entry's own status on a batch-response. */
async function acceptedIds(response: Response, events: AuditEvent[]): Promise<string[]> {
  const body = BatchResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!body.success || body.data.entry.length !== events.length) return events.map((e) => e.id);
  return events.filter((_, i) => /^2\d\d\b/.test(body.data.entry[i].response.status)).map((e) => e.id);
}

/** Sends the queue, batch by batch, until it is empty or the server does not take a batch whole. */
export async function sendQueued({ endpoint, fetch, version }: SendOptions): Promise<Result<{ sent: number }>> {
  const source = { installationId: await installationId(), version };
  let sent = 0;
  for (;;) {
    const queued = await queuedEntries();
    if (!queued.length) return ok({ sent });
    const batch = queued.slice(0, BATCH_SIZE);
    const mapped = batch.map((entry) => ({ entry, event: safeEvent(entry, source) }));
    const unmappable = mapped.filter((m) => !m.event).map((m) => queueKey(m.entry.id));
    if (unmappable.length) await browser.storage.local.remove(unmappable);
    const events = mapped.flatMap((m) => (m.event ? [m.event] : []));
    if (!events.length) continue;
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
        body: JSON.stringify(toAuditBundle(events)),
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      });
    } catch (error) {
      const detail = describeUnknownError(error);
      return fail('audit-unreachable', 'The audit server could not be reached; the entries wait.', detail);
    }
    if (!response.ok) {
      return fail('audit-refused', 'The audit server refused the entries; they wait.', `HTTP ${response.status}`);
    }
    const accepted = await acceptedIds(response, events);
    if (accepted.length) await browser.storage.local.remove(accepted.map(queueKey));
    sent += accepted.length;
    if (accepted.length < events.length) {
      const detail = `${events.length - accepted.length} refused`;
      return fail('audit-partly-refused', 'The audit server refused some entries; they wait.', detail);
    }
  }
}

function safeEvent(entry: QueuedEntry, source: { installationId: string; version: string }): AuditEvent | undefined {
  try {
    return toAuditEvent(entry, source);
  } catch {
    return undefined;
  }
}

async function retryState(): Promise<RetryState | undefined> {
  const parsed = RetryStateSchema.safeParse((await browser.storage.local.get(RETRY_KEY))[RETRY_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * One forwarding round: sends what is queued unless a retry is not due yet. Returns when to run
 * again (undefined: when something new is queued). Without an AuditEndpoint the queue is emptied:
 * entries are kept only for a server that will take them.
 */
export async function forwardAudit(options: {
  policy: Policy | undefined;
  fetch: Fetch;
  now: number;
  version: string;
}) {
  const endpoint = options.policy?.AuditEndpoint;
  if (!endpoint) {
    const keys = (await queuedEntries()).map((e) => queueKey(e.id));
    await browser.storage.local.remove([...keys, RETRY_KEY]);
    return { nextRunInMs: undefined, result: ok({ sent: 0 }) };
  }
  const state = await retryState();
  if (state && state.nextAt > options.now) return { nextRunInMs: state.nextAt - options.now, result: ok({ sent: 0 }) };
  const result = await sendQueued({ endpoint, fetch: options.fetch, version: options.version });
  if (result.ok) {
    await browser.storage.local.remove(RETRY_KEY);
    return { nextRunInMs: undefined, result };
  }
  const failures = (state?.failures ?? 0) + 1;
  const delay = retryDelay(failures);
  await browser.storage.local.set({ [RETRY_KEY]: { failures, nextAt: options.now + delay } satisfies RetryState });
  return { nextRunInMs: delay, result };
}

/**
 * The background worker's forwarder: a round when the worker starts, when an entry is queued, when
 * the policy changes, and when a retry is due. Rounds never overlap (one request in flight).
 */
export function startAuditForwarding(fetchImpl: Fetch = (url, init) => globalThis.fetch(url, init)) {
  const version = browser.runtime.getManifest().version;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(kick, ms);
    void browser.alarms?.create(ALARM, { when: Date.now() + ms });
  };
  const round = async () => {
    const policy = await enforcedPolicy();
    const { nextRunInMs } = await forwardAudit({ policy, fetch: fetchImpl, now: Date.now(), version });
    if (nextRunInMs !== undefined) schedule(nextRunInMs);
  };
  function kick() {
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch(() => schedule(RETRY_CAP_MS)) // storage itself failed: try again later, never in a tight loop
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  }
  browser.storage.onChanged.addListener((changes, area) => {
    const added = Object.entries(changes).some(([key, c]) => key.startsWith(QUEUE_PREFIX) && c.newValue !== undefined);
    const queued = area === 'local' && added;
    // A policy change counts once the worker has cached it (an AuditEndpoint set, changed or removed).
    if (queued || isPolicyCacheChange(changes, area)) kick();
  });
  browser.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) kick();
  });
  kick();
}
