/**
 * One audit entry, with no PHI, and the pure helpers that make one (origin only, a hash of what was
 * sent). Apart from the log's storage so the pipeline, the CLI and tests build entries without a browser.
 */
import { z } from 'zod';
import { TaskSchema } from '../draft/schema';

export const AuditEntrySchema = z.object({
  /** Stable and random: the AuditEvent's id on the organisation's server, so a resend never duplicates. */
  id: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/)
    .optional(),
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

/** The audit queue: one storage.local key per entry waiting for the organisation's server (forward.ts). */
export const QUEUE_PREFIX = 'auditq:';
export const queueKey = (id: string) => `${QUEUE_PREFIX}${id}`;
