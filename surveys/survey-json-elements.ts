// Walks SurveyJS JSON: the pages, and every element in document order with the containers around it.

import type { SurveyJson } from './types.ts';

/** A SurveyJS element (question, panel or page) as plain JSON. */
export type JsonElement = Record<string, unknown>;

/** An element that holds answers or display content, with the page and panels that contain it. */
export interface ElementSite {
  element: JsonElement;
  page: JsonElement;
  /** Enclosing panels, outermost first. */
  panels: JsonElement[];
}

function asElements(value: unknown, where: string): JsonElement[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}: "elements" must be an array`);
  return value.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new Error(`${where}: element ${index} is not an object`);
    }
    return item as JsonElement;
  });
}

/**
 * The pages of a survey. A survey written without `pages` is one implicit page holding its
 * top-level `elements`, as SurveyJS reads it.
 *
 * @example
 * surveyPages({ pages: [{ name: 'p1', elements: [] }] }).length // 1
 */
export function surveyPages(json: SurveyJson): JsonElement[] {
  if (json.pages !== undefined) return asElements(json.pages, 'survey pages');
  return [{ name: 'page1', elements: json.elements ?? [] }];
}

/**
 * Every non-panel element in document order, panels flattened, each with its page and the
 * panels around it (so their conditions can be applied too).
 *
 * @example
 * surveyElements(json).map((site) => site.element.name) // ['A4', 'A5', …]
 */
export function surveyElements(json: SurveyJson): ElementSite[] {
  const sites: ElementSite[] = [];
  const visit = (elements: JsonElement[], page: JsonElement, panels: JsonElement[]): void => {
    for (const element of elements) {
      if (element.type === 'panel') {
        visit(asElements(element.elements, `panel ${String(element.name)}`), page, [
          ...panels,
          element,
        ]);
      } else {
        sites.push({ element, page, panels });
      }
    }
  };
  for (const page of surveyPages(json)) {
    visit(asElements(page.elements, `page ${String(page.name)}`), page, []);
  }
  return sites;
}
