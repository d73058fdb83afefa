// Reads every import in the source tree and fails when a module boundary of the house style is crossed.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const topFolders = ['surveys', 'analysis', 'server', 'client'] as const;
type TopFolder = (typeof topFolders)[number];

interface ImportRef {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

const importPattern =
  /^\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(entry.name)) out.push(path);
    }
  };
  walk(join(root, folder));
  return out;
}

interface SourceFile {
  path: string;
  text: string;
}

function importsOf({ path: file, text }: SourceFile): ImportRef[] {
  const refs: ImportRef[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4];
    if (specifier) refs.push({ file, specifier, typeOnly: Boolean(match[2]) });
  }
  return refs;
}

/** The project folder a relative import lands in, or undefined for a package import. */
function targetFolder(ref: ImportRef): TopFolder | 'other' | undefined {
  if (!ref.specifier.startsWith('.')) return undefined;
  const target = relative(root, resolve(dirname(ref.file), ref.specifier));
  const top = target.split(sep)[0];
  return topFolders.find((f) => f === top) ?? 'other';
}

const nodeBuiltin = (s: string) => s.startsWith('node:');
const storageOrServer = (s: string) =>
  /^(kysely|better-sqlite3|pg|hono|@hono\/)/.test(s) || nodeBuiltin(s);
const uiPackage = (s: string) => /^(react|react-dom|survey-react-ui)(\/|$)/.test(s);

/** Why a folder may not import a package, or undefined when it may. */
function packageRule(folder: TopFolder, specifier: string): string | undefined {
  const pure = folder === 'surveys' || folder === 'analysis';
  if (pure && (storageOrServer(specifier) || uiPackage(specifier)))
    return `${folder} must stay free of I/O, servers and UI`;
  if (folder === 'client' && storageOrServer(specifier) && !specifier.startsWith('hono/client'))
    return 'the client may not import server or storage packages';
  if (folder === 'server' && uiPackage(specifier)) return 'only client/ renders UI';
  return undefined;
}

/** Returns a message for each import that crosses a boundary. */
function violations(folder: TopFolder, files: SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    for (const ref of importsOf(file)) {
      const where = `${relative(root, file.path)} imports '${ref.specifier}'`;
      const target = targetFolder(ref);
      if (target === 'other') problems.push(`${where}: outside the source folders`);
      if (target && target !== folder) {
        const allowed =
          (folder === 'analysis' && target === 'surveys' && ref.typeOnly) ||
          (folder === 'server' && (target === 'surveys' || target === 'analysis')) ||
          (folder === 'client' &&
            (target === 'surveys' ||
              target === 'analysis' ||
              (target === 'server' && ref.typeOnly)));
        if (!allowed) problems.push(`${where}: ${folder} may not import ${target}`);
      }
      if (target) continue;
      const packageProblem = packageRule(folder, ref.specifier);
      if (packageProblem) problems.push(`${where}: ${packageProblem}`);
    }
  }
  return problems;
}

/** The layer of server/ a file belongs to (ARCHITECTURE.md, "Inside the server"). */
type ServerLayer = 'http' | 'services' | 'storage' | 'cli' | 'root';

function serverLayerOf(path: string): ServerLayer {
  const [top, layer] = relative(root, path).split(sep);
  if (top !== 'server') throw new Error(`${path} is not in server/`);
  return layer === 'http' || layer === 'services' || layer === 'storage' || layer === 'cli'
    ? layer
    : 'root';
}

/**
 * Layers a server layer may not import: a request walks http → services → storage, so storage
 * knows nothing above it and services know nothing of HTTP. Estimates come only from services:
 * elsewhere in server/ (commands included, which stay thin over services) analysis/ may be
 * imported for its types alone.
 */
function layerViolations(files: SourceFile[]): string[] {
  const forbidden: Record<ServerLayer, ServerLayer[]> = {
    http: [],
    services: ['http', 'cli'],
    storage: ['http', 'services', 'cli'],
    cli: ['http'],
    root: [],
  };
  const problems: string[] = [];
  for (const file of files) {
    const from = serverLayerOf(file.path);
    for (const ref of importsOf(file)) {
      const target = targetFolder(ref);
      const where = `${relative(root, file.path)} imports '${ref.specifier}'`;
      if (target === 'analysis' && !ref.typeOnly && from !== 'services')
        problems.push(`${where}: only server/services may compute estimates`);
      if (target !== 'server') continue;
      const to = serverLayerOf(resolve(dirname(file.path), ref.specifier));
      if (forbidden[from].includes(to)) problems.push(`${where}: ${from} may not import ${to}`);
    }
  }
  return problems;
}

const sourceFolders = [...topFolders, 'tests', 'bench'];

describe('module boundaries', () => {
  it('has every source file start with a one-line comment saying what it is for', () => {
    const missing = sourceFolders
      .flatMap(sourceFiles)
      .filter((path) => !/^\/\/ \S.+/.test(readFileSync(path, 'utf8').split('\n')[0] ?? ''))
      .map((path) => relative(root, path));
    expect(missing).toEqual([]);
  });

  it.each(topFolders)('%s imports only what the house style allows', (folder) => {
    const files = sourceFiles(folder).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(violations(folder, files)).toEqual([]);
  });

  it('keeps the server layered: storage below services below http', () => {
    const files = sourceFiles('server').map((path) => ({ path, text: readFileSync(path, 'utf8') }));
    expect(layerViolations(files)).toEqual([]);
  });

  it('reports storage that reaches up into services, and HTTP or command code that computes estimates', () => {
    const files = [
      {
        path: join(root, 'server', 'storage', 'repositories', 'leaky.ts'),
        text: "import { submitResponse } from '../../services/submissions/submit-response.ts';",
      },
      {
        path: join(root, 'server', 'http', 'routes', 'leaky.ts'),
        text: [
          "import { estimateProportions } from '../../../analysis/index.ts';",
          "import type { CellCounts } from '../../../analysis/cells.ts';",
        ].join('\n'),
      },
      {
        path: join(root, 'server', 'cli', 'leaky.ts'),
        text: [
          "import { rake } from '../../analysis/index.ts';",
          "import type { DomainSpec } from '../../analysis/index.ts';",
        ].join('\n'),
      },
    ];
    expect(layerViolations(files)).toHaveLength(3);
  });

  it('reports analysis code that reaches into the server, the file system or React', () => {
    const file = {
      path: join(root, 'analysis', 'leaky.ts'),
      text: [
        "import { createApp } from '../server/app';",
        "import { readFileSync } from 'node:fs';",
        "import type { QuestionnaireDefinition } from '../surveys/types';",
        "const React = await import('react');",
      ].join('\n'),
    };
    expect(violations('analysis', [file])).toHaveLength(3);
  });

  it('lets the client import server types but not server code', () => {
    const file = {
      path: join(root, 'client', 'api.ts'),
      text: "import type { AppType } from '../server/app';\nimport { createApp } from '../server/app';",
    };
    expect(violations('client', [file])).toEqual([
      "client/api.ts imports '../server/app': client may not import server",
    ]);
  });
});
