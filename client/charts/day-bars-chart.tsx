// A bar chart of responses per submission day, for the fieldwork monitor.

import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { ChartFrame } from './chart-frame';
import { palette } from './palette';

export interface DayBarsChartProps {
  days: { day: string; responses: number }[];
  /** The text alternative: what is drawn and where the figures are. */
  description: string;
  width?: number;
  height?: number;
}

const margin = { top: 8, right: 12, bottom: 40, left: 48 };

/**
 * At most about eight day labels are written under the axis, so they never overlap; every
 * day's figure is in the table the page puts next to the chart.
 *
 * @example
 * <DayBarsChart days={[{ day: '2026-11-02', responses: 40 }]} description="…" />
 */
export function DayBarsChart({ days, description, width = 640, height = 220 }: DayBarsChartProps) {
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scaleBand<string>({
    domain: days.map((d) => d.day),
    range: [0, innerWidth],
    padding: 0.15,
  });
  const max = Math.max(1, ...days.map((d) => d.responses));
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const every = Math.max(1, Math.ceil(days.length / 8));
  return (
    <ChartFrame width={width} height={height} description={description}>
      <Group left={margin.left} top={margin.top}>
        {days.map((d) => (
          <rect
            key={d.day}
            x={x(d.day)}
            y={y(d.responses)}
            width={x.bandwidth()}
            height={innerHeight - y(d.responses)}
            fill={palette.bar}
          />
        ))}
        <AxisLeft
          scale={y}
          numTicks={4}
          stroke={palette.axis}
          tickStroke={palette.axis}
          tickLabelProps={{ fill: palette.axis, fontSize: 11, textAnchor: 'end' }}
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={days.filter((_, i) => i % every === 0).map((d) => d.day)}
          tickFormat={(v) => String(v).slice(5)}
          stroke={palette.axis}
          tickStroke={palette.axis}
          tickLabelProps={{ fill: palette.axis, fontSize: 11, textAnchor: 'middle' }}
        />
      </Group>
    </ChartFrame>
  );
}
