/** Absent is not none: each category says which kind of nothing it is, and every consumer follows it. */
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';
import { buildPayload } from '../../utils/deidentify/payload';
import { runOffline } from '../../utils/draft/offline';
import { DEFAULT_TASK_OPTIONS } from '../../utils/draft/schema';
import { draftToText } from '../../utils/handback/plain-text';
import { categoryState } from '../../utils/record/category-state';
import { verifyOutput } from '../../utils/verify/verify';

const banner = '<header><h1>Ordóñez, Maria Elena</h1><p>DOB: 03/14/1957 · MRN: 00482913</p></header>';
const read = async (body: string) => {
  document.body.innerHTML = banner + body;
  return captureRecord(document, { register: () => 'r' });
};

describe('the state of each category', () => {
  it('shown, empty in the page’s words, collapsed, a heading with nothing readable, or not on the page', async () => {
    const shown = await read('<h2>Allergies</h2><ul><li>Penicillin — hives</li></ul>');
    expect(categoryState(shown, 'allergies')).toBe('shown');
    const empty = await read('<h2>Allergies</h2><p>No Known Allergies</p>');
    expect(categoryState(empty, 'allergies')).toBe('empty');
    const placeholder = await read('<h2>Allergies</h2><p>No information about allergies</p>');
    expect(categoryState(placeholder, 'allergies')).toBe('empty');
    expect(placeholder.allergies).toEqual([]);
    const collapsed = await read(
      '<h2>Problems</h2><ul><li>Asthma</li></ul><details><summary>Allergies</summary><ul><li>Penicillin</li></ul></details>',
    );
    expect(categoryState(collapsed, 'allergies')).toBe('collapsed');
    const absent = await read('<h2>Problems</h2><ul><li>Asthma</li></ul>');
    expect(categoryState(absent, 'allergies')).toBe('absent');
  });

  it('the offline drafts and the model payload never call an unread or absent list "none"', async () => {
    const absent = await read('<h2>Problems</h2><ul><li>Type 2 diabetes mellitus</li></ul>');
    const summary = draftToText(runOffline('summary', absent, DEFAULT_TASK_OPTIONS));
    expect(summary).not.toMatch(/no allergies|no known allergies|none listed/i);
    expect(summary).toContain('Allergies: not on this page — check the allergy list.');
    const note = draftToText(runOffline('note', absent, DEFAULT_TASK_OPTIONS));
    expect(note).toContain('Allergies: not on this page — check the allergy list.');
    const payload = buildPayload(absent);
    expect(payload.ok && payload.value.text).toContain(
      'NOT ON THIS PAGE (do not say there are none): medications, allergies, vitals, labs, immunizations',
    );

    const empty = await read(
      '<h2>Problems</h2><ul><li>Type 2 diabetes mellitus</li></ul><h2>Allergies</h2><p>NKDA</p>',
    );
    expect(draftToText(runOffline('summary', empty, DEFAULT_TASK_OPTIONS))).toContain(
      'Allergies: none, as the page states.',
    );
    const emptyPayload = buildPayload(empty);
    expect(emptyPayload.ok && emptyPayload.value.text).toContain('NONE, AS THE PAGE STATES: allergies');
  });

  it('verification flags "no known allergies" unless the page itself said so', async () => {
    const absent = await read('<h2>Problems</h2><ul><li>Asthma</li></ul>');
    const claim = {
      task: 'summary' as const,
      engine: 'model' as const,
      title: 't',
      sections: [{ heading: 'Allergies', statements: [{ text: 'No known allergies.', cites: [] }] }],
    };
    expect(verifyOutput(claim, absent).unsupported.length).toBeGreaterThan(0);
    const empty = await read('<h2>Problems</h2><ul><li>Asthma</li></ul><h2>Allergies</h2><p>No Known Allergies</p>');
    expect(verifyOutput(claim, empty).unsupported).toEqual([]);
  });
});
