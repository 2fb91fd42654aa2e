/** The command-line capture: the same capture code, JSON only on stdout, one-line errors. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '../support/fixtures';

const run = promisify(execFile);
const capture = (...args: string[]) => run('node', ['scripts/capture.mjs', ...args], { timeout: 60_000 });

test('prints the record of a saved page as JSON, and nothing else, on stdout', async () => {
  const { stdout } = await capture('tests/fixtures/pages/document.html');
  const record = JSON.parse(stdout);
  expect(record.capture.adapter).toBe('C-CDA document');
  expect(record.patient.identifiers).toContainEqual({ type: 'MRN', value: '00482913' });
  expect(record.medications.map((m: { name: string }) => m.name)).toContain('Empagliflozin');
});

test('fails with one line on stderr and a non-zero exit for unreadable input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chartside-'));
  const notHtml = join(dir, 'scan.pdf');
  writeFileSync(notHtml, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]));
  for (const args of [['no-such-file.html'], [notHtml], [], ['http://127.0.0.1:9/unreachable']]) {
    const error = await capture(...args).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(error, `capture ${args.join(' ')} should fail`).toBeDefined();
    expect(error!.code).not.toBe(0);
    expect(error!.stdout).toBe('');
    expect(error!.stderr.trim().split('\n')).toHaveLength(1);
    expect(error!.stderr).toMatch(/^capture: /);
  }
  const pdf = await capture(notHtml).catch((e: { stderr: string }) => e);
  expect((pdf as { stderr: string }).stderr).toContain('is not an HTML page');
});

test('draft runs capture → de-identify → a model endpoint, and prints the output and the payload', async ({
  modelServer: server,
}) => {
  server.script({
    kind: 'answer',
    content: JSON.stringify({ synopsis: '[PATIENT] seen on [DATE-1 (2026)].', sections: [] }),
  });
  const { stdout } = await promisify(execFile)(
    'node',
    [
      'scripts/draft.mjs',
      'tests/fixtures/pages/document.html',
      '--task',
      'summary',
      '--backend',
      server.baseURL,
      '--model',
      'test-model',
      '--show-payload',
    ],
    { timeout: 60_000, env: { ...process.env, OPENAI_API_KEY: 'sk-cli-test' } },
  );
  const out = JSON.parse(stdout);
  expect(out.task).toBe('summary');
  expect(out.output.engine).toBe('model');
  expect(out.output.sections[0].statements[0].text).toBe('Maria Elena Ordóñez seen on 11/18/2026.'); // filled back in, locally
  expect(out.payload).toMatch(/^PATIENT: \[PATIENT\]/);
  const sent = JSON.stringify(server.requests.at(-1)!.body);
  for (const value of ['Ordóñez', '00482913', '03/14/1958', '555-0199', 'Larkspur']) expect(sent).not.toContain(value);
  expect(server.requests.at(-1)!.headers.authorization).toBe('Bearer sk-cli-test');
});

test('draft sends nothing when the page does not say whose chart it is, unless the patient is named', async ({
  modelServer: server,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'chartside-'));
  const page = join(dir, 'no-banner.html');
  writeFileSync(
    page,
    '<!doctype html><title>Messages</title><h2>Message</h2><p>Hi, this is Tobias Quill. Is my lisinopril dose still 10 mg?</p><h2>Problems</h2><ul><li>Hypertension</li></ul>',
  );
  const draft = (...extra: string[]) =>
    run(
      'node',
      ['scripts/draft.mjs', page, '--task', 'summary', '--engine', server.baseURL, '--model', 'test-model', ...extra],
      { timeout: 60_000, env: { ...process.env, OPENAI_API_KEY: 'sk-cli-test' } },
    );
  const refused = await draft().then(
    () => undefined,
    (e: { code: number; stderr: string }) => e,
  );
  expect(refused?.code).not.toBe(0);
  expect(refused!.stderr.trim().split('\n')).toHaveLength(1);
  expect(refused!.stderr).toContain('--patient-name');
  expect(server.requests).toHaveLength(0);

  server.script({
    kind: 'answer',
    content: JSON.stringify({ synopsis: 'Asks about [PATIENT] dose.', sections: [] }),
  });
  await draft('--patient-name', 'Quill, Tobias', '--patient-id', 'Q-4471');
  expect(server.requests.filter((r) => r.url.endsWith('/chat/completions'))).toHaveLength(1);
  const sent = JSON.stringify(server.requests.at(-1)!.body);
  for (const value of ['Tobias', 'Quill']) expect(sent).not.toContain(value);
});

test('draft covers every task offline, printing citations and verification', async () => {
  const draft = (...args: string[]) =>
    run('node', ['scripts/draft.mjs', 'tests/fixtures/pages/dashboard.html', ...args], { timeout: 60_000 });
  // Every task on one capture, with each task's options given once.
  const all = JSON.parse(
    (
      await draft(
        '--task',
        'all',
        '--order',
        'APSO',
        '--length',
        'concise',
        '--language',
        'es',
        '--disclosure',
        'Redactado con ayuda de IA.',
      )
    ).stdout,
  );
  expect(all.map((r: { task: string }) => r.task)).toEqual(['summary', 'note', 'next-steps', 'reply']);
  const [, note, steps, reply] = all;
  expect(
    steps.output.sections
      .flatMap((s: { statements: Array<{ urgency?: string }> }) => s.statements)
      .every((s: { urgency?: string }) => s.urgency),
  ).toBe(true);
  expect(steps.citations['lab-1']).toMatch(/Hemoglobin A1c/);
  expect(steps.verification).toEqual({ checked: expect.any(Number), unsupported: [], omissions: [] });

  expect(note.output.sections.map((s: { heading: string }) => s.heading)).toEqual([
    'Assessment',
    'Plan',
    'Subjective',
    'Objective',
  ]);

  expect(reply.output.language).toBe('es');
  expect(reply.output.sections[0].statements.at(-1).text).toBe('Redactado con ayuda de IA.');

  const bad = await draft('--task', 'letter').catch((e: { code: number; stderr: string }) => e);
  expect((bad as { stderr: string }).stderr).toMatch(
    /^draft: unknown task "letter" \(tasks: summary, note, next-steps, reply, or all\)/,
  );
});

test('draft --one-chart joins one patient’s pages into one record, and refuses another patient’s page', async ({
  portalUrl,
}) => {
  const draft = (...args: string[]) => run('node', ['scripts/draft.mjs', ...args], { timeout: 120_000 });
  const maria = [`${portalUrl}/patient/p1001/messages`, `${portalUrl}/patient/p1001/dashboard`];
  const { stdout } = await draft('--one-chart', ...maria, '--task', 'summary');
  const result = JSON.parse(stdout);
  expect(result.pages).toEqual(maria);
  // The Messages page alone shows no allergy list; joined with the Dashboard, the summary lists them.
  const allergies = result.output.sections.find((s: { heading: string }) => s.heading === 'Allergies');
  expect(allergies.statements.map((s: { text: string }) => s.text).join(' ')).toMatch(/Penicillin/);
  expect(JSON.stringify(result.output)).toContain('Should I stop the empagliflozin?');

  const refused = await draft(
    '--one-chart',
    maria[0],
    `${portalUrl}/patient/p1002/dashboard`,
    '--task',
    'summary',
  ).then(
    () => undefined,
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
  expect(refused?.code).not.toBe(0);
  expect(refused?.stdout).toBe('');
  expect(refused?.stderr.trim().split('\n')).toHaveLength(1);
  expect(refused?.stderr).toMatch(/p1002\/dashboard: This page shows a different patient/);
});
