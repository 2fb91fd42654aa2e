// The demo EHR portal: a small Node HTTP server, no dependencies. Used by `npm run portal`,
// `npm start` and the e2e tests.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { esc, page } from './html.mjs';
import { findPatient, fullName, patients } from './patients.mjs';
import { renderDashboard } from './layouts/dashboard.mjs';
import { renderDocument } from './layouts/document.mjs';
import { renderAppGrid } from './layouts/appgrid.mjs';
import { renderLabsFrame, renderTabbed } from './layouts/tabbed.mjs';
import { renderMessages } from './layouts/messages.mjs';
import { renderNote } from './layouts/note.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const layouts = {
  dashboard: renderDashboard,
  document: renderDocument,
  appgrid: renderAppGrid,
  tabbed: renderTabbed,
  messages: renderMessages,
  note: renderNote,
};
const staticTypes = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

function indexPage() {
  const rows = patients
    .map(
      (p) =>
        `<li><span class="who">${esc(fullName(p))}</span> · MRN ${esc(p.mrn)} · ${Object.keys(layouts)
          .map((l) => `<a href="/patient/${p.id}/${l}">${l}</a>`)
          .join(' · ')}</li>`,
    )
    .join('');
  return page({ title: 'Patients', body: `<h1>Patients</h1><ul class="patients">${rows}</ul>` });
}

export function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const send = (status, type, body) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', indexPage());
  const frame = url.pathname.match(/^\/patient\/([\w-]+)\/frame\/labs$/);
  if (frame && findPatient(frame[1]))
    return send(200, 'text/html; charset=utf-8', renderLabsFrame(findPatient(frame[1])));
  const match = url.pathname.match(/^\/patient\/([\w-]+)(?:\/(\w+))?\/?$/);
  if (match) {
    const patient = findPatient(match[1]);
    const render = layouts[match[2] ?? 'dashboard'];
    if (patient && render) return send(200, 'text/html; charset=utf-8', render(patient));
    return send(
      404,
      'text/html; charset=utf-8',
      page({ title: 'Not found', body: '<h1>No such patient or view</h1>' }),
    );
  }
  const file = url.pathname.match(/^\/(static|pages)\/([\w.-]+)$/);
  if (file) {
    const ext = file[2].slice(file[2].lastIndexOf('.'));
    const dir = file[1] === 'static' ? join(here, 'static') : join(here, '..', '..', 'tests', 'fixtures', 'pages');
    return readFile(join(dir, file[2])).then(
      (body) => send(200, staticTypes[ext] ?? 'application/octet-stream', body),
      () => send(404, 'text/plain', 'not found'),
    );
  }
  return send(404, 'text/plain; charset=utf-8', 'not found');
}

/** Starts the portal; port 0 picks a free one. Resolves with its base URL and a close function. */
export function startPortal({ port = 4173, host = '127.0.0.1' } = {}) {
  return new Promise((resolve, reject) => {
    const server = http.createServer(handle);
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        // Browsers keep connections alive; close them, or close() waits for their timeout.
        close: () =>
          new Promise((done) => {
            server.close(() => done(undefined));
            server.closeAllConnections();
          }),
      });
    });
  });
}
