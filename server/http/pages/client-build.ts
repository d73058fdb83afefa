// Reads the built client once: its HTML template and, from Vite's manifest, each page's chunks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The client pages the server can name, by their source module in client/. */
export const pageModules = {
  landing: 'landing/landing-page.tsx',
  respondent: 'respondent/respondent-page.tsx',
  'not-found': 'respondent/unknown-path-page.tsx',
  'sign-in': 'workspace/sign-in-page.tsx',
  research: 'workspace/research-page.tsx',
  admin: 'workspace/admin-page.tsx',
  agency: 'workspace/agency-page.tsx',
} as const;

export type ClientPage = keyof typeof pageModules;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** A page's own files, as `/assets/…` URLs. */
export interface PageAssets {
  /** Its chunk and the chunks it imports: needed before it can show anything. */
  scripts: string[];
  styles: string[];
  /** Chunks and styles it imports on demand (the survey renderer): wanted soon, not first. */
  laterScripts: string[];
  laterStyles: string[];
}

export interface ClientBuild {
  /** `dist/client/index.html` as Vite wrote it. */
  template: string;
  assetsOf(page: ClientPage): PageAssets;
}

/**
 * The build in `clientDir`, or undefined when there is none (`npm run build` not run). The
 * entry's own chunk is left out of a page's assets: index.html loads it already.
 *
 * @example
 * const build = readClientBuild('dist/client');
 * build?.assetsOf('respondent').scripts // ['/assets/respondent-page-….js', '/assets/api-client-….js', …]
 */
export function readClientBuild(clientDir: string): ClientBuild | undefined {
  const indexPath = join(clientDir, 'index.html');
  if (!existsSync(indexPath)) return undefined;
  const template = readFileSync(indexPath, 'utf8');
  const manifestPath = join(clientDir, '.vite', 'manifest.json');
  const manifest: Record<string, ManifestChunk> = existsSync(manifestPath)
    ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>)
    : {};
  return {
    template,
    assetsOf(page) {
      const collect = (roots: readonly string[], known: ReadonlySet<string>) => {
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (key: string): void => {
          const chunk = manifest[key];
          const url = chunk && `/${chunk.file}`;
          if (!chunk || !url || key === 'index.html' || scripts.has(url) || known.has(url)) return;
          scripts.add(url);
          for (const css of chunk.css ?? []) styles.add(`/${css}`);
          for (const imported of chunk.imports ?? []) visit(imported);
        };
        roots.forEach(visit);
        return { scripts, styles };
      };
      const first = collect([pageModules[page]], new Set());
      const dynamic = [...first.scripts].flatMap((url) => {
        const key = Object.keys(manifest).find((k) => `/${manifest[k]?.file}` === url);
        return (key && manifest[key]?.dynamicImports) || [];
      });
      const later = collect(dynamic, first.scripts);
      return {
        scripts: [...first.scripts],
        styles: [...first.styles],
        laterScripts: [...later.scripts],
        laterStyles: [...later.styles],
      };
    },
  };
}
