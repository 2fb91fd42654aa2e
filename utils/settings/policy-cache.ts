/**
 * The managed policy, read once and cached, so no page waits on Chrome's managed storage: on Linux
 * Chromium its first answer comes 2.4–2.9 s after the browser starts (for every caller; later reads
 * take a millisecond). The background worker reads it when it starts and again on each change, and
 * keeps it in memory, in `storage.session` (read in this browser session) and in `storage.local`
 * (the last one known, across restarts).
 *
 * THE RULE: a policy that restricts is never bypassed because it was slow — nothing leaves the browser, and no
 * setting is unlocked, before this session's policy is known.
 * - Enforcing — which engine a draft uses (OfflineOnly, Endpoint, LockBackend), may the audit log be cleared, where
 *   audit events go (AuditEndpoint), and whether the page a record came from may be worked on (AllowedOrigins)
 *   before anything is sent: `enforcedPolicy()`. It answers from this session's cache at once; with none yet (the
 *   first seconds after the browser starts, or the first run after install) it waits for the managed read, with no
 *   time limit. Never from the last session's copy: IT may have added a restriction since.
 * - Provisional — what stays inside the browser: the settings page's form, and reading a page into the panel
 *   (AllowedOrigins checked at once): `provisionalPolicy()`. This session's cache; else whichever comes first of the
 *   managed read and, after PROVISIONAL_LIMIT_MS, the last known policy (or none), marked provisional and replaced
 *   when the read answers. What is done under it is confirmed before it counts: the panel asks the background
 *   whether the page read is allowed (enforcing) and drops the record if not, before any send is offered; what the
 *   clinician saves meanwhile is put under the policy when it is used (applyPolicy), so nothing is unlocked.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { parsePolicy, type Policy } from './policy';

/** storage.session and storage.local: the same key, this session's copy and the last known. */
export const POLICY_CACHE_KEY = 'managedPolicy';
/**
 * Short: when this session has no copy yet, the managed read is the browser's first (seconds, just after it starts),
 * so waiting longer rarely gets the answer and only keeps the form off screen, or the page unread.
 */
export const PROVISIONAL_LIMIT_MS = 50;

const CachedPolicySchema = z.object({ raw: z.record(z.string(), z.unknown()), readAt: z.number() });
type CachedPolicy = z.infer<typeof CachedPolicySchema>;
type StorageChange = { newValue?: unknown };

/** This context's copy, kept by the worker (the one writer of the cache). */
/* eslint-disable no-restricted-syntax -- the worker's in-memory copy of the policy is this context's state by design */
let memory: CachedPolicy | undefined;
let pendingRead: Promise<Record<string, unknown>> | undefined;
let writes: Promise<unknown> = Promise.resolve();
/* eslint-enable no-restricted-syntax */

/** One managed read at a time in this context. No managed storage (Firefox without policy): none. */
function readManaged(): Promise<Record<string, unknown>> {
  pendingRead ??= Promise.resolve()
    .then(() => browser.storage.managed.get())
    .then((raw) => (raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {}))
    .catch(() => ({}))
    .finally(() => (pendingRead = undefined));
  return pendingRead;
}

async function cachedIn(area: 'session' | 'local'): Promise<CachedPolicy | undefined> {
  try {
    const parsed = CachedPolicySchema.safeParse((await browser.storage[area].get(POLICY_CACHE_KEY))[POLICY_CACHE_KEY]);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // a browser without storage.session: read the policy itself
  }
}

async function thisSession(): Promise<CachedPolicy | undefined> {
  return memory ?? (await cachedIn('session'));
}

/** Writes are chained, so a change merged in is never overwritten by an older read finishing late. */
type NextRaw = (current: CachedPolicy | undefined) => Promise<Record<string, unknown>>;
function writeCache(next: NextRaw): Promise<Policy | undefined> {
  const done = writes.then(async () => {
    const cached: CachedPolicy = { raw: await next(await thisSession()), readAt: Date.now() };
    memory = cached;
    await Promise.all([
      browser.storage.session?.set({ [POLICY_CACHE_KEY]: cached }).catch(() => undefined),
      browser.storage.local.set({ [POLICY_CACHE_KEY]: cached }).catch(() => undefined),
    ]);
    return parsePolicy(cached.raw);
  });
  writes = done.catch(() => undefined);
  return done;
}

/** Background worker: reads managed storage and caches it (at start, and after every change). */
export function refreshPolicyCache(): Promise<Policy | undefined> {
  return writeCache(() => readManaged());
}

/**
 * Background worker, on `storage.onChanged` for 'managed': the change carries each key's new value,
 * so the cache is right at once, before the confirming read answers.
 */
export function applyManagedChange(changes: Record<string, StorageChange>): Promise<Policy | undefined> {
  void writeCache(async (current) => {
    const raw = { ...(current?.raw ?? (await readManaged())) };
    for (const [key, change] of Object.entries(changes)) {
      if (change.newValue === undefined) delete raw[key];
      else raw[key] = change.newValue;
    }
    return raw;
  });
  return refreshPolicyCache();
}

/** The policy to enforce: this session's cache, else the managed read however long it takes. */
export async function enforcedPolicy(): Promise<Policy | undefined> {
  const cached = await thisSession();
  return parsePolicy(cached ? cached.raw : await readManaged());
}

/**
 * The policy for what stays in the browser: waits at most `limitMs`; `provisional` until the managed read has
 * answered.
 */
export async function provisionalPolicy(
  limitMs = PROVISIONAL_LIMIT_MS,
): Promise<{ policy?: Policy; provisional: boolean }> {
  const cached = await thisSession();
  if (cached) return { policy: parsePolicy(cached.raw), provisional: false };
  const read = readManaged().then((raw) => ({ policy: parsePolicy(raw), provisional: false }));
  // The last known policy is shown at once; with none (a new profile), "none" only after the
  // limit, so a read about to answer does not flash an unlocked form.
  const last = await cachedIn('local');
  const wait = last ? 0 : limitMs;
  const lastKnown = new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => ({
    policy: last ? parsePolicy(last.raw) : undefined,
    provisional: true,
  }));
  return Promise.race([read, lastKnown]);
}

/** Whether a storage change is one to the cached policy (pages re-render on it). */
export function isPolicyCacheChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'session' && POLICY_CACHE_KEY in changes;
}

/** For tests: forget this context's copy, as a restarted worker would. */
export function forgetPolicyMemory(): void {
  memory = undefined;
  pendingRead = undefined;
}
