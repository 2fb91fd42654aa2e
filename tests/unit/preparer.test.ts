import { describe, expect, it } from 'vitest';
import { identifiedChart } from './identified-chart';
import { PreparedStateSchema } from '../../utils/messaging';
import { prepareSend } from '../../utils/pipeline/prepare';
import { preparedFromState, preparedToState } from '../../utils/pipeline/prepared-state';
import { createPreparer } from '../../utils/pipeline/preparer';

function chart() {
  const record = identifiedChart();
  record.notes.push({
    id: 'note-1',
    text: 'Seen with his wife Anjali Desai on 05/02/2025 at Waltham clinic.',
    ref: 'r1',
  });
  return record;
}
const settings = { task: 'summary' as const, tokenBudget: 8000, datePolicy: 'safe-harbor' as const };

describe('preparing a send off the main thread', () => {
  it('crosses the worker boundary as plain data that the protocol schema accepts, and comes back whole', () => {
    const prepared = prepareSend(chart(), settings);
    if (!prepared.ok) throw new Error(prepared.error.message);
    const state = JSON.parse(JSON.stringify(preparedToState(prepared.value))); // what structured clone keeps, and less
    expect(PreparedStateSchema.safeParse(state).success).toBe(true);
    const back = preparedFromState(PreparedStateSchema.parse(state));
    expect(back.payload.text).toBe(prepared.value.payload.text);
    expect([...back.payload.book.originals]).toEqual([...prepared.value.payload.book.originals]);
    // The rebuilt book gives the placeholders already used: accepted next steps are de-identified consistently.
    expect(back.payload.book.placeholderFor({ start: 0, end: 5, type: 'PATIENT' }, 'Ravi Desai')).toBe('[PATIENT]');
  });

  it('fails closed when the worker dies: every waiting preparation gets an error, never a payload', async () => {
    type FakeWorker = {
      onmessage: unknown;
      onerror: ((event: { message: string }) => void) | null;
      postMessage: () => void;
      terminate: () => void;
    };
    const fake: FakeWorker = {
      onmessage: null,
      onerror: null,
      postMessage: () => queueMicrotask(() => fake.onerror?.({ message: 'out of memory' })),
      terminate: () => {},
    };
    const preparer = createPreparer(() => fake as unknown as Worker);
    const result = await preparer.prepare(chart(), settings);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/nothing was sent/);
  });

  it('prepares in this thread where there are no workers, with the same result', async () => {
    const inThread = await createPreparer(undefined).prepare(chart(), settings);
    const direct = prepareSend(chart(), settings);
    expect(inThread.ok && direct.ok && inThread.value.payload.text === direct.value.payload.text).toBe(true);
  });
});
