#!/usr/bin/env node
// `npm run -s draft -- <html-file-or-url> --task summary|note|next-steps|reply|all [--engine offline|<baseURL>
// --model NAME]
//    [--length concise|standard|detailed] [--order SOAP|APSO] [--language auto|en|es] [--disclosure TEXT] [--policy
// safe-harbor|relative]
//    [--token-budget N] [--show-payload] [--one-chart]`
// Capture (the extension, in headless Chromium) → the panel's pipeline (utils/pipeline): token budget → de-identify →
// the offline engine or a model endpoint
// (the `openai` SDK; the key from OPENAI_API_KEY) → verify → prints JSON:
// {"task", "output", "citations", "verification": {"checked", "unsupported": [...]}, "payload"?} (a list of them with
// --task all).
// The output has placeholders filled back in, locally; the payload is exactly what would be sent.
// When the page does not show whose chart it is, nothing goes to a model unless the patient is
// named with --patient-name "Last, First" (and --patient-id MRN): the offline engine runs either way.
import { capturePage } from './lib/capture-page.mjs';
import { loadModules } from './lib/load-ts.mjs';

function die(message) {
  process.stderr.write(`draft: ${message}\n`);
  process.exit(1);
}

// One load of the pipeline's modules; the task names are the catalog's (through draft/schema), as in the panel.
const [
  { runTask },
  { prepareSend },
  { ModelConfigSchema },
  { TaskOptionsSchema, TASKS },
  { findItem },
  { withPatientGiven },
  { addPage, recordPages },
  { DEFAULT_SETTINGS },
] = await loadModules([
  '/utils/pipeline/run.ts',
  '/utils/pipeline/prepare.ts',
  '/utils/draft/backends/openai.ts',
  '/utils/draft/schema.ts',
  '/utils/record/schema.ts',
  '/utils/record/identity.ts',
  '/utils/record/merge.ts',
  '/utils/settings/schema.ts',
]);
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
// Flags that take no value: the word after one is a page, not its value.
const SWITCHES = new Set(['--show-payload', '--one-chart']);
const targets = args.filter(
  (arg, i) => !arg.startsWith('--') && !(args[i - 1]?.startsWith('--') && !SWITCHES.has(args[i - 1])),
);
const task = option('--task') ?? 'summary';
// --engine names the engine as the settings page does; --backend is its older name, still accepted.
const backend = option('--engine') ?? option('--backend') ?? 'offline';
if (!targets.length)
  die(
    `usage: npm run -s draft -- <html-file-or-url>... --task ${TASKS.join('|')}|all [--engine offline|<baseURL> --model NAME] [--patient-name NAME [--patient-id ID]] [--token-budget N] [--show-payload] [--one-chart]`,
  );
if (option('--patient-id') && !option('--patient-name'))
  die('--patient-id needs --patient-name: the name is what de-identification must know first');
if (task !== 'all' && !TASKS.includes(task)) die(`unknown task "${task}" (tasks: ${TASKS.join(', ')}, or all)`);
if (backend !== 'offline' && !/^https?:\/\//.test(backend))
  die(`--engine takes "offline" or an endpoint address such as https://gateway.example.org/v1`);
if (backend !== 'offline' && !option('--model')) die('--model is needed with a model endpoint');

const parsedOptions = TaskOptionsSchema.safeParse({
  note: { length: option('--length') ?? 'standard', order: option('--order') ?? 'SOAP' },
  reply: { language: option('--language') ?? 'auto', disclosure: option('--disclosure') ?? '' },
});
if (!parsedOptions.success)
  die(`invalid options: ${parsedOptions.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
const taskOptions = parsedOptions.data;

const tokenBudget = option('--token-budget') ? Number(option('--token-budget')) : DEFAULT_SETTINGS.tokenBudget;
if (!Number.isInteger(tokenBudget) || tokenBudget < 1000)
  die('--token-budget takes a whole number of tokens, 1000 or more');

let engine = { engine: 'offline' };
if (backend !== 'offline') {
  const config = ModelConfigSchema.safeParse({
    kind: 'compatible',
    baseURL: backend,
    model: option('--model'),
    apiKey: process.env.OPENAI_API_KEY,
  });
  if (!config.success) die(`invalid endpoint settings: ${config.error.issues.map((i) => i.message).join('; ')}`);
  engine = { engine: 'model', config: config.data };
}

// The same pipeline as the panel, with the panel's defaults: budget → de-identify → leak guard → engine → fill back →
// verify.
// `--task all` runs each task on the one capture; several pages are read one after the other. Then a
// list is printed, each entry with its page and task; a task that fails is listed with its error.
const tasks = task === 'all' ? TASKS : [task];
const results = [];
// --one-chart: the pages are one patient's chart, joined into one record as the panel's "Add this page" does
// (a page of another patient, or one that does not say whose chart it is, is refused with one line).
const oneChart = args.includes('--one-chart');
const inputs = oneChart ? [{ target: targets.join(' + '), captured: await oneRecordOf(targets) }] : targets;
for (const input of inputs) {
  const target = oneChart ? input.target : input;
  const captured = oneChart ? input.captured : await capturePage(target);
  if (!captured.ok) {
    if (targets.length === 1 || oneChart) die(captured.message);
    results.push({ page: target, error: { code: 'capture-failed', message: captured.message } });
    continue;
  }
  const patientName = option('--patient-name');
  if (backend !== 'offline' && !captured.value.capture.patientIdentified && !patientName) {
    const message =
      'not sent: this page does not show whose chart it is (no name with a birth date or record number); give --patient-name "Last, First" (and --patient-id) or use --engine offline';
    if (targets.length === 1 || oneChart) die(message);
    results.push({ page: target, error: { code: 'patient-unknown', message } });
    continue;
  }
  // The clinician's word for whose chart this is, so de-identification knows what to remove.
  const record = patientName
    ? withPatientGiven(captured.value, { name: patientName, id: option('--patient-id') })
    : captured.value;
  for (const current of tasks) {
    const sendSettings = { task: current, tokenBudget, datePolicy: option('--policy') ?? DEFAULT_SETTINGS.datePolicy };
    const prepared = prepareSend(record, sendSettings);
    const run = prepared.ok ? await runTask(record, { ...sendSettings, engine, taskOptions, prepared }) : prepared;
    const page = oneChart
      ? { pages: recordPages(record).map((p) => p.url) }
      : targets.length > 1
        ? { page: target }
        : {};
    if (!run.ok) {
      const message = `${run.error.message}${run.error.detail ? ` (${run.error.detail})` : ''}`;
      if ((targets.length === 1 || oneChart) && tasks.length === 1) die(message);
      // What was sent is printed too when asked: a failed answer does not change what left.
      const sentPayload =
        args.includes('--show-payload') && prepared.ok ? { payload: prepared.value.payload.text } : {};
      results.push({ ...page, task: current, error: { code: run.error.code, message }, ...sentPayload });
      continue;
    }
    const { output, verification } = run.value;
    const ids = [...new Set(output.sections.flatMap((s) => s.statements.flatMap((st) => st.cites)))];
    const citations = Object.fromEntries(ids.map((id) => [id, findItem(record, id)?.item.text ?? null]));
    const unsupported = verification.unsupported.map((f) => ({
      ...f,
      statementText: output.sections[f.section].statements[f.statement].text,
    }));
    results.push({
      ...page,
      task: current,
      output,
      citations,
      verification: { checked: verification.checked, unsupported, omissions: verification.omissions },
      ...(args.includes('--show-payload') ? { payload: prepared.value.payload.text } : {}),
    });
  }
}
process.stdout.write(
  `${JSON.stringify(results.length === 1 && (targets.length === 1 || oneChart) && tasks.length === 1 ? results[0] : results, null, 2)}\n`,
);
if (results.some((r) => r.error)) process.exitCode = 1;

/** The pages read in order and joined into one record; the first failure, as one line. */
async function oneRecordOf(pages) {
  let record;
  for (const target of pages) {
    const captured = await capturePage(target);
    if (!captured.ok) return { ok: false, message: `${target}: ${captured.message}` };
    if (!record) {
      record = captured.value;
      continue;
    }
    const joined = addPage(record, captured.value);
    if (!joined.ok) return { ok: false, message: `${target}: ${joined.error.message}` };
    record = joined.value;
  }
  return { ok: true, value: record };
}
