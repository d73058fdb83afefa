// A dot chart of weighted percentages with their 95% confidence intervals drawn as whiskers.

import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { ChartFrame } from './chart-frame';
import { palette } from './palette';
import { PercentAxis, PercentGrid, shortLabel, Whisker } from './percent-scale-parts';

/** One row of the chart: proportions on the 0–1 scale, null where there is none. */
export interface IntervalPoint {
  label: string;
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** Drawn hollow in the warning colour, so the flag does not depend on colour alone. */
  flagged: boolean;
}

export interface IntervalChartProps {
  points: IntervalPoint[];
  /** The text alternative: what is drawn and where the figures are. */
  description: string;
  width?: number;
}

const rowHeight = 26;
const margin = { top: 8, right: 16, bottom: 36 };

/** Grid lines and axis ticks, proportions. */
const ticks = [0, 0.25, 0.5, 0.75, 1];

/**
 * The chart is an image with a text alternative (`description`); the same figures are in the
 * table the page puts next to it, which is what keyboard and screen-reader users read.
 *
 * @example
 * <IntervalChart points={[{ label: 'Ya', estimate: 0.4, low: 0.35, high: 0.45, flagged: false }]}
 *   description="…" />
 */
export function IntervalChart({ points, description, width = 640 }: IntervalChartProps) {
  // Labels get at most 180 px, and less on a phone so the intervals keep most of the width.
  const left = Math.min(180, Math.round(width * 0.35));
  const innerWidth = width - left - margin.right;
  const innerHeight = Math.max(points.length, 1) * rowHeight;
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, innerWidth] });
  const y = scaleBand<number>({
    domain: points.map((_, i) => i),
    range: [0, innerHeight],
    padding: 0.3,
  });
  const height = innerHeight + margin.top + margin.bottom;
  return (
    <ChartFrame width={width} height={height} description={description}>
      <Group left={left} top={margin.top}>
        <PercentGrid scale={x} ticks={ticks} height={innerHeight} />
        {points.map((point, i) => {
          const cy = (y(i) ?? 0) + y.bandwidth() / 2;
          const colour = point.flagged ? palette.flagged : palette.estimate;
          return (
            <g key={i}>
              <title>{point.label}</title>
              <text x={-8} y={cy} dy="0.32em" textAnchor="end" fontSize={12} fill="currentColor">
                {shortLabel(point.label, Math.floor(left / 6.5))}
              </text>
              {point.low !== null && point.high !== null ? (
                <Whisker low={x(point.low)} high={x(point.high)} cy={cy} cap={5} colour={colour} />
              ) : null}
              {point.estimate !== null ? (
                <circle
                  cx={x(point.estimate)}
                  cy={cy}
                  r={5}
                  fill={point.flagged ? '#ffffff' : colour}
                  stroke={colour}
                  strokeWidth={2}
                />
              ) : null}
            </g>
          );
        })}
        <PercentAxis
          scale={x}
          ticks={ticks}
          top={innerHeight}
          format={(v) => `${Math.round(v * 100)}%`}
        />
      </Group>
    </ChartFrame>
  );
}
