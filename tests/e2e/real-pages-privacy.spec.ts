/**
 * Proof on pages real EHR software rendered (../shared/real-pages; skipped with one line when
 * absent): every page goes through the panel of the real extension and through the command-line
 * pipeline (the extension's own capture in Chromium, de-identification, the openai SDK) to a local
 * server that records every request, and no request carries the patient's name, birth date,
 * identifiers (as shown or digits only), street, city, ZIP or phone.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Request } from '@playwright/test';
import { serveDirectory } from '../../scripts/lib/serve.mjs';
import { expect, test } from '../support/fixtures';
import { startOpenAIServer } from '../support/openai-server.mjs';
import { openChartAndRead, useEndpoint } from '../support/panel';
import { captureThroughExtension } from '../../scripts/lib/browser.mjs';
import { loadModules } from '../../scripts/lib/load-ts.mjs';
import type { buildPayload as BuildPayload } from '../../utils/deidentify/payload';
import type { PatientRecord } from '../../utils/record/schema';

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

/** Everything a request carries, with Chartside's own placeholders blanked ("[ZIP 123]" keeps the three digits Safe Harbor allows). */
function carried(url: string, headers: unknown, body: unknown): string {
  return `${url}\n${JSON.stringify(headers)}\n${typeof body === 'string' ? body : JSON.stringify(body)}`.replace(/\[[A-Z]+(?:-\d+)?(?: [^\]]{1,24})?\]/g, '[]');
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
            const text = carried(request.url, request.headers, request.body);
            for (const pattern of forbidden(truth)) expect(text, `${truth.page} ${task}: ${pattern}`).not.toMatch(pattern);
          }
        }
      }
    } finally {
      await server.close();
    }
  });

  test('through the panel of the real extension: every request the browser makes leaves no identifier', async ({ ext }) => {
    const server = await startOpenAIServer();
    const pagesServer = await serveDirectory(REAL_PAGES);
    const outgoing: Array<{ url: string; text: string; page: string }> = [];
    let current = '';
    const record = (request: Request) => {
      if (!request.url().startsWith(pagesServer.url) && !request.url().startsWith('chrome-extension://')) outgoing.push({ url: request.url(), page: current, text: carried(request.url(), request.headers(), request.postData() ?? '') });
    };
    ext.context.on('request', record);
    const { restore } = await useEndpoint(ext, server.baseURL, 'sk-privacy-test');
    try {
      for (const truth of pages) {
        current = truth.page;
        const { chart, panel } = await openChartAndRead(ext, `${pagesServer.url}/${truth.page}`);
        await expect(panel.getByRole('region', { name: 'Captured record' })).toBeVisible();
        await panel.getByRole('button', { name: 'Summarize' }).click();
        // The scripted answer need not fit: what matters is what was sent.
        await expect(panel.getByRole('article').or(panel.getByRole('alert')).first()).toBeVisible({ timeout: 20_000 });
        await panel.close();
        await chart.close();
      }
    } finally {
      ext.context.off('request', record);
      await restore();
      await server.close();
      await pagesServer.close();
    }
    for (const truth of pages) {
      const sent = outgoing.filter((r) => r.page === truth.page);
      expect(sent.filter((r) => r.url.endsWith('/chat/completions')).length, `${truth.page}: a request reached the endpoint`).toBeGreaterThan(0);
      for (const request of sent) for (const pattern of forbidden(truth)) expect(request.text, `${truth.page}: ${pattern}`).not.toMatch(pattern);
    }
  });

  test('when the banner is not read into fields, the header region still tells de-identification what to remove', async ({ ext }) => {
    // The panel's own de-identification, loaded as the command-line tools load it (its lexicons are JSON modules).
    const [{ buildPayload }] = (await loadModules(['/utils/deidentify/payload.ts'])) as [{ buildPayload: typeof BuildPayload }];
    const pagesServer = await serveDirectory(REAL_PAGES);
    try {
      const chart = await ext.context.newPage();
      for (const truth of pages) {
        await chart.goto(`${pagesServer.url}/${truth.page}`);
        const result = await captureThroughExtension(ext, chart);
        expect(result.ok, truth.page).toBe(true);
        const record = result.value as PatientRecord;
        // As if the reader had found no banner at all: nothing of the patient is known from fields.
        record.patient = { identifiers: [], phones: [], emails: [] };
        const payload = buildPayload(record);
        if (!payload.ok) throw new Error(payload.error.message);
        const text = carried('', {}, payload.value.text);
        // Identifiers of three characters or fewer ("abc 123") are matched only where labelled: unlabelled, they read as results and doses.
        const long = { ...truth, patient: { ...truth.patient, identifiers: truth.patient.identifiers.filter((i) => i.value.length >= 4) } };
        for (const pattern of forbidden(long)) expect(text, `${truth.page}: ${pattern}`).not.toMatch(pattern);
      }
    } finally {
      await pagesServer.close();
    }
  });
});
