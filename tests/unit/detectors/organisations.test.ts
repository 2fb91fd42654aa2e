import { describe, expect, it } from 'vitest';
import { organisationDetector } from '../../../utils/deidentify/detectors/organisations';
import { findIdentifiers } from '../../../utils/deidentify';
import { findWith } from './helpers';

describe('the organisation detector', () => {
  it('finds health systems, chains and employers named without a cue, as written or in capitals', () => {
    expect(
      findWith(
        organisationDetector,
        'Sent from Kaiser Permanente; meds at the Walgreens on Elm; works nights at Costco. HOME UNIT FRESENIUS KIDNEY CARE.',
      ),
    ).toEqual([
      ['LOCATION', 'Kaiser Permanente'],
      ['LOCATION', 'Walgreens'],
      ['EMPLOYER', 'Costco'],
      ['LOCATION', 'FRESENIUS KIDNEY CARE'],
    ]);
  });

  it("takes a store's number and either apostrophe", () => {
    expect(findWith(organisationDetector, 'Rite Aid #5532 called; seen at St. Luke’s.')).toEqual([
      ['LOCATION', 'Rite Aid #5532'],
      ['LOCATION', 'St. Luke’s'],
    ]);
  });

  it('reads a name that is also a word or a family name as an organisation only after a word for a place', () => {
    expect(findWith(organisationDetector, 'Transferred from Mercy last night; works at the Target on Elm.')).toEqual([
      ['LOCATION', 'Mercy'],
      ['EMPLOYER', 'Target'],
    ]);
    for (const text of [
      'Target INR 2-3. Mercy, she said, was all she asked.',
      'Rush to the OR was not needed; Dr. Hopkins agreed.',
      'Kindred spirits. Parkland formula for the burn.',
    ])
      expect(findWith(organisationDetector, text), text).toEqual([]);
  });

  it('leaves a name inside a longer word or a code alone, and clinical words that share a name', () => {
    expect(findWith(organisationDetector, 'CVSS score; IRCs; UPSTREAM; Mercyhurst; R-CHOP x6')).toEqual([]);
    for (const text of [
      'CVS: RRR, no murmur. CVS at 11 weeks.',
      's/p IRC for hemorrhoids; history of IBM; RTC 3M.',
      "McDonald's criteria met. WHIRLPOOL SIGN on US.",
      'BP AT TARGET. Per the Parkland formula; the Hopkins Verbal Learning Test.',
      'PBM: Express Scripts denied the PA.',
    ])
      expect(findWith(organisationDetector, text), text).toEqual([]);
  });
});

describe('a place found by one word of a capitalised run', () => {
  const removed = (text: string) => findIdentifiers(text).map((c) => text.slice(c.start, c.end));

  it('is removed with the whole run, also two places joined by "of"', () => {
    expect(removed('On HD at DaVita Elk Grove, MWF.')).toContain('DaVita Elk Grove');
    expect(removed('Summary for the epi at Kittitas County Public Health today.')).toContain(
      'Kittitas County Public Health',
    );
    expect(removed('Moved her to Wesley Manor of Sun City West.')).toContain('Wesley Manor of Sun City West');
  });

  it("stops at a comma, a sentence's end and a verb that opens the sentence; after a place only a name's words join", () => {
    expect(removed('Unit 6 South, Banner Desert Medical Center')).toEqual(['Banner Desert Medical Center']);
    expect(removed('Visited Springfield for the weekend.')).toEqual(['Springfield']);
    expect(removed('BP Stable. Mayo Clinic follows.')).toEqual(['Mayo Clinic']);
    expect(removed('Strep at Quest Diagnostics Positive, from Intermountain Stable.')).toEqual([
      'Quest Diagnostics',
      'Intermountain',
    ]);
    expect(removed('Referred to the Kittitas County Hypertension clinic.')).toEqual(['Kittitas County']);
  });
});
