/**
 * The header region: capture keeps its text whatever it made of the banner, and every identifier
 * found there becomes a known identifier for the whole payload.
 */
import { describe, expect, it } from 'vitest';
import { captureRecord } from '../../utils/capture/capture';
import { knownFromHeader, mergeKnown } from '../../utils/deidentify/header';
import { buildPayload } from '../../utils/deidentify/payload';
import { knownFromRecord } from '../../utils/deidentify';
import { emptyRecord } from '../../utils/record/schema';

describe('capture keeps the header region as text', () => {
  it('takes the title, elements named as a banner, and what stands above the first section', async () => {
    document.title = 'Chart — Okafor';
    document.body.innerHTML = `
      <div class="pt-banner"><span>OKAFOR, Chidi</span> <span>4/2/1961</span> <span>A-778-1203</span></div>
      <p>Seen at 18 Quarry Bend, Salem, Oregon 97301</p>
      <h2>Problems</h2><ul><li>Gout</li></ul>
      <p>Lives at 9 Other Road</p>`;
    const record = await captureRecord(document, { register: () => 'r' });
    const header = record.source.header ?? '';
    expect(header).toContain('Chart — Okafor');
    expect(header).toContain('A-778-1203');
    expect(header).toContain('18 Quarry Bend');
    expect(header).not.toContain('9 Other Road'); // after the first clinical section: chart, not header
  });
});

describe('identifiers in the header become known identifiers', () => {
  const header = [
    'Patient chart',
    'Mr. Antonio Runolfsson',
    'DOB: 1997-08-13',
    '335 Waters Trace Apt 86, Amherst, Massachusetts, 01002',
    'http://hospital.smarthealthit.org 9a628ccd-2a55-4331-8e68-bb58458fd674',
    'Contact Details · Home Primary',
    'Dr. Patricia PRIMARY',
  ].join('\n');
  const known = knownFromHeader(header);

  it('finds the name, birth date, street, city, ZIP and a value shown beside a system URL', () => {
    expect(known.personParts).toEqual(expect.arrayContaining(['Antonio', 'Runolfsson']));
    expect(known.birthDays).toEqual([Date.UTC(1997, 7, 13)]);
    expect(known.addressParts.map((a) => a.value)).toEqual(
      expect.arrayContaining(['335 Waters Trace Apt 86', 'Amherst', '01002']),
    );
    expect(known.ids.map((i) => i.value)).toContain('9a628ccd-2a55-4331-8e68-bb58458fd674');
  });

  it('takes no label for a name', () => {
    expect(known.personParts).not.toEqual(expect.arrayContaining(['Contact']));
    expect(known.personParts).not.toEqual(expect.arrayContaining(['Details']));
  });

  it('removes them from the whole payload when the banner was not read into fields, and keeps labels', () => {
    const record = {
      ...emptyRecordWith(header),
      other: [
        {
          id: 'oth-1',
          ref: 'r',
          heading: 'Notes',
          text: 'Antonio called from Amherst; records at 9a628ccd-2a55-4331-8e68-bb58458fd674. Home Primary: see chart. Born 08/13/1997.',
        },
      ],
    };
    const payload = buildPayload(record);
    if (!payload.ok) throw new Error(payload.error.message);
    for (const value of ['Antonio', 'Amherst', '9a628ccd', '08/13/1997'])
      expect(payload.value.text).not.toContain(value);
    expect(payload.value.text).toContain('Home Primary'); // "PRIMARY" is matched in capitals only
  });

  it('keeps the banner’s own reading when both name the same identifier', () => {
    const fromBanner = knownFromRecord({
      name: 'Ana Lee',
      identifiers: [{ type: 'MRN', value: 'A-778-1203' }],
      phones: [],
      emails: [],
    });
    const merged = mergeKnown(fromBanner, knownFromHeader('MRN A-778-1203 · ID A-778-1203'));
    expect(merged.ids).toEqual([{ type: 'MRN', value: 'A-778-1203' }]);
  });
});

function emptyRecordWith(header: string) {
  return emptyRecord({ url: 'https://ehr.example/chart', title: 'Chart', capturedAt: '2026-12-01T10:00:00Z', header });
}
