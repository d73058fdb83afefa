// A table that may be wider than a phone: scrolls sideways in its own box, which keyboard users can focus and scroll.

import type { ReactNode } from 'react';

export interface TableBoxProps {
  /** Names the scrolling region for screen readers. */
  label: string;
  children: ReactNode;
}

/**
 * @example
 * <TableBox label="Table: ranking"><table>…</table></TableBox>
 */
export function TableBox({ label, children }: TableBoxProps) {
  return (
    // A focusable region: a box that scrolls must be reachable by keyboard (WCAG 2.1.1).
    <div className="table-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
