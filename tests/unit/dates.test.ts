import { describe, expect, it } from 'vitest';
import { toIsoDate, toTimestamp } from '../../utils/record/dates';

describe('the one chart-date parser', () => {
  it('reads every printed form to the same day', () => {
    for (const text of [
      '03/14/2021',
      '3/14/21',
      '2021-03-14',
      '20210314',
      '14-Mar-2021',
      '14 March 2021',
      'Mar 14, 2021',
    ])
      expect(toIsoDate(text), text).toBe('2021-03-14');
    expect(toIsoDate('02/30/2021')).toBeUndefined();
  });

  it('orders by the time of day when one is given, and says 0 for no date', () => {
    expect(toTimestamp('06/03/2025 2:05 PM')).toBe(Date.UTC(2025, 5, 3, 14, 5));
    expect(toTimestamp('2025-06-03 10:12')).toBe(Date.UTC(2025, 5, 3, 10, 12));
    expect(toTimestamp('12:30 AM Jun 3, 2025')).toBe(Date.UTC(2025, 5, 3, 0, 30));
    expect(toTimestamp('Jun 3, 2025')).toBe(Date.UTC(2025, 5, 3));
    expect(toTimestamp('yesterday')).toBe(0);
    expect(toTimestamp(undefined)).toBe(0);
  });
});
