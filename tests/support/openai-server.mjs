// A local OpenAI-compatible server for the tests: /v1/models and /v1/chat/completions (JSON or SSE
// streaming), answers and faults scripted per request, and a log of every request it received.
// Plain Node HTTP; the tests talk to it through the real `openai` SDK.
import http from 'node:http';

/**
 * A scripted reply. kinds:
 *   answer  — the content, streamed as SSE when the request asks for a stream (JSON otherwise)
 *   status  — an HTTP error with an OpenAI-style error body, optional headers (Retry-After…)
 *   cut     — stream the first half of the content, then drop the connection
 *   drop    — answer 200 and begin the stream, then drop the connection before any content
 *   hang    — never answer
 *   stall   — stream the first half of the content, then keep the connection open, sending nothing more
 *   reject-json-schema — a 400 when the request asks for response_format json_schema, else the answer
 * @typedef {{
 *   kind: 'answer' | 'status' | 'cut' | 'drop' | 'hang' | 'stall' | 'reject-json-schema',
 *   content?: string, status?: number, message?: string, headers?: Record<string,string>, delayMs?: number,
 * }} Reply
 */

export async function startOpenAIServer({ models = ['test-model'] } = {}) {
  /** @type {Reply[]} */
  const script = [];
  /**
   * @type {Array<{ method: string, url: string, headers: Record<string, string | string[] | undefined>, body: any }>}
   */
  const requests = [];
  const sockets = new Set();

  const server = http.createServer(async (req, res) => {
    // Gateways that serve browsers answer CORS; the panel is a chrome-extension:// page.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
        'access-control-allow-private-network': 'true',
        'access-control-max-age': '600',
      });
      return res.end();
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });

    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname.endsWith('/models')) {
      return json(res, 200, {
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 0, owned_by: 'test' })),
      });
    }
    if (req.method !== 'POST' || !url.pathname.endsWith('/chat/completions'))
      return json(res, 404, { error: { message: 'not found', type: 'not_found' } });

    const reply = script.shift() ?? { kind: 'answer', content: '{}' };
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    switch (reply.kind) {
      case 'hang':
        return; // the request stays open until the client gives up
      case 'status':
        return json(
          res,
          reply.status ?? 500,
          { error: { message: reply.message ?? 'scripted failure', type: 'scripted', code: null } },
          reply.headers,
        );
      case 'reject-json-schema':
        if (body?.response_format?.type === 'json_schema') {
          return json(res, 400, {
            error: {
              message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
              type: 'invalid_request_error',
              param: 'response_format',
            },
          });
        }
        return answer(res, body, reply.content ?? '{}', false);
      case 'cut':
        return answer(res, body, reply.content ?? '', true);
      case 'drop':
        return answer(res, body, '', true);
      case 'stall':
        return answer(res, body, reply.content ?? '', 'stall');
      default:
        return answer(res, body, reply.content ?? '{}', false);
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    /** Queues replies for the next chat requests, in order. */
    script: (...replies) => script.push(...replies),
    requests,
    reset() {
      script.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve(undefined));
      }),
  };
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function answer(res, request, content, cut) {
  const id = `chatcmpl-${Math.random().toString(36).slice(2, 10)}`;
  const model = request?.model ?? 'test-model';
  if (!request?.stream) {
    return json(res, 200, {
      id,
      object: 'chat.completion',
      created: 0,
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
    });
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const send = (delta, finish) =>
    res.write(
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
    );
  send({ role: 'assistant', content: '' }, null);
  const pieces = content.match(/[\s\S]{1,12}/g) ?? [];
  const upTo = cut ? Math.ceil(pieces.length / 2) : pieces.length;
  for (const piece of pieces.slice(0, upTo)) send({ content: piece }, null);
  if (cut === 'stall') return; // mid-stream, and it stays there until the client goes away
  if (cut) {
    // The connection drops mid-stream: after the first half has reached the client. (Half a second: on a loaded
    // machine the client may not have read the first half 50 ms after it was written, and a reset drops unread data.)
    res.write('', () => setTimeout(() => res.socket?.destroy(), 500));
    return;
  }
  send({}, 'stop');
  res.write('data: [DONE]\n\n');
  res.end();
}
