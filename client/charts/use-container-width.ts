// The width of the element a chart sits in, followed as it resizes, so charts are drawn at their real size.

import { useEffect, useState } from 'react';

/**
 * A ref for the container and its content width in CSS pixels (`fallback` until measured), so
 * text in the SVG keeps its size on a phone instead of being scaled down with the drawing.
 *
 * @example
 * const [ref, width] = useContainerWidth(640);
 * <div ref={ref}><IntervalChart width={width} … /></div>
 */
export function useContainerWidth(fallback: number) {
  // A callback ref: the container may appear later than the component (after data loads).
  const [element, ref] = useState<HTMLElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.floor(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [ref, width] as const;
}
