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
    // Not part of the allergy card — and not dropped either: kept as text outside any section.
    expect(record.other.map((o) => [o.heading, o.text])).toEqual([
      ['Text outside any section', 'Flu shots available at all sites this week'],
    ]);
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
    const record = await capture(
      `<h2>Problems</h2><p>Hypertension (active)</p><p>Asthma (active)</p><h2>Medications</h2><p>Lisinopril 10 mg PO daily</p>`,
    );
    expect(record.problems.map((p) => p.name)).toEqual(['Hypertension', 'Asthma']);
    expect(record.medications.map((m) => m.name)).toEqual(['Lisinopril']);
  });

  it('does not read page footers', async () => {
    const record = await capture(
      `<h2>Medications</h2><ul><li>Metformin 500 mg PO BID</li></ul><footer><p>Aspirin 81 mg sponsored content © 2026</p></footer>`,
    );
    expect(record.medications.map((m) => m.name)).toEqual(['Metformin']);
  });
});

describe('problem list groups', () => {
  it('gives the numbered groups under "Active Concerns" and "Resolved Concerns" that status', async () => {
    // As the HL7 stylesheet renders C-CDA concern acts: a status paragraph, then "Problem #n" groups.
    const record = await capture(`
      <div class="section"><div class="section-title"><h3>PROBLEMS</h3></div>
      <div class="section-content"><div class="section-body"><div>
        <p>Active Concerns</p>
        <ul><li>Problem #1<ul><li>Chest pain (onset Apr 14, 2007)</li><li>Angina (onset Apr 17, 2007)</li></ul></li></ul>
        <p>Resolved Concerns</p>
        <ul><li>Problem #2<ul><li>Pneumonia - Left lower lobe (onset Mar 10, 1998)</li></ul></li></ul>
      </div></div></div></div>`);
    expect(record.problems.map((p) => [p.name, p.status])).toEqual([
      ['Chest pain', 'active'],
      ['Angina', 'active'],
      ['Pneumonia', 'resolved'],
    ]);
  });
});

describe('bad pages', () => {
  it('stops a giant page at the element limit, says so, and keeps what it read', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<div><span>Filler ${i}</span><div><b>x</b></div></div>`).join(
      '',
    );
    document.body.innerHTML = `<h2>Allergies</h2><ul><li>Penicillin — hives</li></ul><div>${rows}</div>`;
    const record = await captureRecord(document, { register: () => 'r', maxElements: 1000 });
    expect(record.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    expect(record.capture.skipped.join(' ')).toMatch(/very large: reading stopped after 1,000 elements/);
  });

  it('reads malformed tables without failing: ragged rows, no header, empty cells', async () => {
    const record = await capture(`<h2>Medications</h2><table>
      <tr><td>Metformin 500 mg PO BID</td></tr>
      <tr><td>Lisinopril</td><td>10 mg</td><td>PO</td><td>daily</td><td>extra</td><td>cells</td></tr>
      <tr></tr><tr><td></td><td></td></tr>
      <tr><td colspan="3">Amlodipine 5 mg PO daily</td></tr></table>`);
    expect(record.medications.map((m) => m.name)).toEqual(['Metformin', 'Lisinopril', 'Amlodipine']);
  });

  it('reads binary junk and other scripts as text, never as markup', async () => {
    const record = await capture(
      `<h2>Notes</h2><p>\u0000\u0001\ufffd\ufffd ÿØÿà JFIF</p><p>Nguyễn Thị Lan — 患者 — مريض</p>`,
    );
    expect(record.notes).toHaveLength(1);
    expect(record.notes[0].text).toContain('Nguyễn Thị Lan — 患者 — مريض');
  });

  it("reads blocks whose class-less titles lead a styled title bar as sections; the bar's aside is kept as text", async () => {
    const block = (title: string, aside: string, body: string) =>
      `<div class="blk"><div class="blk__t"><div>${title}</div><span class="sub">${aside}</span></div>` +
      `<div class="blk__b">${body}</div></div>`;
    const record = await capture(
      block('Treatment Plan', 'Plan start 03/17/2025', '<dl><dt>Regimen</dt><dd>FOLFOX q14 days</dd></dl>') +
        block(
          'Day 1 Administration',
          'Access: R chest port',
          '<div class="cat">Premedications</div><div class="row"><div>1</div><div>' +
            '<div>ondansetron 16 mg IV once</div><div>Infuse over 15 min</div></div><div>Given<br>09:14 · MK</div></div>' +
            '<div class="row"><div>2</div><div><div>oxaliplatin 114 mg IV once over 120 min</div>' +
            '<div>65 mg/m² × 1.75 m² = 114 mg</div></div><div>Infusing</div></div>',
        ) +
        block(
          'Treatment Parameters — Pre-Chemo Labs',
          'Collected 06/10/2025 07:41',
          '<table><thead><tr><th>Test</th><th>Result</th><th>Ref range</th></tr></thead>' +
            '<tbody><tr><td>WBC</td><td>3.8 x10³/µL</td><td>4.0–11.0</td></tr>' +
            '<tr><td>Creatinine</td><td>0.78 mg/dL</td><td>0.57–1.00</td></tr></tbody></table>',
        ),
    );
    expect(record.medications.map((m) => m.name)).toEqual(['ondansetron', 'oxaliplatin']);
    expect(record.medications[1].text).toContain('65 mg/m² × 1.75 m² = 114 mg');
    expect(record.labs.map((l) => l.test)).toEqual(['WBC', 'Creatinine']);
    expect(record.other.map((o) => o.text)).toEqual(
      expect.arrayContaining(['Access: R chest port', 'Collected 06/10/2025 07:41']),
    );
  });

  it("reads rows named by vital signs as readings under any heading; a therapy's prescription is no drug list", async () => {
    const record = await capture(
      `<fieldset><legend>Dialysis Prescription (current order)</legend><label>Dialyzer <b>Optiflux F180NR</b></label>` +
        `<label>Blood flow (Qb) <b>400 mL/min</b></label></fieldset>` +
        '<table><tr><td>Parameter</td><td>Pre (06:58)</td><td>Post (11:06)</td><td>Comment</td></tr>' +
        '<tr><td>Weight (standing)</td><td>85.9 kg</td><td>82.8 kg</td><td>Net UF 3.0 L</td></tr>' +
        '<tr><td>BP (sitting)</td><td>162/86 mmHg</td><td>138/74 mmHg</td><td>L arm not used</td></tr>' +
        '<tr><td>Pulse</td><td>78 bpm</td><td>84 bpm</td><td>Regular</td></tr></table>',
    );
    expect(record.medications).toEqual([]);
    expect(record.vitals.map((v) => [v.name, v.value, v.time])).toEqual([
      ['Weight (standing)', '85.9', 'Pre (06:58)'],
      ['Weight (standing)', '82.8', 'Post (11:06)'],
      ['BP (sitting)', '162/86', 'Pre (06:58)'],
      ['BP (sitting)', '138/74', 'Post (11:06)'],
      ['Pulse', '78', 'Pre (06:58)'],
      ['Pulse', '84', 'Post (11:06)'],
    ]);
    expect(record.vitals[0].text).toContain('Comment: Net UF 3.0 L');
  });

  it('finds the patient named over a subtitle of labelled facts', async () => {
    const record = await capture(
      '<div aria-label="Patient header"><div>Oyelaran, Desmond A.<small style="display:block">Preferred: “Des” · ' +
        'Language: English</small></div><div><span>DOB</span> <span>07/19/1958</span></div>' +
        '<div><span>MRN</span> <span>LKD-208817</span></div></div><h2>Problems</h2><ul><li>ESRD</li></ul>',
    );
    expect(record.patient.name).toBe('Oyelaran, Desmond A.');
  });

  it('keeps a questionnaire\'s answers as text, and reads "Allergies & Sensitivities" as the allergy list', async () => {
    const record = await capture(
      '<h2>Medical Conditions</h2><table><thead><tr><th>Condition</th><th>Status</th></tr></thead>' +
        '<tbody><tr><td>Atrial fibrillation</td><td>Active</td></tr><tr><td>Xerostomia</td><td>Active</td></tr>' +
        '<tr><td>Essential hypertension</td><td>Active</td></tr></tbody></table>' +
        '<table><thead><tr><th>Questionnaire item</th><th>Answer</th><th>Details</th></tr></thead>' +
        '<tbody><tr><td>Rheumatic fever</td><td>No</td><td></td></tr>' +
        '<tr><td>Joint replacement</td><td>Yes</td><td>R knee 2021</td></tr></tbody></table>' +
        '<div><div><span>Allergies &amp; Sensitivities</span> <span>⚠ 3 on file</span></div>' +
        '<ul><li>Sulfa — rash</li><li>Latex — hives</li></ul></div>',
    );
    expect(record.problems.map((p) => p.name)).toEqual(['Atrial fibrillation', 'Xerostomia', 'Essential hypertension']);
    expect(record.other.map((o) => o.text).join(' ')).toContain('Rheumatic fever · No');
    expect(record.allergies.map((a) => a.substance)).toEqual(['Sulfa', 'Latex']);
  });

  it("keeps list rows, dated summaries, answered columns, entries beside a title and timed doses as the list's items", async () => {
    const rows = await capture(
      '<div class="card"><div class="row"><div>Allergies</div></div><div class="row"><div>Penicillin</div>' +
        '<div>Hives</div></div><div class="row"><div>Latex</div><div>Rash</div></div></div>',
    );
    expect(rows.allergies.map((a) => a.substance)).toEqual(expect.arrayContaining(['Penicillin', 'Latex']));
    const summaries = await capture(
      '<h2>Problems</h2><details><summary>Type 2 diabetes mellitus (2015) — Active</summary><p>A1c 7.1</p></details>',
    );
    expect(summaries.problems.map((p) => p.name)).toEqual(['Type 2 diabetes mellitus']);
    const answered = await capture(
      '<h2>Medications</h2><table><thead><tr><th>Medication</th><th>Dose</th><th>Response</th></tr></thead>' +
        '<tbody><tr><td>Lisinopril</td><td>10 mg</td><td>Good</td></tr></tbody></table>',
    );
    expect(answered.medications.map((m) => m.name)).toEqual(['Lisinopril']);
    const beside = await capture(
      '<div class="blk"><div class="blk__t"><div>Allergies</div><span>Penicillin (hives)</span></div>' +
        `<div class="blk__b"><ul><li>Sulfa — rash</li><li>Codeine — nausea</li><li>${'Latex — hives. '.repeat(3)}</li>` +
        '</ul></div></div>',
    );
    expect(beside.allergies.map((a) => a.substance)).toContain('Penicillin (hives)');
    const timed = await capture('<h2>Medications</h2><p>Lisinopril 10 mg daily</p><p>21:00 Melatonin 3 mg</p>');
    expect(timed.medications).toHaveLength(2);
  });
});
