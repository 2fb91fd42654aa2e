/**
 * Reliability, through the real extension: a 100,000-element chart, a huge free-text note, and the
 * backend's faults after the panel was closed mid-stream and opened again. Capture finishes or
 * stops with a clear message, the page stays responsive, and every fault reads as a message.
 */
import { patients } from '../../scripts/portal/patients.mjs';
import { captureThroughExtension, clickToolbarButton, openPanel } from '../../scripts/lib/browser.mjs';
import { expect, test } from '../support/fixtures';
import { useEndpoint } from '../support/panel';

test('a 100,000-element chart is read without freezing the page', async ({ ext, portalUrl }) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[0].id}/dashboard`);
  const elements = await chart.evaluate(() => {
    // An app shell's worth of nested layout divs, and 5,000 more lab rows.
    const shell = document.createElement('div');
    shell.innerHTML = Array.from(
      { length: 9000 },
      (_, i) =>
        `<div class="w"><div><span>Menu ${i}</span><i></i><i></i><i></i><i></i><i></i><i></i><i></i></div></div>`,
    ).join('');
    document.body.append(shell);
    const tbody = document.querySelector('#card-labs tbody')!;
    tbody.insertAdjacentHTML(
      'beforeend',
      Array.from(
        { length: 5000 },
        (_, i) =>
          `<tr><td>Sodium</td><td>${130 + (i % 15)}</td><td>mmol/L</td><td>134-144</td><td></td><td>01/${String((i % 28) + 1).padStart(2, '0')}/2020</td></tr>`,
      ).join(''),
    );
    // The page's own timer: it must keep ticking while Chartside reads.
    (window as unknown as { ticks: number }).ticks = 0;
    setInterval(() => (window as unknown as { ticks: number }).ticks++, 5);
    return document.getElementsByTagName('*').length;
  });
  expect(elements).toBeGreaterThan(100_000);
  const ticksBefore = await chart.evaluate(() => (window as unknown as { ticks: number }).ticks);
  const result = await captureThroughExtension(ext, chart);
  const ticksAfter = await chart.evaluate(() => (window as unknown as { ticks: number }).ticks);
  if (result.ok) {
    expect(result.value.problems).toHaveLength(patients[0].problems.length);
    expect(result.value.labs.length + result.value.capture.skipped.length).toBeGreaterThan(patients[0].labs.length);
  } else {
    expect(result.error.message).toMatch(/too large|limit/i); // a clear stop, never a hang
  }
  // The capture yielded to the page while it worked: the page's own timer kept running.
  expect(ticksAfter - ticksBefore).toBeGreaterThan(3);
  await chart.close();
});

test('a huge free-text note is read, prepared in the worker; what a model would get stays within budget, and says what it left out', async ({
  ext,
  portalUrl,
}) => {
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[0].id}/dashboard`);
  await chart.evaluate(() => {
    const note = document.createElement('section');
    note.innerHTML = `<h2>Progress Notes</h2><article><h3>Consult note 01/05/2020</h3><p>${'Patient seen for follow-up of chronic conditions; medications reviewed and plan discussed. '.repeat(40_000)}</p></article>`;
    document.body.append(note);
  });
  await clickToolbarButton(ext, chart);
  const panel = await openPanel(ext, chart);
  await panel.getByRole('button', { name: 'Read this page' }).click();
  await expect(panel.getByRole('region', { name: 'Captured record' })).toBeVisible({ timeout: 30_000 });
  await panel.getByRole('button', { name: 'Preview what would be sent' }).click();
  await expect(panel.getByTestId('budget-omitted')).toContainText(/leaves out: .*note/);
  // The 3.6-million-character record was prepared in the de-identification worker, off the panel's main thread.
  expect(
    panel
      .workers()
      .map((worker: { url(): string }) => worker.url())
      .join(' '),
  ).toMatch(/prepare\.worker-[\w-]+\.js/);
  await expect(panel.getByText(/PATIENT/).first()).toBeVisible();
  await panel.getByRole('button', { name: 'Summarize' }).click();
  await expect(panel.getByRole('article', { name: /Chart summary/ })).toBeVisible();
  await panel.close();
  await chart.close();
});

test('closed mid-stream and opened again, the panel starts clean, and every backend fault still reads as a message', async ({
  ext,
  portalUrl,
  modelServer: server,
}) => {
  const { restore } = await useEndpoint(ext, server.baseURL, 'sk-reliability');
  const chart = await ext.context.newPage();
  await chart.goto(`${portalUrl}/patient/${patients[1].id}/dashboard`);
  try {
    await clickToolbarButton(ext, chart);
    let panel = await openPanel(ext, chart);
    await panel.getByRole('button', { name: 'Read this page' }).click();
    server.script({
      kind: 'stall',
      content: JSON.stringify({ synopsis: 'A long synopsis that never finishes arriving', sections: [] }),
    });
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByText(/characters received/)).toBeVisible();
    await panel.close(); // mid-stream

    panel = await openPanel(ext, chart);
    await expect(panel.getByRole('button', { name: 'Read this page' })).toBeEnabled();
    await expect(panel.getByText(/Drafting with/)).toHaveCount(0);
    await panel.getByRole('button', { name: 'Read this page' }).click();
    const faults: Array<[Parameters<typeof server.script>[0][], RegExp]> = [
      [[{ kind: 'status', status: 401 }], /did not accept the API key/],
      [
        [
          { kind: 'status', status: 429 },
          { kind: 'status', status: 429 },
          { kind: 'status', status: 429 },
        ],
        /busy/,
      ],
      [
        [
          { kind: 'status', status: 503 },
          { kind: 'status', status: 503 },
          { kind: 'status', status: 503 },
        ],
        /internal error|try again/i,
      ],
      [
        [{ kind: 'cut', content: JSON.stringify({ synopsis: 'cut short here and there', sections: [] }) }],
        /cut off|connection|stream/i,
      ],
      [
        [
          { kind: 'answer', content: '{"synopsis": "unterminated' },
          { kind: 'answer', content: 'not json at all' },
          { kind: 'answer', content: 'still not json' },
        ],
        /could not be read|not in the expected form|invalid/i,
      ],
    ];
    for (const [replies, message] of faults) {
      server.script(...replies);
      await panel.getByRole('button', { name: 'Summarize' }).click();
      await expect(panel.getByRole('alert').first()).toContainText(message, { timeout: 20_000 });
      await expect(panel.getByRole('region', { name: 'Captured record' })).toBeVisible(); // nothing lost
    }
    server.script({ kind: 'answer', content: JSON.stringify({ synopsis: '[PATIENT] with asthma.', sections: [] }) });
    await panel.getByRole('button', { name: 'Summarize' }).click();
    await expect(panel.getByRole('article', { name: 'Chart summary (model draft)' })).toBeVisible();
    await panel.close();
  } finally {
    await chart.close();
    await restore();
  }
});
