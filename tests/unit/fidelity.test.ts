/** Fidelity: names keep their brackets, strength and dose stay apart, sex is a word, nothing is invented. */
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';
import { parseAllergy, parseMedication, parseProblem } from '../../utils/capture/fields';

describe('what a line says, kept whole', () => {
  it('problem names keep their brackets; a bracket with an onset or status is not the name', () => {
    expect(parseProblem('Chronic diastolic (congestive) heart failure').name).toBe(
      'Chronic diastolic (congestive) heart failure',
    );
    expect(parseProblem('Essential (primary) hypertension').name).toBe('Essential (primary) hypertension');
    expect(parseProblem('Pneumonia (onset July 3, 2013; resolution Aug 14, 2013)')).toMatchObject({
      name: 'Pneumonia',
    });
    expect(parseProblem('Asthma (resolved)')).toMatchObject({ name: 'Asthma', status: 'resolved' });
  });

  it('a concentration is the strength, the amount taken is the dose', () => {
    expect(parseMedication('Insulin glargine 100 unit/mL, inject 20 units subcutaneously at bedtime')).toMatchObject({
      name: 'Insulin glargine',
      strength: '100 unit/mL',
      dose: '20 units',
      frequency: 'at bedtime',
    });
    expect(parseMedication('Metformin 1000 mg PO twice daily')).toMatchObject({ name: 'Metformin', dose: '1000 mg' });
  });

  it('an allergy’s bracket names the substance', () => {
    expect(parseAllergy('Sulfa (sulfonamide antibiotics) — Stevens-Johnson syndrome, severe')).toMatchObject({
      substance: 'Sulfa (sulfonamide antibiotics)',
      severity: 'severe',
    });
  });

  it('sex is a word, and an empty result cell stays empty', async () => {
    document.body.innerHTML = `<table><tr><td><b>Name:</b> DOE, JANE <b>DOB:</b> 04/07/1951 <b>Sex:</b> F</td></tr></table>
      <h2>Results</h2><table><thead><tr><th>Test</th><th>Result</th><th>Collected</th></tr></thead>
      <tbody><tr><td>Potassium</td><td>4.1 mmol/L</td><td>2025-06-03 06:00</td></tr><tr><td>Lactate</td><td></td><td>2025-06-03 06:00</td></tr></tbody></table>`;
    const record = await captureRecord(document, { register: () => 'r' });
    expect(record.patient).toMatchObject({ name: 'DOE, JANE', sex: 'female' });
    expect(record.labs.map((l) => [l.test, l.value])).toEqual([['Potassium', '4.1']]);
    expect(JSON.stringify(record.labs)).not.toMatch(/"value":"0?0"/);
  });

  it('reads the patient from narrative banners and "Family,Given" with no space, and says when the page names nobody', async () => {
    document.body.innerHTML = `<div><h1>Williams,Veronica</h1><p>Female; born 5/18/2004; MRN 448812</p></div><h2>Problems</h2><ul><li>Asthma</li></ul>`;
    const record = await captureRecord(document, { register: () => 'r' });
    expect(record.patient).toMatchObject({
      name: 'Williams,Veronica',
      sex: 'Female',
      birthDate: '5/18/2004',
      identifiers: [{ type: 'MRN', value: '448812' }],
    });
    expect(record.capture.patientIdentified).toBe(true);
    document.body.innerHTML = `<h2>Problems</h2><ul><li>Asthma</li></ul>`;
    expect((await captureRecord(document, { register: () => 'r' })).capture.patientIdentified).toBe(false);
  });
});
