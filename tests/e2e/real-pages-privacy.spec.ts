/**
 * Proof on pages real EHR software rendered (../shared/real-pages; skipped with one line when
 * absent): every page, every task, goes through the panel of the real extension and through the command-line
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

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
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

/**
 * Everything a request carries, with Chartside's own placeholders blanked ("[ZIP 123]" keeps the three digits Safe
 * Harbor allows).
 */
function carried(url: string, headers: unknown, body: unknown): string {
  return `${url}\n${JSON.stringify(headers)}\n${typeof body === 'string' ? body : JSON.stringify(body)}`.replace(
    /\[[A-Z]+(?:-\d+)?(?: [^\]]{1,24})?\]/g,
    '[]',
  );
}

const pages = present
  ? readdirSync(resolve(REAL_PAGES, 'truth'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(resolve(REAL_PAGES, 'truth', f), 'utf8')) as Truth)
  : [];

test.describe('real pages through the pipeline to a model endpoint', () => {
  test.skip(!present, '../shared/real-pages not found');
  test.setTimeout(300_000);

  test('no identifier of the patient reaches the endpoint, on any page, for any task (CLI)', async ({
    modelServer: server,
  }) => {
    // Every page, every task, in one run of the command line (one capture a page, four tasks each).
    const { stdout } = await promisify(execFile)(
      'node',
      [
        'scripts/draft.mjs',
        ...pages.map((truth) => resolve(REAL_PAGES, truth.page)),
        '--task',
        'all',
        '--backend',
        server.baseURL,
        '--model',
        'test-model',
        '--show-payload',
      ],
      { timeout: 240_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, OPENAI_API_KEY: 'sk-privacy-test' } },
      // the scripted answers need not fit the task: what matters is what was sent
    ).catch((error: { stdout: string }) => error);
    const results = JSON.parse(stdout) as Array<{
      page: string;
      task?: string;
      payload?: string;
      error?: { code: string };
    }>;
    expect(results).toHaveLength(pages.length * 4);
    // Nothing was refused before sending: every page, every task reached the endpoint.
    expect(results.filter((r) => r.error && !r.task).map((r) => r.page)).toEqual([]);
    const completions = server.requests.filter((r) => r.url.endsWith('/chat/completions'));
    expect(completions.length).toBeGreaterThanOrEqual(pages.length * 4);
    // Each request is the page's whose de-identified record it carries (the CLI printed each payload).
    const payloads = pages.map((truth) =>
      results.filter((r) => r.page === resolve(REAL_PAGES, truth.page) && r.payload).map((r) => r.payload!),
    );
    for (const request of completions) {
      const body = JSON.stringify(request.body);
      const owner = pages.findIndex((_, i) =>
        payloads[i].some((payload) => body.includes(JSON.stringify(payload).slice(1, -1).slice(0, 2000))),
      );
      expect(owner, 'every request carries the record of one page').toBeGreaterThanOrEqual(0);
      const text = carried(request.url, request.headers, request.body);
      for (const pattern of forbidden(pages[owner]))
        expect(text, `${pages[owner].page}: ${pattern}`).not.toMatch(pattern);
    }
    // And every page's payload was sent for all four tasks.
    for (const [i, truth] of pages.entries()) expect(payloads[i].length, truth.page).toBe(4);
  });

  test('through the panel of the real extension: every request the browser makes leaves no identifier', async ({
    ext,
    modelServer: server,
  }) => {
    const pagesServer = await serveDirectory(REAL_PAGES);
    const outgoing: Array<{ url: string; text: string; page: string }> = [];
    let current = '';
    const record = (request: Request) => {
      if (!request.url().startsWith(pagesServer.url) && !request.url().startsWith('chrome-extension://'))
        outgoing.push({
          url: request.url(),
          page: current,
          text: carried(request.url(), request.headers(), request.postData() ?? ''),
        });
    };
    ext.context.on('request', record);
    const { restore } = await useEndpoint(ext, server.baseURL, 'sk-privacy-test');
    try {
      for (const truth of pages) {
        current = truth.page;
        const { chart, panel } = await openChartAndRead(ext, `${pagesServer.url}/${truth.page}`);
        await expect(panel.getByRole('region', { name: 'Captured record' })).toBeVisible();
        // Every task, one after the other, on the one reading of the page.
        for (const [name, action] of [
          ['Chart summary', 'Summarize'],
          ['Draft note', 'Draft note'],
          ['Next steps', 'Suggest next steps'],
          ['Patient reply', 'Draft reply'],
        ]) {
          const before = server.requests.length;
          await panel.getByRole('radio', { name }).check();
          await panel.getByRole('button', { name: action, exact: true }).click();
          // The scripted answer need not fit: what matters is what was sent.
          await expect
            .poll(() => server.requests.length, {
              message: `${truth.page} ${name}: a request reached the endpoint`,
              timeout: 20_000,
            })
            .toBeGreaterThan(before);
          await expect(panel.getByRole('button', { name: action, exact: true })).toBeEnabled({ timeout: 20_000 });
        }
        await panel.close();
        await chart.close();
      }
    } finally {
      ext.context.off('request', record);
      await restore();
      await pagesServer.close();
    }
    for (const truth of pages) {
      const sent = outgoing.filter((r) => r.page === truth.page);
      expect(
        sent.filter((r) => r.url.endsWith('/chat/completions')).length,
        `${truth.page}: every task reached the endpoint`,
      ).toBeGreaterThanOrEqual(4);
      for (const request of sent)
        for (const pattern of forbidden(truth)) expect(request.text, `${truth.page}: ${pattern}`).not.toMatch(pattern);
    }
  });

  test('when the banner is not read into fields, the header region still tells de-identification what to remove', async ({
    ext,
  }) => {
    // The panel's own de-identification, loaded as the command-line tools load it (its lexicons are JSON modules).
    const [{ buildPayload }] = (await loadModules(['/utils/deidentify/payload.ts'])) as [
      { buildPayload: typeof BuildPayload },
    ];
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
        // Identifiers of three characters or fewer ("abc 123") are matched only where labelled: unlabelled, they read
        // as results and doses.
        const long = {
          ...truth,
          patient: { ...truth.patient, identifiers: truth.patient.identifiers.filter((i) => i.value.length >= 4) },
        };
        for (const pattern of forbidden(long)) expect(text, `${truth.page}: ${pattern}`).not.toMatch(pattern);
      }
    } finally {
      await pagesServer.close();
    }
  });
});
