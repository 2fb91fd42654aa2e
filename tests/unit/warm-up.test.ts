/**
 * The page agent readies the reader on a made-up chart while the clinician looks at the panel: the sample must still
 * reach every part of the reader, leave the page alone, and give way to a read the clinician asked for.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPageAgent, type PageAgentHost } from '../../utils/capture/agent';
import * as warmUp from '../../utils/capture/warm-up';
import { ITEM_CATEGORIES } from '../../utils/record/schema';

vi.mock('../../utils/capture/warm-up', async (original) => {
  const actual = await original<typeof import('../../utils/capture/warm-up')>();
  return { warmUpReader: vi.fn(actual.warmUpReader) };
});

function hostWithIdle() {
  const idle: Array<() => void> = [];
  const host: PageAgentHost = {
    notify: () => undefined,
    onLocationChange: () => undefined,
    onInvalidated: () => undefined,
    whenIdle: (task) => idle.push(task),
  };
  return { host, runIdle: () => idle.splice(0).forEach((task) => task()) };
}

const ask = (agent: ReturnType<typeof createPageAgent>, message: unknown) =>
  new Promise((resolve) => agent.listener(message, {}, resolve));

afterEach(() => vi.mocked(warmUp.warmUpReader).mockClear());

describe('warming up the reader', () => {
  it('reads the sample chart into every category, with the patient identified', async () => {
    const record = await warmUp.warmUpReader();
    expect(record.capture.patientIdentified).toBe(true);
    const empty = ITEM_CATEGORIES.filter(
      (category) => category !== 'procedures' && (record[category] as unknown[]).length === 0,
    );
    expect(empty).toEqual([]);
    expect(record.labs.map((lab) => [lab.test, lab.value])).toEqual([
      ['Sodium', '140'],
      ['Potassium', '5.9'],
    ]);
  });

  it('reads only its own chart, never the page, and leaves the page as it was', async () => {
    document.body.innerHTML =
      '<header><h1>Quenneville, Odalys</h1><b>MRN:</b> 77123409</header>' +
      '<h2>Problems</h2><ul><li>Sarcoidosis</li></ul><h2>Medications</h2><ul><li>Hydroxychloroquine 200 mg</li></ul>';
    const before = document.documentElement.outerHTML;
    const record = await warmUp.warmUpReader();
    expect(record.patient.name).toBe('Rivera, Ana');
    const read = JSON.stringify(record);
    for (const pageText of ['Quenneville', 'Odalys', '77123409', 'Sarcoidosis', 'Hydroxychloroquine']) {
      expect(read).not.toContain(pageText);
    }
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('runs when the page is idle, unless a read was asked for first', async () => {
    document.body.innerHTML = '<h1>Patient, Test</h1><h2>Problems</h2><ul><li>Asthma</li></ul>';
    const idle = hostWithIdle();
    const agent = createPageAgent(document, idle.host);
    idle.runIdle();
    expect(warmUp.warmUpReader).toHaveBeenCalledTimes(1);
    agent.teardown();

    const asked = hostWithIdle();
    const busy = createPageAgent(document, asked.host);
    await ask(busy, { type: 'page:capture', selectionOnly: false });
    asked.runIdle();
    expect(warmUp.warmUpReader).toHaveBeenCalledTimes(1);
    busy.teardown();
  });
});
