import { describe, expect, it } from 'vitest';
import { dateDetector } from '../../../utils/deidentify/detectors/dates';
import { findWith } from './helpers';

describe('the date detector', () => {
  it('finds dates in the forms charts write them', () => {
    expect(
      findWith(dateDetector, 'Seen 03/14/2025, again on March 20, 2025 and 2025-04-02.')
        .map(([, text]) => text)
        .sort(),
    ).toEqual(['03/14/2025', '2025-04-02', 'March 20, 2025']);
  });
  it('leaves a year alone, ratios and doses', () => {
    expect(findWith(dateDetector, 'Diagnosed in 2019; BP 128/74; take 1/2 tablet')).toEqual([]);
  });
  it('reads a day and month after more words that introduce a date, and weekdays and months typed in lower case', () => {
    const found = (text: string) => findWith(dateDetector, text).map(([, date]) => date);
    expect(found('Rehab starts Mon 2/8. Next visit 3/30; Foley changed 2/2.')).toEqual(
      expect.arrayContaining(['2/8', '3/30', '2/2']),
    );
    expect(found('Strength 5/5 and pain 7/10; take 1/2 tab.')).toEqual([]);
    expect(found('recheck fri at the lab, INR 4.6 on tues, fell tuesday. started in january. F/u March.')).toEqual(
      expect.arrayContaining(['fri', 'tues', 'tuesday', 'january', 'March']),
    );
    expect(found('she sat down; they were wed in a hurry; may I ask')).toEqual([]);
  });
  it('reads a day and month standing alone, but not fractions, grades and scores', () => {
    const found = (text: string) => findWith(dateDetector, text).map(([, date]) => date);
    expect(found('seen at urgent care 3/14 for syncope; fx 10/22, SOC 6/16, card expires 5/1.')).toEqual([
      '3/14',
      '10/22',
      '6/16',
      '5/1',
    ]);
    expect(
      found('2/6 murmur, pain 8/10, 1/2 tab, 5/5 strength, 2/2 bottles, Sinemet 25/100, BP 90/60, 3/4 cup'),
    ).toEqual([]);
  });
  it('reads a date run together as lab and pharmacy systems print it (06JUN1958)', () => {
    expect(findWith(dateDetector, 'DOB: 06JUN1958   collected 12mar2025')).toEqual([
      ['DATE', '06JUN1958'],
      ['DATE', '12mar2025'],
    ]);
  });
  it('reads "the 14th" as a day of the month, not the bone or joint an ordinal counts ("the 1st MTH")', () => {
    expect(findWith(dateDetector, 'cysto on the 5th; ulcer under the 1st MTH; angulation of the 5th MC')).toEqual([
      ['DATE', '5th'],
    ]);
  });
});
