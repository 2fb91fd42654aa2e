/**
 * Values of one lab test or one vital over time, for a trend chart: the numeric values of the
 * items that share the test's (or vital's) name, oldest first, keyed by the newest item's id.
 */
import { toTimestamp } from './dates';
import { numericValue } from './queries';
import type { PatientRecord } from './schema';

export interface Trend {
  label: string;
  unit?: string;
  points: Array<{ value: number; time?: string }>;
}

/** The trend each newest lab or vital heads, by that item's id (only where there are two values or more). */
export function trendsOf(record: PatientRecord): Map<string, Trend> {
  return new Map(seriesOf(record).map(({ trend, ids }) => [ids[ids.length - 1], trend]));
}

/**
 * The trend of every item in a series of two values or more, by each item's id: a draft that cites
 * an older potassium shows the same chart as one that cites the newest.
 */
export function trendsByItem(record: PatientRecord): Map<string, Trend> {
  return new Map(seriesOf(record).flatMap(({ trend, ids }) => ids.map((id) => [id, trend] as const)));
}

function seriesOf(record: PatientRecord): Array<{ trend: Trend; ids: string[] }> {
  const series = new Map<string, Array<{ id: string; label: string; unit?: string; value: number; time?: string }>>();
  for (const lab of record.labs) add(`lab:${lab.test}`, lab.id, lab.test, lab.unit, numericValue(lab), lab.time);
  for (const vital of record.vitals) {
    // A blood pressure charts its systolic value; its text alternative says the full reading.
    add(`vital:${vital.name}`, vital.id, vital.name, vital.unit, numericValue(vital), vital.time);
  }
  function add(
    key: string,
    id: string,
    label: string,
    unit: string | undefined,
    value: number | undefined,
    time: string | undefined,
  ) {
    if (value === undefined || !toTimestamp(time)) return;
    const k = key.toLowerCase().replace(/\s+/g, ' ').trim();
    series.set(k, [...(series.get(k) ?? []), { id, label, unit, value, time }]);
  }
  return [...series.values()]
    .filter((points) => points.length >= 2)
    .map((points) => {
      const sorted = [...points].sort((a, b) => toTimestamp(a.time) - toTimestamp(b.time));
      const newest = sorted[sorted.length - 1];
      return {
        trend: { label: newest.label, unit: newest.unit, points: sorted.map(({ value, time }) => ({ value, time })) },
        ids: sorted.map((point) => point.id),
      };
    });
}
