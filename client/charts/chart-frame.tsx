// The SVG every chart is drawn in: its own size, shrunk (never grown) to fit; an image with a text alternative.

import type { ReactNode } from 'react';

export interface ChartFrameProps {
  width: number;
  height: number;
  /** What is drawn and where its figures are, read by screen readers in place of the image. */
  description: string;
  children: ReactNode;
}

/**
 * @example
 * <ChartFrame width={640} height={220} description="Bar chart of …">…</ChartFrame>
 */
export function ChartFrame({ width, height, description, children }: ChartFrameProps) {
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={description}
    >
      {children}
    </svg>
  );
}
