// A dot-and-whisker chart for phones: each row's label on its own line above its 95% interval, an optional published figure, shaded tie groups.

import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { ChartFrame } from './chart-frame';
import { palette } from './palette';
import { PercentAxis, PercentGrid, shortLabel, Whisker } from './percent-scale-parts';

/** One row: proportions on the 0–1 scale. */
export interface StackedIntervalRow {
  label: string;
  estimate: number | null;
  low: number | null;
  high: number | null;
  /** A published figure drawn as a diamond beside the estimate (0–1 scale). */
  reference?: number | null;
  /** Drawn hollow, so the flag does not depend on colour alone. */
  flagged?: boolean;
  /** Text written instead of any mark: the row is hidden (no figure is drawn). */
  hiddenText?: string;
  /** Rows of one tie group share a shaded band; groups alternate shading. */
  group?: number;
}

export interface StackedIntervalChartProps {
  rows: StackedIntervalRow[];
  /** The text alternative: what is drawn and where the figures are. */
  description: string;
  width: number;
  /** Written at the band's right edge, e.g. `Group 2`. */
  groupLabel?: (group: number) => string;
  /**
   * Start the axis at the tenth below the lowest figure instead of at 0, so intervals of
   * close shares (a ranking) can be told apart; the axis labels say where it starts.
   */
  zoom?: boolean;
}

const rowHeight = 44;
/** Average width of a 12 px system-font character, to cut labels that would not fit. */
const charWidth = 6.4;

const margin = { top: 4, right: 14, bottom: 30, left: 10 };

/** The axis: 0 (or with `zoom` the tenth below the lowest figure) to the tenth above the highest. */
function axisDomain(rows: readonly StackedIntervalRow[], zoom: boolean): [number, number] {
  const values = rows.flatMap((r) =>
    [r.low, r.high, r.estimate, r.reference ?? null].filter((v): v is number => v !== null),
  );
  const top = Math.min(1, Math.ceil(Math.max(0.1, ...values) * 10 - 1e-9) / 10);
  const bottom = zoom ? Math.max(0, Math.floor(Math.min(top, ...values) * 10 + 1e-9) / 10) : 0;
  return [Math.min(bottom, top - 0.1), top];
}

/**
 * Labels sit above their intervals, so at 360 px they keep their full text and the interval
 * keeps the full width. An image with a text alternative: the page puts the same figures in a
 * table next to it.
 *
 * @example
 * <StackedIntervalChart width={360} description="…"
 *   rows={[{ label: 'Sumatera', estimate: 0.3, low: 0.25, high: 0.35, reference: 0.32 }]} />
 */
export function StackedIntervalChart({
  rows,
  description,
  width,
  groupLabel,
  zoom = false,
}: StackedIntervalChartProps) {
  const innerWidth = Math.max(120, width - margin.left - margin.right);
  const height = rows.length * rowHeight + margin.top + margin.bottom;
  const [start, end] = axisDomain(rows, zoom);
  const x = scaleLinear<number>({ domain: [start, end], range: [0, innerWidth] });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => start + t * (end - start));
  const firstOfGroup = rows.map((r, i) => r.group !== undefined && rows[i - 1]?.group !== r.group);
  const labelChars = Math.floor((innerWidth - (groupLabel ? 72 : 0)) / charWidth);
  return (
    <ChartFrame width={width} height={height} description={description}>
      <Group left={margin.left} top={margin.top}>
        {rows.map((row, i) =>
          row.group !== undefined && row.group % 2 === 1 ? (
            <rect
              key={`band-${i}`}
              x={-margin.left}
              y={i * rowHeight}
              width={width}
              height={rowHeight}
              fill={palette.band}
            />
          ) : null,
        )}
        <PercentGrid scale={x} ticks={ticks} height={rows.length * rowHeight} />
        {rows.map((row, i) => {
          const top = i * rowHeight;
          const cy = top + 30;
          const colour = row.flagged ? palette.flagged : palette.estimate;
          return (
            <g key={i}>
              <title>{row.label}</title>
              {/* A halo in the row's background keeps the label readable over the grid lines. */}
              <text
                x={0}
                y={top + 14}
                fontSize={12}
                fill="currentColor"
                stroke={row.group !== undefined && row.group % 2 === 1 ? palette.band : '#ffffff'}
                strokeWidth={4}
                paintOrder="stroke"
              >
                {shortLabel(row.label, labelChars)}
              </text>
              {groupLabel && row.group !== undefined && firstOfGroup[i] ? (
                <text
                  x={innerWidth}
                  y={top + 14}
                  fontSize={11}
                  textAnchor="end"
                  fill={palette.axis}
                >
                  {groupLabel(row.group)}
                </text>
              ) : null}
              {row.hiddenText !== undefined ? (
                <text x={0} y={cy} dy="0.32em" fontSize={12} fontStyle="italic" fill={palette.axis}>
                  {row.hiddenText}
                </text>
              ) : null}
              {row.hiddenText === undefined && row.low !== null && row.high !== null ? (
                <Whisker low={x(row.low)} high={x(row.high)} cy={cy} cap={5} colour={colour} />
              ) : null}
              {row.hiddenText === undefined && row.estimate !== null ? (
                <circle
                  cx={x(row.estimate)}
                  cy={cy}
                  r={4}
                  fill={row.flagged ? '#ffffff' : colour}
                  stroke={colour}
                  strokeWidth={2}
                />
              ) : null}
              {row.hiddenText === undefined && row.reference != null ? (
                <rect
                  x={x(row.reference) - 6}
                  y={cy - 6}
                  width={12}
                  height={12}
                  transform={`rotate(45 ${x(row.reference)} ${cy})`}
                  fill="none"
                  stroke={palette.reference}
                  strokeWidth={2}
                />
              ) : null}
            </g>
          );
        })}
        <PercentAxis
          scale={x}
          ticks={ticks}
          top={rows.length * rowHeight}
          format={(v) => `${Math.round(v * 1000) / 10}%`}
        />
      </Group>
    </ChartFrame>
  );
}
