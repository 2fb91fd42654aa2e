#!/usr/bin/env node
// `npm run profile:capture`: where capture spends its time on the benchmark chart. Builds the extension
// unminified (into .output-profile/), captures the chart a few times to warm up, then samples one
// capture with the DevTools CPU profiler and prints the functions with the most self time.
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { basename } from 'node:path';
import { captureThroughExtension, launchWithExtension } from './lib/browser.mjs';
import { largeChart } from './lib/large-chart.mjs';

const TOP = Number(process.argv[2] ?? 25);
execFileSync('npx', ['wxt', 'build'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, CHARTSIDE_PROFILE_BUILD: '1' },
});
const html = largeChart();
const server = http.createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const ext = await launchWithExtension({ extensionDir: '.output-profile/chrome-mv3' });
try {
  const page = await ext.context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`, { waitUntil: 'load' });
  for (let i = 0; i < 3; i++) await captureThroughExtension(ext, page);
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await captureThroughExtension(ext, page);
  const { profile } = await cdp.send('Profiler.stop');
  if (!result.ok) throw new Error(result.error.message);

  // Self time per function: samples × the mean interval between them.
  const span = (profile.endTime - profile.startTime) / 1000;
  const perSample = span / Math.max(1, profile.samples.length);
  const hits = new Map(profile.samples.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map()));
  const parentOf = new Map(profile.nodes.flatMap((n) => (n.children ?? []).map((c) => [c, n])));
  const nameOf = ({ functionName, url, lineNumber }) =>
    `${functionName || '(anonymous)'}${url ? `  ${basename(url)}:${lineNumber + 1}` : ''}`;
  const byFunction = new Map();
  for (const node of profile.nodes) {
    const { functionName, url } = node.callFrame;
    if (['(idle)', '(program)', '(root)'].includes(functionName)) continue;
    // A browser built-in (querySelector, checkVisibility) is named with the script function that called it.
    const caller = !url && parentOf.get(node.id);
    const key = caller ? `${nameOf(node.callFrame)}  ← ${nameOf(caller.callFrame)}` : nameOf(node.callFrame);
    byFunction.set(key, (byFunction.get(key) ?? 0) + (hits.get(node.id) ?? 0) * perSample);
  }
  // Total time per script function: its own samples and its callees', counted once under recursion.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  const visit = (node, open) => {
    let ms = (hits.get(node.id) ?? 0) * perSample;
    const name = node.callFrame.url ? nameOf(node.callFrame) : undefined;
    const outermost = name && !open.has(name);
    if (outermost) open.add(name);
    for (const child of node.children ?? []) ms += visit(byId.get(child), open);
    if (outermost) {
      open.delete(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
    return ms;
  };
  visit(profile.nodes[0], new Set());
  const print = (title, map) => {
    console.log(title);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
  };
  console.log(`Capture took ${result.value.capture.durationMs} ms (profiling slows it).`);
  print('Self time by function (ms):', byFunction);
  print('Total time by function, callees included (ms):', total);
} finally {
  await ext.close();
  server.close();
  server.closeAllConnections();
}
