// The parts the interval charts share: a label cut to fit, grid lines and axis on a proportion scale, an interval whisker.

import { AxisBottom } from '@visx/axis';
import type { scaleLinear } from '@visx/scale';
import { palette } from './palette';

/** A linear scale from proportions to pixels, as `scaleLinear` makes it. */
type ProportionScale = ReturnType<typeof scaleLinear<number>>;

/**
 * Cuts a long label to `chars` characters (at least one, then `…`) so it fits its margin; the
 * full text is in the chart's table and tooltip.
 *
 * @example
 * shortLabel('Kabupaten Humbang Hasundutan', 12) // 'Kabupaten H…'
 */
export const shortLabel = (text: string, chars: number): string =>
  text.length > chars ? `${text.slice(0, Math.max(1, chars - 1))}…` : text;

/**
 * Vertical grid lines at `ticks` (proportions) from y 0 to `height` (px).
 *
 * @example
 * <PercentGrid scale={x} ticks={[0, 0.5, 1]} height={200} />
 */
export function PercentGrid({
  scale,
  ticks,
  height,
}: {
  scale: ProportionScale;
  ticks: readonly number[];
  height: number;
}) {
  return (
    <>
      {ticks.map((tick) => (
        <line
          key={tick}
          x1={scale(tick)}
          x2={scale(tick)}
          y1={0}
          y2={height}
          stroke={palette.grid}
        />
      ))}
    </>
  );
}

/**
 * The bottom axis at y `top` (px), ticks at `ticks` written by `format` (a proportion to text).
 *
 * @example
 * <PercentAxis scale={x} ticks={[0, 0.5, 1]} top={200} format={(v) => `${v * 100}%`} />
 */
export function PercentAxis({
  scale,
  ticks,
  top,
  format,
}: {
  scale: ProportionScale;
  ticks: readonly number[];
  top: number;
  format: (value: number) => string;
}) {
  return (
    <AxisBottom
      top={top}
      scale={scale}
      tickValues={[...ticks]}
      tickFormat={(v) => format(Number(v))}
      stroke={palette.axis}
      tickStroke={palette.axis}
      tickLabelProps={{ fill: palette.axis, fontSize: 11, textAnchor: 'middle' }}
    />
  );
}

/**
 * A confidence interval from `low` to `high` (px) at height `cy`, with end caps reaching `cap`
 * px above and below.
 *
 * @example
 * <Whisker low={x(0.2)} high={x(0.4)} cy={12} cap={5} colour="#1f4e79" />
 */
export function Whisker({
  low,
  high,
  cy,
  cap,
  colour,
}: {
  low: number;
  high: number;
  cy: number;
  cap: number;
  colour: string;
}) {
  return (
    <g stroke={colour} strokeWidth={2}>
      <line x1={low} x2={high} y1={cy} y2={cy} />
      <line x1={low} x2={low} y1={cy - cap} y2={cy + cap} />
      <line x1={high} x2={high} y1={cy - cap} y2={cy + cap} />
    </g>
  );
}
