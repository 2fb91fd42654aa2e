/**
 * One pipeline: the panel and the command line send the same bytes for the same page. On a chart
 * larger than the token budget (so the budget trims it), the messages the panel sends to the model
 * endpoint and those the CLI sends are identical.
 */
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { expect, test } from '../support/fixtures';
import { openChartAndRead, useEndpoint } from '../support/panel';

/** A chart past the default 8,000-token budget: a banner, problems, 600 results, 40 notes. */
function largeChart(): string {
  const tests = ['Sodium', 'Potassium', 'Creatinine', 'Glucose', 'Hemoglobin', 'WBC'];
  // Every row and note different, as in a real chart (capture reads a repeated row once).
  const rows = Array.from(
    { length: 600 },
    (_, i) =>
      `<tr><td>${tests[i % tests.length]}</td><td>${(4 + i / 100).toFixed(2)}</td><td>mmol/L</td><td>${String((i % 12) + 1).padStart(2, '0')}/${String((i % 27) + 1).padStart(2, '0')}/${2000 + Math.floor(i / 30)}</td></tr>`,
  );
  const notes = Array.from(
    { length: 40 },
    (_, i) =>
      `<article><h3>Progress note — 04/${String((i % 28) + 1).padStart(2, '0')}/2025</h3><p>Visit ${i + 1}: seen for follow-up of diabetes and hypertension; home readings reviewed; plan discussed with Ms. Okafor and her daughter.</p></article>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>Chart — Okafor, Chidinma</title></head><body>
<header><h1>Okafor, Chidinma</h1><p>DOB: 07/22/1961 · MRN: 55120984 · Phone: (413) 555-0172</p></header>
<h2>Problems</h2><ul><li>Type 2 diabetes mellitus (active)</li><li>Essential hypertension (active)</li></ul>
<h2>Medications</h2><ul><li>Metformin 1000 mg twice daily</li><li>Lisinopril 20 mg daily</li></ul>
<h2>Allergies</h2><ul><li>Penicillin — hives</li></ul>
<h2>Lab Results</h2><table><thead><tr><th>Test</th><th>Result</th><th>Units</th><th>Collected</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<h2>Progress Notes</h2>${notes.join('')}
</body></html>`;
}

test('the panel and the CLI send byte-identical messages for the same page, trimmed to the same budget', async ({
  ext,
  modelServer: server,
}) => {
  const html = largeChart();
  const page = http.createServer((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
  );
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}/chart`;
  const { restore } = await useEndpoint(ext, server.baseURL, 'sk-pipeline');
  const answer = JSON.stringify({ synopsis: '[PATIENT] is followed for diabetes.', sections: [] });
  try {
    server.script({ kind: 'answer', content: answer });
    const { chart, panel } = await openChartAndRead(ext, url);
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('article', { name: /Chart summary \(model draft\)/ })).toBeVisible();
    await expect(panel.getByTestId('budget-omitted')).toContainText('older lab results');
    const fromPanel = server.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!.body.messages;
    await panel.close();
    await chart.close();

    server.script({ kind: 'answer', content: answer });
    await promisify(execFile)(
      'node',
      ['scripts/draft.mjs', url, '--task', 'summary', '--backend', server.baseURL, '--model', 'test-model'],
      {
        timeout: 60_000,
        env: { ...process.env, OPENAI_API_KEY: 'sk-pipeline' },
      },
    );
    const fromCli = server.requests.filter((r) => r.url.endsWith('/chat/completions')).at(-1)!.body.messages;

    expect(JSON.stringify(fromCli)).toBe(JSON.stringify(fromPanel));
    // The budget applied to both: far less than the page's text was sent, and no identifier.
    const sent = fromPanel.map((m: { content: string }) => m.content).join('\n');
    const record = fromPanel.find((m: { role: string }) => m.role === 'user').content as string;
    expect(record.length / 4).toBeLessThanOrEqual(8000); // tokens, at four characters each
    expect(record.match(/\[lab-\d+\]/g)!.length).toBeLessThan(600);
    for (const value of ['Okafor', 'Chidinma', '55120984', '07/22/1961', '555-0172']) expect(sent).not.toContain(value);
  } finally {
    await restore();
    page.close();
  }
});
