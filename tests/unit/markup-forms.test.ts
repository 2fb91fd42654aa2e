/**
 * Forms of markup met on pages in styles the first fixtures lacked (tests/fixtures/fresh/dev): each in a few lines,
 * read in happy-dom.
 */
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';

const read = async (html: string) => {
  document.body.innerHTML = html;
  return captureRecord(document, { register: () => 'r' });
};

describe('markup forms', () => {
  it('a heading whose title is its disclosure button opens its section', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p>
      <section><h2><button aria-expanded="true">Problem List <span>Reviewed: 6/9/2025</span></button></h2>
      <ul><li>Type 2 diabetes mellitus</li></ul></section>
      <section><h2><button aria-expanded="true">Current Outpatient Medications</button></h2>
      <ul><li>Metformin 500 mg tablet twice daily</li></ul></section>`);
    expect(record.problems.map((p) => p.name)).toEqual(['Type 2 diabetes mellitus']);
    expect(record.medications.map((m) => m.name)).toEqual(['Metformin']);
  });

  it('a label with a qualifier in brackets is that field; a number in brackets is part of the value', async () => {
    const record = await read(`<dl><dt>name (official)</dt><dd>Leopold Varga</dd><dt>birthDate</dt><dd>1979-11-03</dd>
      <dt>Phone</dt><dd>(360) 555-0142</dd></dl><h2>Problems</h2><ul><li>Asthma</li></ul>`);
    expect(record.patient).toMatchObject({ name: 'Leopold Varga', birthDate: '1979-11-03' });
    expect(record.patient.phones).toEqual(['(360) 555-0142']);
  });

  it('an age and sex on a line of their own', async () => {
    const record = await read(`<aside><div>Marguerite Thistlewood</div><div>67 y.o. F</div>
      <div><b>DOB:</b> 2/19/1958</div></aside><h2>Problems</h2><ul><li>Asthma</li></ul>`);
    expect(record.patient).toMatchObject({ age: '67', sex: 'female' });
  });

  it('a medication sub-heading gives the status of the medications under it, and is no medication', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Medications</h2>
      <table><tbody><tr><td>Lisinopril 20 mg tablet daily</td></tr></tbody></table>
      <div>Discontinued This Encounter</div>
      <table><tbody><tr><td>Meloxicam 7.5 mg tablet daily</td></tr></tbody></table>`);
    expect(record.medications.map((m) => [m.name, m.status])).toEqual([
      ['Lisinopril', undefined],
      ['Meloxicam', 'discontinued'],
    ]);
  });

  it('a status word alone is the badge of the medication before it, not a sub-heading', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Medications</h2>
      <div><div><span>Naproxen 220 MG Oral Tablet</span><span>stopped</span></div>
      <div><span>Acetaminophen 325 MG Oral Tablet</span><span>active</span></div></div>`);
    expect(record.medications.map((m) => m.status)).toEqual(['stopped', 'active']);
  });

  it('a flowsheet with code and unit columns beside its dates: one value per date, with the unit', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Vital signs</h2><table>
      <thead><tr><th>Observation</th><th>LOINC</th><th>Unit</th><th>2024-11-18</th><th>2025-02-20</th><th>Trend</th></tr></thead>
      <tbody><tr><td>Heart rate</td><td>8867-4</td><td>/min</td><td>76</td><td>82</td><td>▄▇</td></tr></tbody></table>`);
    expect(record.vitals.map((v) => [v.name, v.value, v.unit, v.time])).toEqual([
      ['Heart rate', '76', '/min', '2024-11-18'],
      ['Heart rate', '82', '/min', '2025-02-20'],
    ]);
  });
  it('lines a <br> parts in a list section are its entries', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><fieldset><legend>Medical Problems</legend>
      <div>Persistent atrial fibrillation (ICD10:I48.19) 2019-08-14<br>Chronic kidney disease, stage 3a<br></div></fieldset>`);
    expect(record.problems.map((p) => p.text)).toEqual([
      'Persistent atrial fibrillation (ICD10:I48.19) 2019-08-14',
      'Chronic kidney disease, stage 3a',
    ]);
  });

  it("a medication's other name and directions on lines of their own belong to it", async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Your Medication List</h2>
      <div class="med"><div>gabapentin 100 MG capsule</div><div>Commonly known as: NEURONTIN</div>
      <div>Take 1 capsule (100 mg total) by mouth at bedtime.</div></div>
      <div class="med"><div>lisinopril 10 MG tablet</div><div>What changed: how much to take</div></div>`);
    expect(record.medications.map((m) => m.name)).toEqual(['gabapentin', 'lisinopril']);
    expect(record.medications[0].text).toMatch(/NEURONTIN · Take 1 capsule/);
  });

  it('a deeper heading that names no section groups the entries of the list above it', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Immunizations</h2>
      <h3>Given today</h3><ul><li>Tdap (BOOSTRIX)</li></ul><h3>Given before</h3><ul><li>Influenza vaccine</li></ul>`);
    expect(record.immunizations.map((i) => i.name)).toEqual(['Tdap (BOOSTRIX)', 'Influenza vaccine']);
  });
  it('a title bar with the list filters beside the title opens its section, and an order table is read by its columns', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p>
      <div><span>Medication List</span><span>Inpatient | Display: All Active Orders + Discontinued (last 24 hrs)</span></div>
      <table><thead><tr><th>Order Name</th><th>Status</th><th>Dose</th><th>Route</th><th>Frequency</th></tr></thead>
      <tbody><tr><td colspan="5">Scheduled</td></tr><tr><td>metoprolol tartrate</td><td>Ordered</td><td>25 mg</td><td>PO</td><td>BID</td></tr>
      <tr><td colspan="5">PRN</td></tr><tr><td>acetaminophen</td><td>Ordered</td><td>650 mg</td><td>PO</td><td>q6h PRN</td></tr></tbody></table>
      <div><span>Problems and Diagnoses</span><span>Display: All | Classification: Medical</span></div>
      <table><thead><tr><th>Name of Problem</th><th>Code</th></tr></thead><tbody><tr><td>Hyponatremia</td><td>E87.1</td></tr></tbody></table>`);
    expect(record.medications.map((m) => [m.name, m.dose])).toEqual([
      ['metoprolol tartrate', '25 mg'],
      ['acetaminophen', '650 mg'],
    ]);
    expect(record.problems.map((p) => p.name)).toEqual(['Hyponatremia']);
  });

  it('the name heading a patient card, and "LAST,FIRST" alone on a banner line beside a birth date', async () => {
    const card = await read(`<section aria-label="Patient"><h1>Wilma Okoro-Lind <span>(she/her)</span></h1>
      <div>Born March 2, 1950</div><dl><dt>Chart #</dt><dd>5530-0917</dd><dt>Visit #</dt><dd>V2046</dd></dl></section>
      <h2>Problems</h2><ul><li>Asthma</li></ul>`);
    expect(card.patient.name).toBe('Wilma Okoro-Lind');
    expect(card.patient.identifiers).toEqual([
      { type: 'MRN', value: '5530-0917' },
      { type: 'Account', value: 'V2046' },
    ]);
    const strip = await read(
      `<div>KOSTELNIK,WALTER J</div><div>DOB: 03/22/1951</div><h2>Problems</h2><ul><li>Gout</li></ul>`,
    );
    expect(strip.patient).toMatchObject({ name: 'KOSTELNIK,WALTER J', birthDate: '03/22/1951' });
  });

  it('a banner\'s "Allergies:" label then one part an allergy: every part up to the next label is one', async () => {
    const record =
      await read(`<div><span>ROE, ANN</span> <span><b>DOB:</b> 01/02/1950</span> <span><b>MRN:</b> 4471</span></div>
      <div><b>Allergies:</b> <span>Penicillin</span> <span>Iodinated contrast</span> <span>Latex</span> <b>Code:</b> Full</div>
      <h2>Problems</h2><ul><li>Asthma</li></ul>`);
    expect(record.allergies.map((a) => a.substance)).toEqual(['Penicillin', 'Iodinated contrast', 'Latex']);
  });

  it('an unlabelled social security number beside the name, and an ICN, are identifiers', async () => {
    const record = await read(`<div><b>KOSTELNIK,WALTER J</b></div><div>999-48-3106&nbsp;&nbsp; Mar 22,1951 (74)</div>
      <div>DOB: 03/22/1951 ICN: 1013329487V552318</div><h2>Problems</h2><ul><li>Gout</li></ul>`);
    expect(record.patient.identifiers).toEqual(
      expect.arrayContaining([
        { type: 'SSN', value: '999-48-3106' },
        expect.objectContaining({ value: '1013329487V552318' }),
      ]),
    );
  });

  it('problems set on one line between middle dots are one each; a lone status word over the list groups it', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Diagnoses</h2><div>Active</div>
      <p>Hypothyroidism · Migraine without aura · Polycystic ovary syndrome</p>`);
    expect(record.problems.map((p) => [p.name, p.status])).toEqual([
      ['Hypothyroidism', 'active'],
      ['Migraine without aura', 'active'],
      ['Polycystic ovary syndrome', 'active'],
    ]);
  });

  it('a title with its subtitle in <small> that names another list opens it, inside the same card', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><section><h3>Allergies</h3><ul><li>Penicillin</li></ul>
      <div><b>Vitals &amp; Monitoring</b> <small>in-office 05/20/2025</small></div><p>Pulse 82 bpm</p>
      <div><b>Immunizations</b></div><p>Not tracked in this practice — see PCP record.</p></section>`);
    expect(record.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    expect(record.vitals.map((v) => v.value)).toEqual(['82']);
    expect(record.immunizations).toEqual([]);
  });

  it("a form's rows: a label then its answer, only the ticked choices; an item code kept as text", async () => {
    const record = await read(`<div><span>M0066</span><label>Birth Date</label><span>02/19/1941</span></div>
      <div><label>Gender</label><span><span>◉ 1 - Male</span><span>○ 2 - Female</span></span></div>
      <div><label>Medicare Number</label><span>7QK2-WT9-MM41</span></div>
      <div><label>Medicare</label><span>Part B</span></div>
      <fieldset><legend>Vital Signs</legend>
      <div><label>Temperature</label><span>97.9 °F <span>☒ Oral</span><span>☐ Temporal</span></span></div>
      <div><label>Pulse</label><span>88 <span>◉ Apical</span><span>○ Radial</span></span></div></fieldset>
      <fieldset><legend>Medication Profile</legend>
      <div><label>Allergies</label><span><span>☐ NKA</span><span>☒ Sulfa — rash</span><span>☒ Codeine — nausea</span></span></div>
      </fieldset>`);
    expect(record.patient).toMatchObject({ birthDate: '02/19/1941', sex: 'male' });
    expect(record.patient.identifiers).toEqual([{ type: 'Insurance', value: '7QK2-WT9-MM41' }]);
    expect(record.vitals.map((v) => [v.name, v.value, v.unit])).toEqual([
      ['Temperature', '97.9', '°F'],
      ['Pulse', '88', undefined],
    ]);
    expect(record.allergies.map((a) => [a.substance, a.reaction])).toEqual([
      ['Sulfa', 'rash'],
      ['Codeine', 'nausea'],
    ]);
    expect(record.other.map((o) => o.text)).toContain('M0066');
  });

  it("a menu's words and a work queue's name are no patient name or identifier", async () => {
    const record = await read(`<div><span>File</span> <span>Edit</span> <span>Patient</span> <span>Rx</span>
      <span>Help</span></div><div>Insurance Reject <span>3</span></div>
      <div><span>THORNQUIST, EVERETT L</span> <span>DOB: 11/04/1947</span> <span>Pt #: 2041887</span>
      <span>Driver lic.: T652-4418-9907-03</span></div><h2>Problems</h2><ul><li>Gout</li></ul>`);
    expect(record.patient.name).toBe('THORNQUIST, EVERETT L');
    expect(record.patient.identifiers).toEqual([
      { type: 'MRN', value: '2041887' },
      { type: 'License', value: 'T652-4418-9907-03' },
    ]);
  });

  it("a table with a drug's column and its directions is a medication list under any heading", async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Rx Profile</h2>
      <table><thead><tr><th>Rx #</th><th>Drug / NDC</th><th>Qty</th><th>Sig</th></tr></thead>
      <tbody><tr><td>6041128</td><td>WARFARIN SODIUM 5 MG TABLET</td><td>40</td><td>TAKE 1 TABLET DAILY</td></tr>
      <tr><td>6039948</td><td>ATORVASTATIN 40 MG TABLET</td><td>90</td><td>TAKE 1 TABLET AT BEDTIME</td></tr></tbody></table>`);
    expect(record.medications.map((m) => m.text.split(' · ')[1])).toEqual([
      'WARFARIN SODIUM 5 MG TABLET',
      'ATORVASTATIN 40 MG TABLET',
    ]);
    expect(record.medications[0]).toMatchObject({ frequency: 'TAKE 1 TABLET DAILY' });
  });

  it('separators between bold values and a count beside a label are no part of the banner', async () => {
    const record = await read(`<div>Salgado-Voss, Imelda R</div>
      <div><b>61 y</b> · <b>Female</b> · DOB <b>09/02/1963</b> · MRN <b>E00739215</b></div>
      <div><span>ALLERGIES (3)</span> <span>Lisinopril</span> <span>Adhesive tape</span></div>
      <div><span>Phone (503)</span> <span>555-0187</span></div>
      <h2>Problems</h2><ul><li>Asthma</li></ul>`);
    expect(record.patient).toMatchObject({ birthDate: '09/02/1963', sex: 'Female', age: '61' });
    expect(record.patient.identifiers).toEqual([{ type: 'MRN', value: 'E00739215' }]);
    expect(record.allergies.map((a) => a.substance)).toEqual(['Lisinopril', 'Adhesive tape']);
  });

  it("a list in one sentence, a history checklist's ticked boxes and a remark under a list", async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Medical History</h2>
      <div>Has the patient ever had any of the following?</div>
      <div><label><input type="checkbox" disabled> Asthma / COPD</label>
      <label><input type="checkbox" disabled checked> Diabetes</label></div>
      <h2>Systemic Medications</h2>
      <div>Metformin 1000 mg PO BID; insulin glargine (Lantus) 28 units subQ nightly; aspirin 81 mg PO daily.</div>
      <div>Pt brought med list from PCP. No anticoagulants.</div>`);
    expect(record.problems.map((p) => p.name)).toEqual(['Diabetes']);
    expect(record.medications.map((m) => [m.name, m.dose])).toEqual([
      ['Metformin', '1000 mg'],
      ['insulin glargine', '28 units'],
      ['aspirin', '81 mg'],
    ]);
    expect(record.other.map((o) => o.text)).toEqual(
      expect.arrayContaining(['☐ Asthma / COPD', 'Pt brought med list from PCP. No anticoagulants.']),
    );
  });

  it('a history question answered "No" by its boxes is kept as text, not a problem', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Medical History</h2>
      <div>Hypertension <label><input type="checkbox" disabled checked> Yes</label>
        <label><input type="checkbox" disabled> No</label></div>
      <div>Stroke <label><input type="checkbox" disabled> Yes</label>
        <label><input type="checkbox" disabled checked> No</label></div>
      <div>Seizures <label><input type="checkbox" disabled> Yes</label>
        <label><input type="checkbox" disabled> No</label></div>`);
    expect(record.problems.map((p) => p.name)).toEqual(['Hypertension']);
    expect(record.other.map((o) => o.text)).toEqual(['Stroke ☐ Yes ☒ No', 'Seizures ☐ Yes ☐ No']);
  });

  it('an item that names a list, an entry of two sentences and a filter box stay what they are', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Problems</h2>
      <div>Asthma</div><div>Seasonal allergies</div><div>Hyperlipidemia</div>
      <h2>Allergies</h2><div>Penicillin. Hives.</div>
      <h2>Medications</h2><div><label><input type="checkbox" disabled checked> Show discontinued</label></div>
      <div>Lisinopril 10 mg daily</div>`);
    expect(record.problems.map((p) => p.name)).toEqual(['Asthma', 'Seasonal allergies', 'Hyperlipidemia']);
    expect(record.allergies.map((a) => a.text)).toEqual(['Penicillin. Hives.']);
    expect(record.medications.map((m) => m.name)).toEqual(['Lisinopril']);
  });

  it('a title on a band of colour opens its section; a label names a resident; a bracketed code is no part of a name', async () => {
    const record = await read(`<div>CareHarbor LTC</div><div>MARCHBANKS, OTTOLINE R (W40218)</div>
      <div><span>Room: 214-B</span> <span>DOB: 08/14/1936</span></div>
      <div><div>resident #</div><div>W40218</div></div>
      <div><div>Admission date 03/18/2025</div></div>
      <div style="background: #3a5f84; color: #fff">medical diagnosis</div>
      <table><thead><tr><th>Code</th><th>Description</th></tr></thead>
      <tbody><tr><td>I10</td><td>Essential (primary) hypertension</td></tr></tbody></table>`);
    expect(record.patient.name).toBe('MARCHBANKS, OTTOLINE R');
    expect(record.patient.identifiers).toContainEqual({ type: 'MRN', value: 'W40218' });
    expect(record.problems.map((p) => p.name)).toEqual(['Essential (primary) hypertension']);
  });

  it('a long text on a band of colour under a title line is no heading: only a short title is one by its band', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p>
      <pre style="background: #fafafa">PROGRESS NOTE — 11/18/2026

Mrs. Lee returns for follow-up. BP above goal at 148/86.</pre>`);
    expect(record.capture.sections.map((section) => section.heading)).toEqual([]);
    expect(record.other.map((o) => o.text)).toEqual([
      'PROGRESS NOTE — 11/18/2026 Mrs. Lee returns for follow-up. BP above goal at 148/86.',
    ]);
  });

  it('badges of where an entry came from, a row under a spanning cell and a legend are parts of the list, not entries', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Problems</h2>
      <div><div><span>Essential hypertension</span> <span>I10</span>
        <div><span>Active</span> <span>Reported by 3 sources</span></div></div>
        <div>Also from: Saint Anselm Medical Center, 02/03/2025</div></div>
      <h2>Medication Administration Record</h2>
      <table><thead><tr><th>Order</th><th>Hour</th><th>1</th><th>2</th></tr></thead><tbody>
      <tr><td rowspan="2">Apixaban Tablet 2.5 MG</td><td>0800</td><td>RL</td><td>AB</td></tr>
      <tr><td>2000</td><td>RL</td><td>AB</td></tr>
      <tr><td>Sertraline Tablet 50 MG</td><td>0900</td><td>RL</td><td>RL</td></tr></tbody></table>
      <div>RL = Ramon Lugo, RN</div><div>AB = Ayesha Bright, LPN</div>`);
    expect(record.problems.map((p) => [p.name, p.status])).toEqual([['Essential hypertension I10', 'active']]);
    expect(record.medications.map((m) => m.name)).toEqual(['Apixaban Tablet', 'Sertraline Tablet']);
    expect(record.medications[0].text).toContain('2000');
    expect(record.other.map((o) => o.text)).toEqual(
      expect.arrayContaining([
        'Also from: Saint Anselm Medical Center, 02/03/2025',
        'RL = Ramon Lugo, RN',
        'AB = Ayesha Bright, LPN',
      ]),
    );
  });

  it("a date spanning its results is each row's own, a hidden row ends no span early, a problem's abbreviation stays", async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Lab Results</h2>
      <table><thead><tr><th>Date</th><th>Test</th><th>Result</th></tr></thead><tbody>
      <tr><td rowspan="2">06/10/2025</td><td>Sodium</td><td>140 mmol/L</td></tr>
      <tr><td>Potassium</td><td>4.1 mmol/L</td></tr></tbody></table>
      <h2>Medication Administration Record</h2>
      <table><thead><tr><th>Order</th><th>Hour</th><th>1</th></tr></thead><tbody>
      <tr><td rowspan="3">Apixaban Tablet 2.5 MG</td><td>0800</td><td>RL</td></tr>
      <tr style="display: none"><td>1400</td><td>RL</td></tr>
      <tr><td>2000</td><td>RL</td></tr>
      <tr><td>Sertraline Tablet 50 MG</td><td>0900</td><td>RL</td></tr></tbody></table>
      <h2>Problems</h2><ul><li>CKD = stage 3</li></ul>`);
    expect(record.labs.map((l) => [l.test, l.value])).toEqual([
      ['Sodium', '140'],
      ['Potassium', '4.1'],
    ]);
    expect(record.medications.map((m) => m.name)).toEqual(['Apixaban Tablet', 'Sertraline Tablet']);
    expect(record.problems.map((p) => p.name)).toEqual(['CKD = stage 3']);
  });

  it('a result in words is a result; columns about a reading are said of it, not readings', async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>Newborn Screens</h2><h3>Labs</h3>
      <ul><li><b>Blood Type (infant)</b> — O Positive (11/07/2023)</li>
      <li><b>Direct Antiglobulin Test (DAT)</b> — Negative (11/07/2023)</li></ul>
      <h2>Growth</h2><table><thead><tr><th>Date</th><th>Age</th><th>Weight (kg)</th><th>%ile</th><th>By</th></tr></thead>
      <tbody><tr><td>06/10/2025</td><td>19 mo</td><td>11.1</td><td>43rd</td><td>KT</td></tr></tbody></table>`);
    expect(record.labs.map((l) => [l.test, l.value])).toEqual([
      ['Blood Type (infant)', 'O Positive'],
      ['Direct Antiglobulin Test (DAT)', 'Negative'],
    ]);
    expect(record.vitals.map((v) => [v.name, v.value])).toEqual([['Weight (kg)', '11.1']]);
    expect(record.vitals[0].text).toContain('By: KT');
  });

  it('a qualifier before a number stays with the test; growth and development is no vital sign; a doctor is no patient', async () => {
    const record = await read(`<div>Resident Name: Dr. Chidi Okafor</div><div>DOB: 01/02/1950</div>
      <h2>Labs</h2><ul><li>Glucose — POC 105 mg/dL (06/10/2025)</li></ul>
      <h2>Growth and Development</h2><p>Says 10 words; walks well.</p>`);
    expect(record.labs.map((l) => [l.test, l.value])).toEqual([['Glucose — POC', '105']]);
    expect(record.vitals).toEqual([]);
    expect(record.patient.name).toBeUndefined();
  });

  it("vital signs known by their labels under any heading, and an INR log's readings by date", async () => {
    const record = await read(`<p>Ann Lee · DOB 01/02/1950</p><h2>MTM Visit — 05/06/2025</h2>
      <table><tr><td>BP</td><td>128/76 mmHg</td><td>HR</td><td>64 bpm</td></tr>
      <tr><td>Weight</td><td>198 lb</td><td>Smoking</td><td>Former, quit 2009</td></tr></table>
      <h2>Anticoagulation — INR Log · Goal 2.0–3.0</h2>
      <table><thead><tr><th>Date</th><th>INR</th><th>Weekly dose</th><th>Next check</th></tr></thead>
      <tbody><tr><td>06/02/2025</td><td>2.6</td><td>40 mg</td><td>06/16/2025</td></tr></tbody></table>`);
    expect(record.vitals.map((v) => [v.name, v.value])).toEqual([
      ['BP', '128/76'],
      ['HR', '64'],
      ['Weight', '198'],
    ]);
    expect(record.other.map((o) => o.text)).toContain('Smoking: Former, quit 2009');
    expect(record.labs.map((l) => [l.test, l.value])).toEqual([['INR', '2.6']]);
    expect(record.labs[0].text).toContain('Weekly dose: 40 mg');
  });
});
