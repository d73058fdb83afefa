// Writes the HTML a page starts as: the header and a line saying what is loading (or what is wrong), before any script runs.
import type { ClientBuild } from './client-build.ts';
import type { PageForPath } from './page-for-path.ts';
import { shellText, type ShellLang } from './shell-text.ts';

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The built `index.html` with, for this path and language: `<html lang>` and `data-page`
 * (the client reads it to show the problem page without loading the survey renderer), the
 * title, preloads of the page's own chunks (so they download alongside the entry script, not
 * after it), and inside `#root` the markup of the page's first state, styled by base.css.
 * React replaces it when it renders.
 *
 * @example
 * renderShell(build, { page: 'not-found' }, 'en') // '<!doctype html><html lang="en" data-page="not-found">…Unknown link…'
 */
export function renderShell(build: ClientBuild, page: PageForPath, lang: ShellLang): string {
  const t = shellText[lang];
  const { scripts, styles, laterScripts, laterStyles } = build.assetsOf(page.page);
  const low = (yes: boolean): string => (yes ? ' fetchpriority="low"' : '');
  const script = (src: string, later: boolean): string =>
    `<link rel="modulepreload" crossorigin href="${escapeHtml(src)}"${low(later)}>`;
  const style = (href: string, later: boolean): string =>
    `<link rel="preload" as="style" crossorigin href="${escapeHtml(href)}"${low(later)}>`;
  // On a slow link every idle round trip counts: the survey renderer starts downloading now,
  // at low priority, instead of after the page's own code has arrived and asked for it.
  const preloads = [
    ...scripts.map((src) => script(src, false)),
    ...styles.map((href) => style(href, false)),
    ...laterScripts.map((src) => script(src, true)),
    ...laterStyles.map((href) => style(href, true)),
  ].join('');
  const title = page.page === 'not-found' ? t.unknownLinkTitle : t.projectName;
  const context =
    page.page === 'respondent' && page.agencyName
      ? `<p class="page-context">${escapeHtml(t.agencyLine(page.agencyName))}</p>`
      : '';
  const content =
    page.page === 'not-found'
      ? `<section class="notice notice-problem" data-problem="unknown-link"><h1>${escapeHtml(t.unknownLinkTitle)}</h1><p>${escapeHtml(t.unknownLinkBody)}</p></section>`
      : `<p class="page-loading" aria-busy="true">${escapeHtml(page.page === 'respondent' ? t.loadingQuestionnaire : t.loading)}</p>`;
  const root =
    `<div id="root"><header class="page-header"><div class="page-header-text">` +
    `<p class="project-name">${escapeHtml(t.projectName)}</p>${context}</div></header>` +
    `<main class="page-main">${content}<noscript><p class="notice">${escapeHtml(t.needsJavaScript)}</p></noscript></main></div>`;
  return build.template
    .replace(/<html lang="[^"]*"/, `<html lang="${lang}" data-page="${page.page}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(title)}</title>`)
    .replace('</head>', `${preloads}</head>`)
    .replace('<div id="root"></div>', root);
}
