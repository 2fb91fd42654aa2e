/** One table of error codes: every code the source reports is in it, and every code in it is reported somewhere. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ErrorCodeSchema } from '../../utils/error-codes';
import { AppErrorSchema } from '../../utils/result';

const sources = execFileSync('git', ['ls-files', 'utils', 'entrypoints', 'components'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.tsx?$/.test(file) && file !== 'utils/error-codes.ts');
const text = sources.map((file) => readFileSync(file, 'utf8')).join('\n');

describe('error codes', () => {
  it('every code in the table is reported somewhere, and says what it means for the clinician and for IT', () => {
    for (const [code, info] of Object.entries(ERROR_CODES)) {
      expect(text.includes(`'${code}'`), code).toBe(true);
      expect(info.clinician.length, code).toBeGreaterThan(5);
      expect(info.it.length, code).toBeGreaterThan(5);
    }
  });

  it('every code the source reports is in the table', () => {
    const reported = new Set([
      ...[...text.matchAll(/\bfail\(\s*'([a-z-]+)'/g)].map((m) => m[1]),
      ...[...text.matchAll(/\bcode: (?:tls \? )?'([a-z-]+)'(?: : '([a-z-]+)')?/g)].flatMap((m) => [m[1], m[2]]),
    ]);
    reported.delete(undefined as unknown as string);
    // Not errors of ours: zod's own issue code, and a FHIR coding in the audit event.
    for (const other of ['custom', 'humanuser']) reported.delete(other);
    expect([...reported].filter((code) => !ErrorCodeSchema.safeParse(code).success)).toEqual([]);
    expect(reported.size).toBeGreaterThan(30);
  });

  it('an error crossing a boundary with a code not in the table is refused', () => {
    expect(AppErrorSchema.safeParse({ code: 'leak-blocked', message: 'x' }).success).toBe(true);
    expect(AppErrorSchema.safeParse({ code: 'leak-blokced', message: 'x' }).success).toBe(false);
  });
});
