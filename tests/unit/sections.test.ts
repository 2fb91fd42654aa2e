/** Where sections end: container scope, contained notes, page footers. */
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';

async function capture(html: string) {
  document.body.innerHTML = html;
  let n = 0;
  return captureRecord(document, { register: () => `r${++n}` });
}

describe('section boundaries', () => {
  it('ends a card section at the end of its card', async () => {
    const record = await capture(`
      <div class="cards"><section class="card"><h3>Allergies</h3><ul><li>Penicillin — hives</li></ul></section></div>
      <div class="promo">Flu shots available at all sites this week</div>`);
    expect(record.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    expect(JSON.stringify(record)).not.toContain('Flu shots');
  });

  it('ends a notes section where its note containers end', async () => {
    const record = await capture(`
      <h2>Progress Notes</h2>
      <article><h4>Visit — 03/02/2025</h4><p>Doing well.</p></article>
      <article><h4>Visit — 04/02/2025</h4><p>BP improved.</p></article>
      <div class="shell"><div class="row"><span>Menu</span><span>Inbox</span></div><div class="row"><span>Menu</span><span>Settings</span></div></div>`);
    expect(record.notes.map((n) => n.text)).toEqual(['Doing well.', 'BP improved.']);
  });

  it('keeps a flat document section running to the next heading', async () => {
    const record = await capture(`<h2>Problems</h2><p>Hypertension (active)</p><p>Asthma (active)</p><h2>Medications</h2><p>Lisinopril 10 mg PO daily</p>`);
    expect(record.problems.map((p) => p.name)).toEqual(['Hypertension', 'Asthma']);
    expect(record.medications.map((m) => m.name)).toEqual(['Lisinopril']);
  });

  it('does not read page footers', async () => {
    const record = await capture(`<h2>Medications</h2><ul><li>Metformin 500 mg PO BID</li></ul><footer><p>Aspirin 81 mg sponsored content © 2026</p></footer>`);
    expect(record.medications.map((m) => m.name)).toEqual(['Metformin']);
  });
});
