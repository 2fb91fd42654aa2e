import { describe, expect, it } from 'vitest';
import { toTimestamp } from '../../utils/record/dates';

// The forms of a day are tested with the patient's birth date (identity.test.ts); here, ordering by date and time.
describe('the one chart-date parser', () => {
  it('orders by the time of day when one is given, and says 0 for no date', () => {
    expect(toTimestamp('06/03/2025 2:05 PM')).toBe(Date.UTC(2025, 5, 3, 14, 5));
    expect(toTimestamp('2025-06-03 10:12')).toBe(Date.UTC(2025, 5, 3, 10, 12));
    expect(toTimestamp('12:30 AM Jun 3, 2025')).toBe(Date.UTC(2025, 5, 3, 0, 30));
    expect(toTimestamp('Jun 3, 2025')).toBe(Date.UTC(2025, 5, 3));
    expect(toTimestamp('yesterday')).toBe(0);
    expect(toTimestamp(undefined)).toBe(0);
  });
});
