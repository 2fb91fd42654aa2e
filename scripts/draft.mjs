#!/usr/bin/env node
// `npm run -s draft -- <html-file-or-url> --task summary [--backend offline|<baseURL> --model NAME] [--show-payload]`
// Capture (the extension, in headless Chromium) → de-identify → the offline engine or a model endpoint
// (the `openai` SDK; the key from OPENAI_API_KEY) → prints {"task", "output", "payload"?} as JSON.
// The output has placeholders filled back in, locally; the payload is exactly what would be sent.
import { capturePage } from './lib/capture-page.mjs';
import { loadModules } from './lib/load-ts.mjs';

function die(message) {
  process.stderr.write(`draft: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const target = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
const task = option('--task') ?? 'summary';
const backend = option('--backend') ?? 'offline';
if (!target) die('usage: npm run -s draft -- <html-file-or-url> --task summary [--backend offline|<baseURL> --model NAME] [--show-payload]');
if (task !== 'summary') die(`unknown task "${task}" (this version drafts: summary)`);
if (backend !== 'offline' && !/^https?:\/\//.test(backend)) die(`--backend takes "offline" or an endpoint address such as https://gateway.example.org/v1`);
if (backend !== 'offline' && !option('--model')) die('--model is needed with a model endpoint');

const captured = await capturePage(target);
if (!captured.ok) die(captured.message);
const record = captured.value;

const [{ buildPayload }, { runOffline }, { summarizeWithModel }, { ModelConfigSchema }, { fillOutput }] = await loadModules([
  '/utils/deidentify/payload.ts',
  '/utils/draft/offline.ts',
  '/utils/draft/model.ts',
  '/utils/draft/backends/openai.ts',
  '/utils/handback/reidentify.ts',
]);
const prepared = buildPayload(record, option('--policy') ?? 'safe-harbor');
if (!prepared.ok) die(prepared.error.message);
const payload = prepared.value;

let output;
if (backend === 'offline') {
  output = runOffline('summary', record);
} else {
  const config = ModelConfigSchema.safeParse({ kind: 'compatible', baseURL: backend, model: option('--model'), apiKey: process.env.OPENAI_API_KEY });
  if (!config.success) die(`invalid endpoint settings: ${config.error.issues.map((i) => i.message).join('; ')}`);
  const result = await summarizeWithModel(payload, config.data);
  if (!result.ok) die(`${result.error.message}${result.error.detail ? ` (${result.error.detail})` : ''}`);
  output = fillOutput(result.value, payload.book.originals);
}
const out = { task, output, ...(args.includes('--show-payload') ? { payload: payload.text } : {}) };
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
