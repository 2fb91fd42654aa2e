/** De-identification: every Safe Harbor category, known identifiers, placeholders, date policies, bad input. */
import { describe, expect, it } from 'vitest';
import { deidentify, describeLeaks, findLeaks, knownFromRecord, PlaceholderBook } from '../../utils/deidentify';
import { buildPayload } from '../../utils/deidentify/payload';
import { placeholderAt, replacePlaceholders } from '../../utils/deidentify/placeholders';
import { emptyRecord } from '../../utils/record/schema';

const patient = {
  name: 'Maria Elena Ordóñez',
  birthDate: '03/14/1958',
  identifiers: [
    { type: 'MRN', value: '00482913' },
    { type: 'Insurance', value: 'BCX-7741-20983' },
  ],
  phones: ['(617) 555-0199'],
  emails: ['maria.ordonez58@example.com'],
  address: '42 Larkspur Lane, Dedham, MA 02026',
};
const known = knownFromRecord(patient);
const out = (text: string, options: Parameters<typeof deidentify>[1] = {}) => deidentify(text, options).text;

describe('Safe Harbor categories', () => {
  it.each([
    [
      'names, by cue',
      'Her son David Ordóñez and Dr. Kevin Osei met Mrs. Patel.',
      ['David Ordóñez', 'Kevin Osei', 'Patel'],
    ],
    ['names with particles and apostrophes', "Seen with Dr. van der Berg and Mr. O'Neil.", ['van der Berg', "O'Neil"]],
    [
      'dates in chart formats',
      'Seen 03/14/2021, 14-Mar-21, March 14, 2021, 2021-03-14 and in September.',
      ['03/14/2021', '14-Mar-21', 'March 14', '2021-03-14', 'September'],
    ],
    [
      'phones and faxes',
      'Call (617) 555-0199 or 617.555.0142; fax to 508-555-0110.',
      ['555-0199', '555-0142', '555-0110'],
    ],
    [
      'emails, URLs, IPs',
      'Write to j.doe@example.com, see https://portal.example.org/x?id=9, from 203.0.113.57.',
      ['j.doe@example.com', 'portal.example.org', '203.0.113.57'],
    ],
    [
      'SSN, record, plan, account, licence numbers',
      'SSN 078-05-1120, MRN: 00482913, member ID HPX-0091-55321, acct # 558201133, DEA BS1234563.',
      ['078-05-1120', '00482913', 'HPX-0091-55321', '558201133', 'BS1234563'],
    ],
    [
      'vehicles and devices',
      'VIN 1HGCV1F34KA012345, plate FL-KTX-4411, pacemaker serial number PM7734-22918.',
      ['1HGCV1F34KA012345', 'FL-KTX-4411', 'PM7734-22918'],
    ],
    [
      'streets, cities, facilities',
      'Lives at 9 Quarry Road, Apt 3B, Worcester, MA; treated at Saint Vincent Hospital.',
      ['9 Quarry Road', 'Apt 3B', 'Worcester', 'Saint Vincent Hospital'],
    ],
    ['employers', 'He works nights as a forklift operator at Greendale Freight.', ['Greendale Freight']],
  ])('removes %s', (_what, text, values) => {
    const result = out(text);
    for (const value of values) expect(result).not.toContain(value);
  });

  it('keeps ZIP codes to their first three digits, and 000 where few people live', () => {
    expect(out('Boston, MA 02215')).toContain('[ZIP 022]');
    expect(out('Hanover, NH 03609')).toContain('[ZIP 036]'.replace('036', '000'));
  });

  it('removes a name found once with a cue wherever the text repeats it, and only as a capitalised word', () => {
    const result = out('Her kid Gerth said hi. Gerth had given Gerth his address. She was gerthing about.');
    expect(result).not.toContain('Gerth');
    expect(result).toContain('gerthing');
  });

  it('removes a name typed in lower case wherever the lower-case text repeats it, but not an ordinary word', () => {
    const text = 'my name is vitoria. vitoria needs a refill. olga krylova is sick; krylova had an mri. i need help.';
    const out = deidentify(text, { known }).text;
    expect(out).not.toMatch(/vitoria|krylova/);
    expect(out).toContain('needs a refill');
    expect(out).toContain('i need help');
  });
  it('groups ages over 89 and keeps younger ages', () => {
    expect(out('A 93-year-old man; his wife is 88 years old.')).toBe(
      'A [AGE 90 or older] man; his wife is 88 years old.',
    );
  });

  it('keeps years, clinical words, eponyms, drugs and numbers that are not identifiers', () => {
    const text =
      'Parkinson disease since 2011, Crohn disease, Hodgkin lymphoma, Bell palsy, Foley catheter, Murphy sign negative. BP 148/86, A1c 8.4% (4.0-5.6), budesonide-formoterol 160-4.5 mcg. She moved to Virginia. May I call?';
    expect(out(text)).toBe(text);
  });
});

describe('known identifiers of the patient', () => {
  it('are removed wherever they appear, in any case or format', () => {
    const text =
      'ORDONEZ, MARIA seen; DOB March 14, 1958 (also 1958-03-14); MRN 482913; call 617.555.0199; maria.ordonez58@EXAMPLE.com; lives at 42 Larkspur Lane, Dedham MA 02026.';
    const result = out(text, { known });
    for (const value of [
      'ORDONEZ',
      'MARIA',
      'March 14',
      '1958-03-14',
      '482913',
      '555.0199',
      'EXAMPLE.com',
      'Larkspur',
      'Dedham',
      '02026',
    ])
      expect(result).not.toContain(value);
    expect(result).toContain('[PATIENT]');
    expect(result).toContain('[ZIP 020]');
  });

  it('do not swallow English words that happen to be short name parts', () => {
    const an = knownFromRecord({ name: 'Nguyen Van An', identifiers: [], phones: [], emails: [] });
    expect(out('An reports an improvement and a new rash.', { known: an })).toBe(
      '[PATIENT] reports an improvement and a new rash.',
    );
  });

  it('keep a relative who shares the surname a separate person', () => {
    expect(out('Daughter Lucia Ordóñez-Reyes called about Maria.', { known })).toBe(
      'Daughter [PERSON-1] called about [PATIENT].',
    );
  });
});

describe('placeholders', () => {
  it('are written and read back by one grammar: every one the book makes is recognised, nothing else', () => {
    const book = new PlaceholderBook('relative', Date.UTC(2021, 2, 21));
    const made = deidentify(
      'Maria Ordóñez, 93-year-old, seen by Dr. Kevin Osei on 03/14/2021 at 42 Larkspur Lane, Dedham MA 02026; MRN 482913.',
      { book, known: knownFromRecord({ name: 'Maria Ordóñez', identifiers: [], phones: [], emails: [] }) },
    );
    expect(made.spans.length).toBeGreaterThanOrEqual(6);
    for (const span of made.spans) expect(placeholderAt(span.placeholder, 0), span.placeholder).toBe(true);
    expect(replacePlaceholders(made.text, () => '')).not.toMatch(/\[[A-Z]/);
    for (const other of ['[pr-1]', '[4 mg]', '[Note]', '[DATE]']) expect(placeholderAt(other, 0), other).toBe(false);
  });

  it('are typed and stable within a request, across texts', () => {
    const book = new PlaceholderBook();
    const a = deidentify('Dr. Kevin Osei saw her on 03/14/2021.', { book }).text;
    const b = deidentify('Follow up with Dr. Osei; last seen March 14, 2021; call Dr. Lisa Chen.', { book }).text;
    expect(a).toBe('Dr. [CLINICIAN-1] saw her on [DATE-1 (2021)].');
    expect(b).toBe('Follow up with Dr. [CLINICIAN-1]; last seen [DATE-1 (2021)]; call Dr. [CLINICIAN-2].');
    expect(book.originals.get('[CLINICIAN-1]')).toBe('Kevin Osei');
  });

  it('follow the relative date policy when chosen', () => {
    const book = new PlaceholderBook('relative', Date.UTC(2021, 2, 21));
    expect(deidentify('Seen 03/14/2021 and 2021-03-21.', { book }).text).toBe(
      'Seen [DATE-1 (-7 days)] and [DATE-2 (day 0)].',
    );
  });

  it('give offsets into the input', () => {
    const text = 'Call 617-555-0142 now.';
    const { spans } = deidentify(text);
    expect(spans).toEqual([{ start: 5, end: 17, type: 'PHONE', placeholder: '[PHONE-1]' }]);
    expect(text.slice(spans[0].start, spans[0].end)).toBe('617-555-0142');
  });
});

describe('bad input', () => {
  it('handles empty text, junk, other scripts and Unicode names', () => {
    expect(deidentify('')).toEqual({ text: '', spans: [] });
    expect(() => deidentify('\u0000\u0001\ufffd\u{1F600}'.repeat(1000))).not.toThrow();
    const vn = knownFromRecord({ name: 'Thị Lan Nguyễn', identifiers: [], phones: [], emails: [] });
    expect(out('Bà NGUYEN Thi Lan, 患者, مريض — her partner Minh Tran came.', { known: vn })).toBe(
      'Bà [PATIENT], 患者, مريض — her partner [PERSON-1] came.',
    );
  });

  it('reads a megabyte of text without error and without leaving a known identifier', () => {
    const note = 'Mrs. Ordóñez (MRN 00482913) reports fatigue. BP 130/80. Plan: recheck in 3 months. ';
    const big = note.repeat(Math.ceil(1_000_000 / note.length));
    const result = deidentify(big, { known });
    expect(result.text).not.toContain('00482913');
    expect(result.text).not.toMatch(/Ordóñez/);
  });
});

describe('the leak guard', () => {
  it('passes what de-identification produced', () => {
    const book = new PlaceholderBook();
    const text = deidentify('Maria Ordóñez, MRN 00482913, seen 03/14/2021 by Dr. Kevin Osei; call (617) 555-0199.', {
      known,
      book,
    }).text;
    expect(findLeaks(text, known, book)).toEqual([]);
  });

  it('blocks a send that still carries an identifier, says what and where, and never repeats it', () => {
    const book = new PlaceholderBook();
    const safe = deidentify('Dr. Kevin Osei will call.', { book }).text;
    // The clinician edited the preview and typed identifiers back in.
    const edited = `${safe} Patient Ordonez, MRN 00482913, SSN 078-05-1120, seen with Kevin Osei on 03/14/2021.`;
    const leaks = findLeaks(edited, known, book);
    expect(leaks.map((l) => l.type)).toEqual(
      expect.arrayContaining(['PATIENT', 'MRN', 'SSN', 'REPLACED_VALUE', 'DATE']),
    );
    for (const leak of leaks) {
      expect(leak.context).not.toContain('00482913');
      expect(leak.context).not.toContain('078-05-1120');
    }
    expect(describeLeaks(leaks)).toMatch(/^Not sent: the text still contains \d+ identifiers/);
  });
});

describe("the clinician's choices in the preview", () => {
  it('redacts selected text wherever it appears, as a placeholder the leak guard then watches', () => {
    const book = new PlaceholderBook();
    const text = 'Exposed to diesel fumes at night. Diesel fumes again on Monday.';
    const result = deidentify(text, { book, redact: ['diesel fumes'] });
    expect(result.text).toBe('Exposed to [REDACTED-1] at night. [REDACTED-1] again on [DATE-1].');
    expect(findLeaks(`${result.text} more diesel fumes`, knownFromRecord(undefined), book).map((l) => l.type)).toEqual([
      'REPLACED_VALUE',
    ]);
  });

  it('keeps a value the clinician marked as not an identifier, but never a known identifier', () => {
    const text = 'Walks at Wilson Park with Maria.';
    expect(out(text, { known })).toBe('Walks at [LOCATION-1] with [PATIENT].');
    expect(deidentify(text, { known, keep: ['Wilson Park', 'Maria'] }).text).toBe(
      'Walks at Wilson Park with [PATIENT].',
    );
  });
});

describe('the payload of a captured record', () => {
  const record = (noteText: string) => ({
    ...emptyRecord({ url: 'https://ehr.example/chart', title: 'Chart', capturedAt: '2026-11-18T10:00:00Z' }),
    patient: { ...patient, identifiers: patient.identifiers, age: '93' },
    notes: [{ id: 'note-1', text: noteText, ref: 'r1' }],
  });

  it('is the de-identified record with item ids, ages over 89 grouped, and a clean leak guard', () => {
    const payload = buildPayload(record('Mrs. Ordóñez called from 617-555-0199 on 11/17/2026.'));
    expect(payload.ok).toBe(true);
    if (!payload.ok) return;
    expect(payload.value.text).toBe(
      'PATIENT: [PATIENT], age [AGE 90 or older]\n\nNOTES:\n- [note-1] Mrs. [PATIENT] called from [PHONE-1] on [DATE-1 (2026)].\n\nNOT ON THIS PAGE (do not say there are none): problems, medications, allergies, vitals, labs, immunizations',
    );
    expect(payload.value.leaks).toEqual([]);
    expect(payload.value.counts).toEqual({ PATIENT: 2, AGE: 1, PHONE: 1, DATE: 1 });
  });

  it('refuses ten megabytes of text with a clear message rather than freezing the panel or sending part of it', () => {
    const payload = buildPayload(record('Progress note text. '.repeat(500_000)));
    expect(payload.ok).toBe(false);
    if (!payload.ok)
      expect(payload.error.message).toMatch(/too much text to prepare at once \(10\.0 million characters\)/);
  });
});

describe('filling placeholders back in', () => {
  it('restores real values in a draft, locally, and leaves unknown placeholders as they are', async () => {
    const { fillOutput } = await import('../../utils/handback/reidentify');
    const book = new PlaceholderBook();
    deidentify('Dr. Kevin Osei saw Maria on 03/14/2021.', { known, book });
    const output = fillOutput(
      {
        task: 'summary',
        engine: 'model',
        title: 't',
        sections: [
          {
            heading: 'Plan',
            statements: [
              { text: '[PATIENT] to see Dr. [CLINICIAN-1] after [DATE-1 (2021)]; [PERSON-9] unknown.', cites: [] },
            ],
          },
        ],
      },
      book.originals,
    );
    expect(output.sections[0].statements[0].text).toBe(
      'Maria to see Dr. Kevin Osei after 03/14/2021; [PERSON-9] unknown.',
    );
  });
});

describe("the patient's initials", () => {
  it('join the name they follow: "Last, First M" in capitals, and "Last, F."', () => {
    const known = knownFromRecord({ name: 'Orville Dean Stroud', identifiers: [], phones: [], emails: [] });
    expect(deidentify('DISCHARGE SUMMARY STROUD, ORVILLE D   MRN 1', { known }).text).toBe(
      'DISCHARGE SUMMARY [PATIENT]   MRN 1',
    );
    expect(deidentify('Night note - Stroud, O. rm 212', { known }).text).toBe('Night note - [PATIENT] rm 212');
  });
});

describe('identifier-free clinical text', () => {
  it('stays whole: abbreviations, ordinals of anatomy, eponyms and roles', () => {
    const text =
      'Has a living will; her son is HCP. BPH, OSA on CPAP. UTI in the 2nd trimester. Fracture at the base of the 5th ' +
      'metatarsal. Doxycycline for Rocky Mountain spotted fever. Morton neuroma L foot. Ottawa ankle rules negative. ' +
      'Left renal Bosniak II cyst. No Ebstein anomaly. Philadelphia chromosome present. Avoid St. John’s wort.';
    expect(deidentify(text).text).toBe(text);
  });
});
