import { describe, expect, it } from 'vitest';
import { contactDetector } from '../../../utils/deidentify/detectors/contact';
import { findWith } from './helpers';

describe('the contact detector', () => {
  it('finds phones, e-mail, web and IP addresses', () => {
    const text =
      'Call (617) 555-0143 or write to j.doe@example.org; portal https://mychart.example.org/p/1 from 10.1.2.3';
    const types = findWith(contactDetector, text).map(([type]) => type);
    expect(types).toEqual(expect.arrayContaining(['PHONE', 'EMAIL', 'URL', 'IP']));
  });
  it('leaves doses, results and dates', () => {
    expect(findWith(contactDetector, 'Metformin 1000 mg twice daily; HbA1c 8.4 % on 03/14/2025; BP 148/86')).toEqual(
      [],
    );
  });
  it('finds international numbers, extensions and numbers given to call', () => {
    const found = findWith(
      contactDetector,
      'Desk: (898)666-3621x0135, fax: +41 (0)71 526 00 00; call me at 0699 868 88 55.',
    ).map(([, text]) => text);
    expect(new Set(found)).toEqual(new Set(['(898)666-3621x0135', '+41 (0)71 526 00 00', '0699 868 88 55']));
  });
  it('leaves readings after a word that could cue a phone', () => {
    expect(
      findWith(contactDetector, 'Call if BP over 180 110; office readings 148 86 152 90 72 64; +2 edema.'),
    ).toEqual([]);
  });
  it('finds a local number after its label and a number before the word that says what phone it is', () => {
    expect(findWith(contactDetector, 'Phone: 467 3395. They are not answering at 78 651 450.')).toEqual([
      ['PHONE', '467 3395'],
      ['PHONE', '78 651 450'],
    ]);
    expect(findWith(contactDetector, 'Hungary 34796 (37) 788-063-Office, 07700 063 966-Fax')).toEqual([
      ['PHONE', '(37) 788-063'],
      ['FAX', '07700 063 966'],
    ]);
    expect(findWith(contactDetector, 'South Africa 70651 082 490 1693 office')).toContainEqual([
      'PHONE',
      '082 490 1693',
    ]);
  });
  it('leaves doses, dates and readings before such a word', () => {
    expect(
      findWith(contactDetector, 'Took 12.5 mg at home. BP 120 80 home reading. Seen 2023-10-12 office visit.'),
    ).toEqual([]);
  });
  it('finds a phone after an abbreviation and a full stop, and leaves runs of readings before "home" (review findings)', () => {
    expect(findWith(contactDetector, 'Contact: Ph.617-555-0142. Daughter Hm.617-555-0142 Wk.617-555-0199').length).toBe(
      3,
    );
    for (const text of [
      'Fasting glucose 112 145 160 98 home log reviewed.',
      'Peak flow readings 350 360 370 (home)',
      'Weights 182.4 183.0 181.6 home scale',
    ])
      expect(findWith(contactDetector, text), text).toEqual([]);
  });

  it('finds a web address written without its scheme by its domain and path, not an e-mail or a dose', () => {
    expect(findWith(contactDetector, 'Our plan is at pvusd.example.org/health/seizure-plan. Thanks!')).toEqual([
      ['URL', 'pvusd.example.org/health/seizure-plan'],
    ]);
    expect(findWith(contactDetector, 'Mail jo.smith@example.org; 1 tab q.d./b.i.d.; 5 mg/kg and/or.')).toEqual([
      ['EMAIL', 'jo.smith@example.org'],
    ]);
  });
});
