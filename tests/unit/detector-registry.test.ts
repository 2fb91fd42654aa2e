import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { identifiedChart } from './identified-chart';
import { buildPayload } from '../../utils/deidentify/payload';
import { DETECTORS, DetectorFailure, runDetectors } from '../../utils/deidentify/detectors/registry';
import { findIdentifiers } from '../../utils/deidentify';
import { DETECTOR_NAMES, type Detector } from '../../utils/deidentify/types';
import { ModelConfigSchema } from '../../utils/draft/backends/openai';
import { runTask } from '../../utils/pipeline/run';

const broken = (name: Detector['name']): Detector => ({
  name,
  finds: 'street addresses and ZIP codes',
  patterns: [],
  detect: () => {
    throw new Error('lexicon failed to load');
  },
});
const withBroken = (name: Detector['name']) => DETECTORS.map((d) => (d.name === name ? broken(name) : d));

function chart() {
  const record = identifiedChart();
  record.problems.push({
    id: 'prob-1',
    text: 'Hypertension; lives at 12 Elm Street, Waltham',
    ref: 'r1',
    name: 'Hypertension',
  });
  return record;
}

describe('the detector registry', () => {
  it('has one detector for each name, each with a test file of its own', () => {
    expect(DETECTORS.map((d) => d.name).sort()).toEqual([...DETECTOR_NAMES].sort());
    const files: Record<string, string> = { ages: 'age', employers: 'employer' };
    for (const name of DETECTOR_NAMES)
      expect(existsSync(`tests/unit/detectors/${files[name] ?? name}.test.ts`), name).toBe(true);
  });

  it('runs each detector once, sharing findings (the known-identifier detector reuses the dates)', () => {
    let runs = 0;
    const counting = DETECTORS.map((d) =>
      d.name === 'dates'
        ? { ...d, detect: (input: Parameters<Detector['detect']>[0]) => (runs++, d.detect(input)) }
        : d,
    );
    runDetectors(
      'Born 02/03/1970',
      'born 02/03/1970',
      { nameParts: [], birthDays: [Date.UTC(1970, 1, 3)], ids: [], phoneDigits: [], emails: [], addressParts: [] },
      counting,
    );
    expect(runs).toBe(1);
  });

  it('fails closed: a detector that throws stops de-identification with its name', () => {
    expect(() => findIdentifiers('12 Elm Street', undefined, { detectors: withBroken('geo') })).toThrow(
      DetectorFailure,
    );
    expect(() => findIdentifiers('12 Elm Street', undefined, { detectors: withBroken('geo') })).toThrow(
      /"geo" failed: lexicon failed to load/,
    );
  });

  it('a failed detector blocks the payload with a message the clinician can act on', () => {
    const payload = buildPayload(chart(), 'safe-harbor', { detectors: withBroken('geo') });
    expect(payload.ok).toBe(false);
    if (payload.ok) return;
    expect(payload.error.code).toBe('deid-detector-failed');
    expect(payload.error.message).toMatch(
      /could not check this chart for street addresses and ZIP codes, so nothing was sent/,
    );
    expect(payload.error.detail).toMatch(/geo/);
  });

  it('a failed detector sends nothing to the model, and the audit says blocked', async () => {
    const requests: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      requests.push(String(input));
      return new Response('{}', { status: 500 });
    }) as typeof fetch;
    const outcome = await runTask(chart(), {
      task: 'summary',
      tokenBudget: 8000,
      datePolicy: 'safe-harbor',
      choices: { detectors: withBroken('names') },
      engine: {
        engine: 'model',
        config: ModelConfigSchema.parse({ kind: 'compatible', baseURL: 'http://127.0.0.1:9/v1', model: 'm' }),
      },
      fetchImpl,
    });
    expect(outcome.ok).toBe(false);
    expect(outcome.audit.outcome).toBe('blocked');
    expect(requests).toEqual([]);
  });
});
