/**
 * The page agent's own checks and lifecycle, on a page in happy-dom: refuses writes for another patient, reports
 * changes, tears down.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPageAgent, type PageAgentHost } from '../../utils/capture/agent';
import type { PageEvent } from '../../utils/messaging';
import type { PatientRecord } from '../../utils/record/schema';

const maria = `<header id="banner"><h1>Ordóñez, Maria Elena</h1><p>DOB: 03/14/1957 · MRN: 00482913</p></header>
  <h2>Problems</h2><ul><li>Type 2 diabetes mellitus</li></ul><form><textarea id="reply"></textarea></form>`;
const james = `<header id="banner"><h1>O'Neil, James Patrick</h1><p>DOB: 07/02/1949 · MRN: 00519377</p></header>
  <h2>Problems</h2><ul><li>COPD</li></ul><form><textarea id="reply"></textarea></form>`;

function fakeHost() {
  const events: PageEvent[] = [];
  const location: Array<() => void> = [];
  const invalidated: Array<() => void> = [];
  const host: PageAgentHost = {
    notify: (e) => events.push(e),
    onLocationChange: (l) => location.push(l),
    onInvalidated: (l) => invalidated.push(l),
  };
  return {
    host,
    events,
    changeLocation: () => location.forEach((l) => l()),
    invalidate: () => invalidated.forEach((l) => l()),
  };
}

/** Sends a request the way the background does and returns the agent's answer. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the answer's own shape
function ask(agent: ReturnType<typeof createPageAgent>, message: unknown): Promise<any> {
  return new Promise((resolve) => agent.listener(message, {}, resolve));
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
let agents: Array<ReturnType<typeof createPageAgent>> = [];
afterEach(() => {
  agents.forEach((a) => a.teardown());
  agents = [];
});

describe('the page agent', () => {
  it('writes a draft only into the chart of the patient it was made for', async () => {
    document.body.innerHTML = maria;
    const { host } = fakeHost();
    const agent = createPageAgent(document, host);
    agents.push(agent);
    const read = await ask(agent, { type: 'page:capture', selectionOnly: false });
    const record = read.value as PatientRecord;
    expect(record.source.identity?.documentId).toBe(agent.documentId);

    document.body.innerHTML = james; // a single-page EHR swaps the patient
    const box = document.getElementById('reply') as HTMLTextAreaElement;
    box.focus();
    const refused = await ask(agent, {
      type: 'page:insert',
      text: 'Hello Maria',
      expected: record.source.identity,
      confirmedUnknown: true,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'different-patient',
        message:
          "This page now shows a different patient (O'Neil, James Patrick). Read the page again before inserting.",
      },
    });
    expect(box.value).toBe('');
    const outline = await ask(agent, {
      type: 'page:highlight',
      ref: record.problems[0].ref,
      expected: record.source.identity,
    });
    expect(outline).toMatchObject({ ok: false, error: { code: 'different-patient' } });

    document.body.innerHTML = maria;
    (document.getElementById('reply') as HTMLTextAreaElement).focus();
    const written = await ask(agent, {
      type: 'page:insert',
      text: 'Hello Maria',
      expected: record.source.identity,
      confirmedUnknown: false,
    });
    expect(written).toMatchObject({ ok: true });
    expect((document.getElementById('reply') as HTMLTextAreaElement).value).toBe('Hello Maria');
  });

  it('reports a route change after a read, and a patient swapped into the banner without one', async () => {
    document.body.innerHTML = maria;
    const { host, events, changeLocation } = fakeHost();
    const agent = createPageAgent(document, host);
    agents.push(agent);
    changeLocation();
    expect(events).toEqual([]); // nothing read yet: nothing to be stale
    await ask(agent, { type: 'page:capture', selectionOnly: false });
    changeLocation();
    expect(events).toEqual([{ type: 'page:changed', reason: 'location', documentId: agent.documentId }]);
    document.querySelector('#banner h1')!.textContent = "O'Neil, James Patrick";
    document.querySelector('#banner p')!.textContent = 'DOB: 07/02/1949 · MRN: 00519377';
    await wait(700);
    expect(events.at(-1)).toEqual({ type: 'page:changed', reason: 'patient', documentId: agent.documentId });
  });

  it('stops everything when invalidated: no more events, no focus tracking', async () => {
    document.body.innerHTML = maria;
    const { host, events, changeLocation, invalidate } = fakeHost();
    const agent = createPageAgent(document, host);
    const read = await ask(agent, { type: 'page:capture', selectionOnly: false });
    invalidate();
    changeLocation();
    document.querySelector('#banner h1')!.textContent = 'Someone Else';
    await wait(700);
    expect(events).toEqual([]);
    document.querySelector('#banner h1')!.textContent = 'Ordóñez, Maria Elena';
    const box = document.getElementById('reply') as HTMLTextAreaElement;
    box.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    box.blur();
    const answer = await ask(agent, {
      type: 'page:insert',
      text: 'x',
      expected: read.value.source.identity,
      confirmedUnknown: true,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'no-field' } }); // focus is no longer tracked
  });
});
