// Moves the reader to the top of a new questionnaire page: header in view, focus on the page's heading.

/**
 * Waits for React to draw the new page, then scrolls the page header into view and focuses
 * the page's first heading (made focusable for the purpose), so keyboard and screen-reader
 * users continue from the top of the new page instead of from a button that is gone.
 *
 * @example
 * model.onCurrentPageChanged.add(() => focusCurrentPage());
 */
export function focusCurrentPage(): void {
  requestAnimationFrame(() => {
    document.querySelector('.page-header')?.scrollIntoView({ block: 'start' });
    const heading = document.querySelector<HTMLElement>(
      '.survey-view .sd-page__title, .survey-view .sd-title h3, .survey-view h2, .survey-view h3',
    );
    if (!heading) return;
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  });
}
