/**
 * The audit log: what Chartside did, kept on this computer, with no PHI. Each draft records when,
 * on which EHR origin, which task, which engine and model, how many identifiers of each category
 * were replaced, a SHA-256 of the exact text sent (so a gateway's logs can be matched to it without
 * storing it), and the outcome. Bounded: the oldest entries go first.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { enforcedPolicy } from '../settings/policy-cache';
import { AuditEntrySchema, queueKey, type AuditEntry } from './entry';

export const MAX_AUDIT_ENTRIES = 1000;
const KEY = 'audit';

export { AuditEntrySchema, originOf, sha256Hex, type AuditEntry } from './entry';

export async function loadAudit(): Promise<AuditEntry[]> {
  const parsed = z.array(AuditEntrySchema).safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : [];
}

/**
 * Adds an entry, with a stable id, to the log and, in the same write, to the queue the background
 * worker forwards to the organisation's audit server (utils/audit/forward.ts). Always queued: the
 * worker, which knows the policy, sends it or, without an AuditEndpoint, drops it.
 */
export async function appendAudit(entry: AuditEntry): Promise<void> {
  const checked = AuditEntrySchema.parse({ ...entry, id: entry.id ?? crypto.randomUUID() });
  const entries = [...(await loadAudit()), checked].slice(-MAX_AUDIT_ENTRIES);
  await browser.storage.local.set({ [KEY]: entries, [queueKey(checked.id!)]: checked });
}

/**
 * Clears the local log, unless the organisation audits centrally (AuditEndpoint): then the
 * clinician may not, and it says so. (Never the queue: what waits for the server still goes.)
 */
export async function clearAudit(): Promise<Result<void>> {
  if ((await enforcedPolicy())?.AuditEndpoint) {
    return fail(
      'audit-managed',
      'Your organization keeps this audit log; it cannot be cleared here.',
      'AuditEndpoint policy set',
    );
  }
  await browser.storage.local.remove(KEY);
  return ok(undefined);
}

const COLUMNS = [
  'time',
  'origin',
  'task',
  'engine',
  'model',
  'endpoint',
  'outcome',
  'errorCode',
  'tokens',
  'payloadSha256',
  'counts',
] as const;

function cell(value: unknown): string {
  const text =
    value === undefined
      ? ''
      : typeof value === 'object'
        ? Object.entries(value as Record<string, number>)
            .map(([k, n]) => `${k}=${n}`)
            .join(' ')
        : String(value);
  // Quoted when needed (RFC 4180); a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditToCsv(entries: AuditEntry[]): string {
  return [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n') + '\r\n';
}
