/** The leak guard blocks leaks, not prompts: Chartside's own instructions are not patient data. */
import { describe, expect, it } from 'vitest';
import { findLeaks, knownFromRecord } from '../../utils/deidentify';
import type { KnownIdentifiers } from '../../utils/deidentify/types';

const known: KnownIdentifiers = {
  nameParts: ['Drafting'],
  birthDays: [],
  ids: [{ type: 'MRN', value: 'record-7781' }],
  phoneDigits: [],
  emails: [],
  addressParts: [],
};
const instructions = 'You are Chartside, drafting for a clinician.\nEach record-7781 style id is data.';

describe('leak guard', () => {
  it('does not block a send for words of the fixed instructions', () => {
    const message = `${instructions}\n<record>\nPROBLEMS: asthma\n</record>`;
    expect(findLeaks(message, known)).not.toEqual([]); // without knowing which lines are Chartside's own
    expect(findLeaks(message, known, undefined, { fixedLines: new Set(instructions.split('\n')) })).toEqual([]);
  });

  it('still blocks the value in the record text, and in an instruction line with anything added', () => {
    const fixedLines = new Set(instructions.split('\n'));
    expect(
      findLeaks(`${instructions}\n<record>\nSeen by Drafting\n</record>`, known, undefined, { fixedLines }).map(
        (l) => l.type,
      ),
    ).toEqual(['PATIENT']);
    expect(
      findLeaks(`You are Chartside, drafting for a clinician. MRN record-7781`, known, undefined, { fixedLines })
        .length,
    ).toBeGreaterThan(0);
  });

  it('never takes a word a page shows in place of a name for a name part', () => {
    expect(
      knownFromRecord({ name: 'Patient Unknown Mr Rivera', identifiers: [], phones: [], emails: [] }).nameParts,
    ).toEqual(['Rivera']);
  });
});
