/**
 * Errors are values. `message` is written for the clinician (what happened, what to do);
 * `detail` is for the IT person reading over their shoulder.
 */
import { z } from 'zod';
import { ErrorCodeSchema, type ErrorCode } from './error-codes';

export const AppErrorSchema = z.object({
  /** One of the codes in utils/error-codes.ts, beside what each means for the clinician and for IT. */
  code: ErrorCodeSchema,
  message: z.string(),
  detail: z.string().optional(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, detail?: string): Result<never> => ({
  ok: false,
  error: { code, message, ...(detail ? { detail } : {}) },
});

/** A zod schema for `Result<T>` given T's schema, so results crossing contexts are validated too. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}

export function describeUnknownError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
