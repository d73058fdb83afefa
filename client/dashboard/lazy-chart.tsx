// The dashboard's charts as one lazily loaded chunk (visx and d3), so text and tables show first and no other page loads it.

import { lazy, Suspense } from 'react';
import type { StackedIntervalChartProps } from '../charts/stacked-interval-chart';

const Chart = lazy(() =>
  import('../charts/stacked-interval-chart').then((m) => ({ default: m.StackedIntervalChart })),
);

/**
 * @example
 * <LazyIntervalChart rows={rows} width={width} description="…" />
 */
export function LazyIntervalChart(props: StackedIntervalChartProps) {
  return (
    <Suspense fallback={null}>
      <Chart {...props} />
    </Suspense>
  );
}
