#!/usr/bin/env node
// `npm start`: builds the extension, starts the demo portal and opens Chromium with Chartside on a
// demo patient. With no display (or with --headless) it runs the same flow headless — read the
// page, summarise offline — prints the summary and the path of a screenshot, and exits.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { clickToolbarButton, launchWithExtension, openPanel } from './lib/browser.mjs';
import { ensureBuilt } from './lib/build.mjs';
import { startPortal } from './portal/server.mjs';

const headless = process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const port = Number(process.env.PORT ?? 4173);

console.log('Building the extension…');
ensureBuilt({ quiet: false });
const portal = await startPortal({ port }).catch(() => startPortal({ port: 0 }));
const chartUrl = `${portal.url}/patient/p1001/dashboard`;
console.log(`Demo EHR portal: ${portal.url}/`);

const ext = await launchWithExtension({ headless });
const chart = await ext.context.newPage();
await chart.goto(chartUrl);

if (!headless) {
  console.log(
    'Chromium is open on a demo chart. Click the Chartside button in the toolbar (puzzle-piece menu → pin it),',
  );
  console.log('then "Read this page" and "Summarize". Close the browser window to stop.');
  ext.context.on('close', () => void portal.close().then(() => process.exit(0)));
  process.on(
    'SIGINT',
    () =>
      void ext
        .close()
        .then(() => portal.close())
        .then(() => process.exit(0)),
  );
} else {
  try {
    await clickToolbarButton(ext, chart);
    const panel = await openPanel(ext, chart);
    await panel.getByRole('button', { name: 'Read this page' }).click();
    await panel.getByRole('region', { name: 'Captured record' }).waitFor();
    await panel.getByRole('button', { name: 'Summarize' }).click();
    const draft = panel.getByRole('article', { name: /Chart summary/ });
    await draft.waitFor();
    const text = await draft.evaluate((article) => {
      const lines = [article.querySelector('h2')?.textContent ?? ''];
      for (const section of article.querySelectorAll('section')) {
        lines.push('', (section.querySelector('h3')?.textContent ?? '').toUpperCase());
        for (const li of section.querySelectorAll('li')) {
          const cites = [...li.querySelectorAll('.chip')].map((chip) => chip.textContent).join(', ');
          lines.push(`- ${li.querySelector('span')?.textContent ?? ''}${cites ? `  [${cites}]` : ''}`);
        }
      }
      return lines.join('\n');
    });
    console.log(`\n${text}\n`);

    mkdirSync('artifacts', { recursive: true });
    const chartShot = await chart.screenshot();
    const panelShot = await panel.screenshot({ fullPage: false });
    const composite = await ext.context.newPage();
    await composite.setViewportSize({ width: 1280 + 420, height: 900 });
    const img = (buf) => `data:image/png;base64,${buf.toString('base64')}`;
    await composite.setContent(
      `<body style="margin:0;display:flex;background:#888"><img src="${img(chartShot)}" width="1280" height="900"><img src="${img(panelShot)}" width="420" height="900" style="border-left:1px solid #444"></body>`,
    );
    const path = resolve('artifacts/chartside-demo.png');
    await composite.screenshot({ path });
    console.log(`Screenshot of the panel beside the portal: ${path}`);
  } catch (error) {
    console.error(`The headless demo failed: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  } finally {
    await ext.close();
    await portal.close();
  }
}
