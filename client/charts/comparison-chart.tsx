// A dot chart of an agency's weighted percentages beside the nation's and its peer group's, each with its 95% interval.

import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { ChartFrame } from './chart-frame';
import { palette } from './palette';
import { PercentAxis, PercentGrid, shortLabel, Whisker } from './percent-scale-parts';

export const seriesKeys = ['agency', 'national', 'peer'] as const;
export type SeriesKey = (typeof seriesKeys)[number];

/** One figure of one series, proportions on the 0–1 scale. */
export type ComparisonValue =
  /** Suppressed by disclosure control: no number is drawn, only `hiddenText`. */
  | { kind: 'hidden' }
  /** A bound stands in for an exact 0% or 100%: drawn as `≥ 90%` at its value. */
  | { kind: 'bound'; side: 'at-least' | 'at-most'; value: number }
  | {
      kind: 'estimate';
      estimate: number;
      low: number | null;
      high: number | null;
      /** Low reliability: the marker is drawn hollow. */
      flagged: boolean;
    }
  /** Shown but without an estimate (an empty base). */
  | { kind: 'none' };

/** One option: its three series and whether the agency differs significantly from the nation. */
export interface ComparisonGroup {
  label: string;
  values: Record<SeriesKey, ComparisonValue>;
  mark: 'higher' | 'lower' | null;
}

export interface ComparisonChartProps {
  groups: ComparisonGroup[];
  /** Short names written before each row, e.g. `Instansi`, `Nasional`, `Sejawat`. */
  seriesLabels: Record<SeriesKey, string>;
  /** Written in place of a suppressed figure, e.g. `disembunyikan`. */
  hiddenText: string;
  /** The text alternative: what is drawn and where the figures are. */
  description: string;
  width?: number;
}

/** Okabe–Ito blue, ink, bluish green: each at least 3:1 against white, and each its own shape. */
export const seriesColours: Record<SeriesKey, string> = {
  agency: palette.estimate,
  national: '#1f2328',
  peer: '#007a5a',
};

const labelHeight = 18;
const rowHeight = 17;
const groupGap = 8;
const margin = { top: 4, right: 22, bottom: 34 };

/** Circle (agency), square (nation), diamond (peers): the series never depend on colour alone. */
function Marker({
  series,
  cx,
  cy,
  hollow,
}: {
  series: SeriesKey;
  cx: number;
  cy: number;
  hollow: boolean;
}) {
  const colour = seriesColours[series];
  const paint = { fill: hollow ? '#ffffff' : colour, stroke: colour, strokeWidth: 2 };
  if (series === 'agency') return <circle cx={cx} cy={cy} r={5} {...paint} />;
  if (series === 'national')
    return <rect x={cx - 4.5} y={cy - 4.5} width={9} height={9} {...paint} />;
  return (
    <polygon
      points={`${cx},${cy - 6} ${cx + 6},${cy} ${cx},${cy + 6} ${cx - 6},${cy}`}
      {...paint}
    />
  );
}

/**
 * Each option is a labelled block of three rows (agency, nation, peers); a suppressed figure is
 * written as `hiddenText`, never drawn; a significant difference is marked ▲ or ▼ after the
 * agency's interval. The figures are in the table the page puts next to it.
 *
 * @example
 * <ComparisonChart groups={[…]} seriesLabels={{ agency: 'Instansi', national: 'Nasional', peer: 'Sejawat' }}
 *   hiddenText="disembunyikan" description="…" width={320} />
 */
export function ComparisonChart({
  groups,
  seriesLabels,
  hiddenText,
  description,
  width = 640,
}: ComparisonChartProps) {
  const left = Math.min(96, Math.round(width * 0.26));
  const innerWidth = Math.max(40, width - left - margin.right);
  const blockHeight = labelHeight + seriesKeys.length * rowHeight + groupGap;
  const innerHeight = Math.max(groups.length, 1) * blockHeight;
  const height = innerHeight + margin.top + margin.bottom;
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, innerWidth] });
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const percent = (v: number) => `${Math.round(v * 100)}%`;
  return (
    <ChartFrame width={width} height={height} description={description}>
      <Group left={left} top={margin.top}>
        <PercentGrid scale={x} ticks={ticks} height={innerHeight} />
        {groups.map((group, g) => {
          const top = g * blockHeight;
          return (
            <g key={g}>
              <title>{group.label}</title>
              <text x={-left} y={top + 13} fontSize={12} fontWeight={600} fill="currentColor">
                {shortLabel(group.label, Math.floor(width / 7))}
              </text>
              {seriesKeys.map((series, i) => {
                const cy = top + labelHeight + i * rowHeight + rowHeight / 2;
                const value = group.values[series];
                const colour = seriesColours[series];
                return (
                  <g key={series}>
                    <text
                      x={-8}
                      y={cy}
                      dy="0.32em"
                      textAnchor="end"
                      fontSize={11}
                      fill="currentColor"
                    >
                      {shortLabel(seriesLabels[series], Math.floor(left / 6.5))}
                    </text>
                    {value.kind === 'hidden' ? (
                      <text
                        x={4}
                        y={cy}
                        dy="0.32em"
                        fontSize={11}
                        fontStyle="italic"
                        fill={palette.axis}
                      >
                        {hiddenText}
                      </text>
                    ) : null}
                    {value.kind === 'bound' ? (
                      <>
                        <Marker series={series} cx={x(value.value)} cy={cy} hollow />
                        <text
                          x={x(value.value) + (value.side === 'at-least' ? -9 : 9)}
                          y={cy}
                          dy="0.32em"
                          textAnchor={value.side === 'at-least' ? 'end' : 'start'}
                          fontSize={11}
                          fill={colour}
                        >
                          {`${value.side === 'at-least' ? '≥' : '≤'} ${percent(value.value)}`}
                        </text>
                      </>
                    ) : null}
                    {value.kind === 'estimate' ? (
                      <>
                        {value.low !== null && value.high !== null ? (
                          <Whisker
                            low={x(value.low)}
                            high={x(value.high)}
                            cy={cy}
                            cap={4}
                            colour={colour}
                          />
                        ) : null}
                        <Marker
                          series={series}
                          cx={x(value.estimate)}
                          cy={cy}
                          hollow={value.flagged}
                        />
                        {series === 'agency' && group.mark ? (
                          <text
                            x={x(value.high ?? value.estimate) + 8}
                            y={cy}
                            dy="0.35em"
                            fontSize={12}
                            fill={colour}
                          >
                            {group.mark === 'higher' ? '▲' : '▼'}
                          </text>
                        ) : null}
                      </>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}
        <PercentAxis scale={x} ticks={ticks} top={innerHeight} format={percent} />
      </Group>
    </ChartFrame>
  );
}
