/**
 * The audit log: what Chartside did, kept on this computer, with no PHI. Each draft records when,
 * on which EHR origin, which task, which engine and model, how many identifiers of each category
 * were replaced, a SHA-256 of the exact text sent (so a gateway's logs can be matched to it without
 * storing it), and the outcome. Bounded: the oldest entries go first.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { TaskSchema } from '../draft/schema';

export const MAX_AUDIT_ENTRIES = 1000;
const KEY = 'audit';

export const AuditEntrySchema = z.object({
  time: z.string(),
  /** The EHR's origin (scheme, host, port): never the path, which can carry a patient id. */
  origin: z.string(),
  task: TaskSchema,
  engine: z.enum(['offline', 'model']),
  /** Model name and the endpoint's host, for model drafts. */
  model: z.string().optional(),
  endpoint: z.string().optional(),
  /** Placeholders in the payload, by category: counts only. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  payloadSha256: z.string().optional(),
  /** Estimated tokens sent. */
  tokens: z.number().int().nonnegative().optional(),
  outcome: z.enum(['drafted', 'failed', 'blocked', 'cancelled']),
  /** The error's code (`rate-limited`, `leak-blocked`…), never its message. */
  errorCode: z.string().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The origin of a page address, or "unknown": the path and query never enter the log. */
export function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'unknown';
  }
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

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
