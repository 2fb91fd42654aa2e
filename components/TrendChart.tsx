export type TrendPoint = { value: number; time?: string };

export type TrendChartProps = {
  /** What is charted ("Hemoglobin A1c"), for the text alternative. */
  label: string;
  unit?: string;
  /** Oldest first. */
  points: TrendPoint[];
};

const WIDTH = 96;
const HEIGHT = 24;
const PAD = 3;

/**
 * A small trend line of a result or vital with two or more values: plain SVG, no library, no
 * markup from the page. The text alternative says every value and when, so nothing is only visual.
 */
export function TrendChart({ label, unit, points }: TrendChartProps) {
  if (points.length < 2) return null;
  const values = points.map((p) => p.value);
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const x = (i: number) => PAD + (i * (WIDTH - 2 * PAD)) / (points.length - 1);
  const y = (v: number) => HEIGHT - PAD - ((v - min) * (HEIGHT - 2 * PAD)) / span;
  const described = points
    .map((p) => `${p.value}${unit ? ` ${unit}` : ''}${p.time ? ` on ${p.time}` : ''}`)
    .join(', then ');
  return (
    <svg
      className="trend"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${label} trend: ${described}`}
    >
      <polyline
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        points={points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
      />
      {points.map((p, i) => (
        <circle key={i} cx={x(i)} cy={y(p.value)} r="2" fill="currentColor" />
      ))}
    </svg>
  );
}
