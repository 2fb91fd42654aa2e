import { describe, expect, it } from 'vitest';
import { byCodeUnits, groupThousands, localDateTime } from '../../utils/numbers';

describe('numbers and times without Intl', () => {
  it('groups thousands as en-US does', () => {
    for (const n of [0, 7, 999, 1000, 24416, 400000, 1234567, -1234, 1234.5, 8000])
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US', { maximumFractionDigits: 20 }));
  });
  it('writes a moment in local time, and leaves what is not a time as it is', () => {
    const iso = new Date(2026, 11, 7, 9, 5).toISOString();
    expect(localDateTime(iso)).toBe('2026-12-07 09:05');
    expect(localDateTime('not a time')).toBe('not a time');
  });
  it('orders ISO timestamps as time does', () => {
    const times = ['2026-12-07T10:00:00.000Z', '2025-01-01T00:00:00.000Z', '2026-12-07T09:59:59.999Z'];
    expect([...times].sort(byCodeUnits)).toEqual([...times].sort((a, b) => Date.parse(a) - Date.parse(b)));
    expect(byCodeUnits('a', 'a')).toBe(0);
  });
});
