/**
 * The audit log: what Chartside did, kept on this computer, with no PHI. Each draft records when,
 * on which EHR origin, which task, which engine and model, how many identifiers of each category
 * were replaced, a SHA-256 of the exact text sent (so a gateway's logs can be matched to it without
 * storing it), and the outcome. Bounded: the oldest entries go first.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { AuditEntrySchema, type AuditEntry } from './entry';

export const MAX_AUDIT_ENTRIES = 1000;
const KEY = 'audit';

export { AuditEntrySchema, originOf, sha256Hex, type AuditEntry } from './entry';

export async function loadAudit(): Promise<AuditEntry[]> {
  const parsed = z.array(AuditEntrySchema).safeParse((await browser.storage.local.get(KEY))[KEY]);
  return parsed.success ? parsed.data : [];
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  const checked = AuditEntrySchema.parse(entry);
  const entries = [...(await loadAudit()), checked].slice(-MAX_AUDIT_ENTRIES);
  await browser.storage.local.set({ [KEY]: entries });
}

export async function clearAudit(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

const COLUMNS = ['time', 'origin', 'task', 'engine', 'model', 'endpoint', 'outcome', 'errorCode', 'tokens', 'payloadSha256', 'counts'] as const;

function cell(value: unknown): string {
  const text = value === undefined ? '' : typeof value === 'object' ? Object.entries(value as Record<string, number>).map(([k, n]) => `${k}=${n}`).join(' ') : String(value);
  // Quoted when needed (RFC 4180); a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditToCsv(entries: AuditEntry[]): string {
  return [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))].join('\r\n') + '\r\n';
}
