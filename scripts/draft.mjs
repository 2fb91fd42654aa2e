#!/usr/bin/env node
// `npm run -s draft -- <html-file-or-url> --task summary|note|next-steps|reply [--backend offline|<baseURL> --model NAME]
//    [--length concise|standard|detailed] [--order SOAP|APSO] [--language auto|en|es] [--disclosure TEXT] [--policy safe-harbor|relative]
//    [--token-budget N] [--show-payload]`
// Capture (the extension, in headless Chromium) → the panel's pipeline (utils/pipeline): token budget → de-identify → the offline engine or a model endpoint
// (the `openai` SDK; the key from OPENAI_API_KEY) → verify → prints JSON:
// {"task", "output", "citations", "verification": {"checked", "unsupported": [...]}, "payload"?}.
// The output has placeholders filled back in, locally; the payload is exactly what would be sent.
// When the page does not show whose chart it is, nothing goes to a model unless the patient is
// named with --patient-name "Last, First" (and --patient-id MRN): the offline engine runs either way.
import { capturePage } from './lib/capture-page.mjs';
import { loadModules } from './lib/load-ts.mjs';

function die(message) {
  process.stderr.write(`draft: ${message}\n`);
  process.exit(1);
}

const TASKS = ['summary', 'note', 'next-steps', 'reply'];
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const target = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
const task = option('--task') ?? 'summary';
const backend = option('--backend') ?? 'offline';
if (!target) die(`usage: npm run -s draft -- <html-file-or-url> --task ${TASKS.join('|')} [--backend offline|<baseURL> --model NAME] [--patient-name NAME [--patient-id ID]] [--token-budget N] [--show-payload]`);
if (option('--patient-id') && !option('--patient-name')) die('--patient-id needs --patient-name: the name is what de-identification must know first');
if (!TASKS.includes(task)) die(`unknown task "${task}" (tasks: ${TASKS.join(', ')})`);
if (backend !== 'offline' && !/^https?:\/\//.test(backend)) die(`--backend takes "offline" or an endpoint address such as https://gateway.example.org/v1`);
if (backend !== 'offline' && !option('--model')) die('--model is needed with a model endpoint');

const [{ runTask }, { prepareSend }, { ModelConfigSchema }, { TaskOptionsSchema }, { findItem }, { withPatientGiven }, { DEFAULT_SETTINGS }] = await loadModules([
  '/utils/pipeline/run.ts',
  '/utils/pipeline/prepare.ts',
  '/utils/draft/backends/openai.ts',
  '/utils/draft/schema.ts',
  '/utils/record/schema.ts',
  '/utils/record/identity.ts',
  '/utils/settings/schema.ts',
]);
const parsedOptions = TaskOptionsSchema.safeParse({
  note: { length: option('--length') ?? 'standard', order: option('--order') ?? 'SOAP' },
  reply: { language: option('--language') ?? 'auto', disclosure: option('--disclosure') ?? '' },
});
if (!parsedOptions.success) die(`invalid options: ${parsedOptions.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
const taskOptions = parsedOptions.data;

const tokenBudget = option('--token-budget') ? Number(option('--token-budget')) : DEFAULT_SETTINGS.tokenBudget;
if (!Number.isInteger(tokenBudget) || tokenBudget < 1000) die('--token-budget takes a whole number of tokens, 1000 or more');

const captured = await capturePage(target);
if (!captured.ok) die(captured.message);
const patientName = option('--patient-name');
if (backend !== 'offline' && !captured.value.capture.patientIdentified && !patientName) {
  die('not sent: this page does not show whose chart it is (no name with a birth date or record number); give --patient-name "Last, First" (and --patient-id) or use --backend offline');
}
// The clinician's word for whose chart this is, so de-identification knows what to remove.
const record = patientName ? withPatientGiven(captured.value, { name: patientName, id: option('--patient-id') }) : captured.value;

// The same pipeline as the panel, with the panel's defaults: budget → de-identify → leak guard → engine → fill back → verify.
const sendSettings = { task, tokenBudget, datePolicy: option('--policy') ?? DEFAULT_SETTINGS.datePolicy };
const prepared = prepareSend(record, sendSettings);
if (!prepared.ok) die(prepared.error.message);
let engine = { engine: 'offline' };
if (backend !== 'offline') {
  const config = ModelConfigSchema.safeParse({ kind: 'compatible', baseURL: backend, model: option('--model'), apiKey: process.env.OPENAI_API_KEY });
  if (!config.success) die(`invalid endpoint settings: ${config.error.issues.map((i) => i.message).join('; ')}`);
  engine = { engine: 'model', config: config.data };
}
const run = await runTask(record, { ...sendSettings, engine, taskOptions, prepared: prepared.value });
if (!run.ok) die(`${run.error.message}${run.error.detail ? ` (${run.error.detail})` : ''}`);
const { output, verification } = run.value;
const payload = prepared.value.payload;
const ids = [...new Set(output.sections.flatMap((s) => s.statements.flatMap((st) => st.cites)))];
const citations = Object.fromEntries(ids.map((id) => [id, findItem(record, id)?.item.text ?? null]));
const unsupported = verification.unsupported.map((f) => ({ ...f, statementText: output.sections[f.section].statements[f.statement].text }));
const out = { task, output, citations, verification: { checked: verification.checked, unsupported }, ...(args.includes('--show-payload') ? { payload: payload.text } : {}) };
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
