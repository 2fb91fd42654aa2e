/**
 * Proof on pages real EHR software rendered (../shared/real-pages; skipped with one line when
 * absent): every page goes through the command-line pipeline (the extension's own capture in
 * Chromium, de-identification, the openai SDK) to a local server that records every request, and
 * no request carries the patient's name, birth date, identifiers (as shown or digits only),
 * street, city, ZIP or phone.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { startOpenAIServer } from '../support/openai-server.mjs';

const REAL_PAGES = resolve(process.cwd(), '..', 'shared', 'real-pages');
const present = existsSync(resolve(REAL_PAGES, 'truth'));
if (!present) console.log('real-pages privacy: ../shared/real-pages not found — skipped');

type Truth = {
  page: string;
  patient: {
    given: string;
    family: string;
    birthDate: string;
    birthDateShown?: string;
    identifiers: Array<{ value: string }>;
    contact?: { streets?: string[]; cities?: string[]; postalCodes?: string[]; phones?: string[] };
  };
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every form of the patient's identifiers that must never leave: as shown, and in the other forms pages use. */
function forbidden(truth: Truth): RegExp[] {
  const p = truth.patient;
  const [y, m, d] = p.birthDate.split('-').map(Number);
  const words = [...p.given.split(/\s+/), ...p.family.split(/\s+/)].filter((w) => w.length > 1);
  const texts = [
    ...words,
    p.birthDate,
    `${m}/${d}/${y}`,
    `${MONTHS[m - 1]} ${d}, ${y}`,
    ...(p.birthDateShown ? [p.birthDateShown] : []),
    ...p.identifiers.map((i) => i.value),
    ...(p.contact?.streets ?? []),
    ...(p.contact?.cities ?? []),
    ...(p.contact?.postalCodes ?? []),
  ];
  const digits = [...p.identifiers.map((i) => i.value), ...(p.contact?.phones ?? [])]
    .map((v) => v.replace(/\D/g, ''))
    .filter((v) => v.length >= 5);
  return [
    ...texts.map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(t).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'iu')),
    // Digits only, also split by separators: "999-99-1603" as 999991603 or "999 99 1603".
    ...digits.map((v) => new RegExp(`(?<!\\d)${v.split('').join('[\\s.\\-()]*')}(?!\\d)`)),
  ];
}

const pages = present
  ? readdirSync(resolve(REAL_PAGES, 'truth'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(resolve(REAL_PAGES, 'truth', f), 'utf8')) as Truth)
  : [];

test.describe('real pages through the pipeline to a model endpoint', () => {
  test.skip(!present, '../shared/real-pages not found');
  test.setTimeout(300_000);

  test('no identifier of the patient reaches the endpoint, on any page, for any task', async () => {
    const server = await startOpenAIServer();
    try {
      for (const [index, truth] of pages.entries()) {
        // Every task on the first page of each family, the summary on the rest (the payload is the same record).
        const tasks = index === 0 || truth.page.startsWith('medplum/synthea-elsa') ? ['summary', 'note', 'next-steps', 'reply'] : ['summary'];
        for (const task of tasks) {
          const before = server.requests.length;
          await promisify(execFile)(
            'node',
            ['scripts/draft.mjs', resolve(REAL_PAGES, truth.page), '--task', task, '--backend', server.baseURL, '--model', 'test-model'],
            { timeout: 60_000, env: { ...process.env, OPENAI_API_KEY: 'sk-privacy-test' } },
          ).catch(() => undefined); // the scripted answers need not fit the task: what matters is what was sent
          const sent = server.requests.slice(before);
          expect(sent.length, `${truth.page} ${task}: something was sent`).toBeGreaterThan(0);
          for (const request of sent) {
            // Placeholders are Chartside's own ("[ZIP 123]" keeps the three digits Safe Harbor allows).
            const text = `${request.url}\n${JSON.stringify(request.headers)}\n${typeof request.body === 'string' ? request.body : JSON.stringify(request.body)}`.replace(/\[[A-Z]+(?:-\d+)?(?: [^\]]{1,24})?\]/g, '[]');
            for (const pattern of forbidden(truth)) expect(text, `${truth.page} ${task}: ${pattern}`).not.toMatch(pattern);
          }
        }
      }
    } finally {
      await server.close();
    }
  });
});
