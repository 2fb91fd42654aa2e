// A local FHIR audit recorder for the tests: takes batch Bundles of `PUT AuditEvent/<id>` at
// POST <base>, stores each event by id (counting repeats), answers a batch-response; can be told to
// refuse (HTTP 500) or be stopped and started again on the same port (down for a while). Answers
// CORS like a server meant for browsers: the extension's worker calls it from chrome-extension://.
import http from 'node:http';

export async function startAuditServer() {
  /** @type {Map<string, number>} how many times each event id was stored */
  const stored = new Map();
  /** @type {any[]} every event stored, as received */
  const events = [];
  /** @type {Array<{ method: string, status: number, ids: string[] }>} */
  const requests = [];
  let mode = 'accept';
  const sockets = new Set();
  let port = 0;

  const server = http.createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      });
      return res.end();
    }
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const bundle = JSON.parse(body || '{}');
      const ids = (bundle.entry ?? []).map((e) => e.resource?.id);
      if (mode === 'refuse') {
        requests.push({ method: req.method, status: 500, ids });
        res.writeHead(500, { 'content-type': 'application/fhir+json' });
        const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] };
        return res.end(JSON.stringify(outcome));
      }
      for (const entry of bundle.entry ?? []) {
        const id = entry.resource.id;
        stored.set(id, (stored.get(id) ?? 0) + 1);
        events.push(entry.resource);
      }
      requests.push({ method: req.method, status: 200, ids });
      res.writeHead(200, { 'content-type': 'application/fhir+json' });
      const entry = ids.map(() => ({ response: { status: '201 Created' } }));
      res.end(JSON.stringify({ resourceType: 'Bundle', type: 'batch-response', entry }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listen = () => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  await listen();
  port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  const stop = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve(undefined));
    });
  return {
    url: `http://127.0.0.1:${port}/fhir`,
    stored,
    events,
    requests,
    /** @param {'accept' | 'refuse'} next */
    setMode: (next) => void (mode = next),
    /** Down: nothing listens on the port until `start`. */
    stop,
    start: listen,
    close: stop,
  };
}
