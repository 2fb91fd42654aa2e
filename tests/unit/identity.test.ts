/** Page identity: whose chart a page shows, compared without keeping the values themselves. */
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';
import {
  checkWrite,
  comparePatients,
  isIdentified,
  pageUrlWithoutSecrets,
  patientKeyOf,
  type PageIdentity,
} from '../../utils/record/identity';

const key = (name?: string, birthDate?: string, ids: Array<[string, string]> = []) =>
  patientKeyOf({ name, birthDate, identifiers: ids.map(([type, value]) => ({ type, value })) });
const page = (patient: ReturnType<typeof key>, documentId = 'doc-1'): PageIdentity => ({
  url: 'https://ehr.example/chart',
  documentId,
  patient,
});

const maria = key('Maria Elena Ordóñez', '1957-03-14', [['MRN', '00482913']]);

describe('the patient key', () => {
  it('holds hashes, never the name, birth date or record number', () => {
    const text = JSON.stringify(maria);
    for (const value of ['Maria', 'maria', 'Ordóñez', 'ordonez', '1957', '00482913']) expect(text).not.toContain(value);
  });

  it('is the same for the same patient written another way, and differs for another patient', () => {
    expect(key('ORDONEZ, MARIA ELENA', '1957-03-14', [['MRN', '00482913']]).key).toBe(maria.key);
    expect(key('Maria Elena Ordóñez', '1957-03-14', [['MRN', '00-482-913']]).key).toBe(maria.key);
    expect(key("James Patrick O'Neil", '1949-07-02', [['MRN', '00519377']]).key).not.toBe(maria.key);
  });

  it('says when the page does not identify the patient', () => {
    expect(isIdentified(key())).toBe(false);
    expect(isIdentified(key('Maria'))).toBe(false);
    expect(isIdentified(key('Maria Ordóñez'))).toBe(true);
    expect(isIdentified(key(undefined, '1957-03-14'))).toBe(true);
    expect(isIdentified(key(undefined, undefined, [['MRN', '1']]))).toBe(true);
  });
});

describe('comparing patients', () => {
  it('allows the same patient on another page of the chart, however much of the banner it shows', () => {
    expect(comparePatients(maria, key('Maria Ordóñez'))).toBe('same');
    expect(comparePatients(maria, key('Ordóñez, Maria E.', '1957-03-14'))).toBe('same');
    expect(comparePatients(maria, key(undefined, undefined, [['MRN', '00482913']]))).toBe('same');
    expect(comparePatients(maria, key(undefined, undefined, [['Medical record number', '00482913']]))).toBe('same');
  });

  it('refuses a different patient on any disagreement: name, birth date or record number', () => {
    expect(comparePatients(maria, key("James Patrick O'Neil"))).toBe('different');
    expect(comparePatients(maria, key('Maria Elena Ordóñez', '1960-01-01'))).toBe('different');
    expect(comparePatients(maria, key('Maria Elena Ordóñez', undefined, [['MRN', '11111111']]))).toBe('different');
    // Same name, another person: the birth date tells them apart.
    expect(comparePatients(key('John Smith', '1970-01-01'), key('John Smith', '1982-05-05'))).toBe('different');
  });

  it('is unknown when a page does not say whose chart it is', () => {
    expect(comparePatients(maria, key())).toBe('unknown');
    expect(comparePatients(key(), key())).toBe('unknown');
    expect(comparePatients(key(undefined, undefined, [['MRN', '1']]), key('Maria Ordóñez'))).toBe('unknown');
  });
});

describe('checking a write against the page as it is now', () => {
  it('inserts into any page of the same patient, never into another patient’s, and asks when the page shows no patient', () => {
    expect(checkWrite(page(maria), page(key('Maria Ordóñez'), 'doc-2'))).toEqual({ verdict: 'allowed' });
    expect(checkWrite(page(maria), page(key("James Patrick O'Neil", '1949-07-02')))).toEqual({
      verdict: 'different-patient',
    });
    expect(checkWrite(page(maria), page(key()))).toEqual({ verdict: 'unconfirmed' });
    expect(checkWrite(page(maria), page(key()), { confirmedUnknown: true })).toEqual({ verdict: 'allowed' });
    // Confirmation never overrides a different patient.
    expect(checkWrite(page(maria), page(key('James Patrick O’Neil')), { confirmedUnknown: true })).toEqual({
      verdict: 'different-patient',
    });
    // Even the very page that was read asks again when it does not say whose chart it is.
    expect(checkWrite(page(key()), page(key()))).toEqual({ verdict: 'unconfirmed' });
  });

  it('outlines items only in the very document that was read', () => {
    expect(checkWrite(page(maria), page(maria, 'doc-1'), { needsSameDocument: true })).toEqual({ verdict: 'allowed' });
    expect(checkWrite(page(maria), page(maria, 'doc-2'), { needsSameDocument: true })).toEqual({
      verdict: 'page-changed',
    });
  });
});

describe('the page address kept with a read', () => {
  it('drops the fragment and credentials, and masks query values that look like secrets', () => {
    expect(pageUrlWithoutSecrets('https://u:p@ehr.example/chart/12?tab=labs&access_token=abc&sessionid=9#top')).toBe(
      'https://ehr.example/chart/12?tab=labs&access_token=redacted&sessionid=redacted',
    );
    expect(pageUrlWithoutSecrets('not a url')).toBe('');
  });
});

describe('capture returns the page identity', () => {
  it('from the banner, and the banner-only read stops at the first clinical section with the same key', async () => {
    document.body.innerHTML = `<header><h1>Ordóñez, Maria Elena</h1><p>DOB: 03/14/1957 · MRN: 00482913</p></header>
      <h2>Problems</h2><ul><li>Type 2 diabetes mellitus</li></ul><h2>Medications</h2><ul><li>Metformin 1000 mg PO BID</li></ul>`;
    const full = await captureRecord(document, { register: () => 'r', documentId: 'doc-9' });
    const banner = await captureRecord(document, { register: () => 'r', documentId: 'doc-9', bannerOnly: true });
    expect(full.source.identity?.documentId).toBe('doc-9');
    expect(full.source.identity?.patient.key).toBe(maria.key);
    expect(banner.source.identity).toEqual(full.source.identity);
    expect(banner.medications).toEqual([]);
    expect(full.medications).toHaveLength(1);
  });
});

describe('chart dates', () => {
  it('reads the forms pages print to one calendar day', async () => {
    const { toIsoDate } = await import('../../utils/record/dates');
    for (const text of [
      '03/14/1957',
      '3/14/57',
      '1957-03-14',
      '19570314',
      '14-Mar-1957',
      '14 March 1957',
      'March 14, 1957',
      'Mar 14 1957',
      'DOB: 14/03/1957 (67 y)',
    ]) {
      expect(toIsoDate(text), text).toBe('1957-03-14');
    }
    expect(toIsoDate('02/30/1957')).toBeUndefined();
    expect(toIsoDate('no date here')).toBeUndefined();
  });
});

describe('failing closed when the patient is unknown', () => {
  it('sends nothing to a model for a page that does not say whose chart it is', async () => {
    const { buildPayload } = await import('../../utils/deidentify/payload');
    const { draftTaskWithModel } = await import('../../utils/draft/model');
    document.body.innerHTML = '<h2>Problems</h2><ul><li>Type 2 diabetes mellitus</li></ul>';
    const record = await captureRecord(document, { register: () => 'r' });
    expect(record.capture.patientIdentified).toBe(false);
    const payload = buildPayload(record);
    expect(payload.ok && payload.value.patientIdentified).toBe(false);
    if (!payload.ok) return;
    let requests = 0;
    const result = await draftTaskWithModel(
      'summary',
      payload.value,
      { kind: 'compatible', baseURL: 'http://127.0.0.1:9/v1', model: 'm' } as never,
      {
        fetchImpl: (async () => {
          requests++;
          throw new Error('must not be called');
        }) as typeof fetch,
      },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'patient-unknown' } });
    expect(requests).toBe(0);
  });
});
