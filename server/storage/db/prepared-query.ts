// Builds and compiles a hot query once, then runs it with new parameters: Kysely otherwise rebuilds it per call.
import type { Compilable, CompiledQuery, Kysely, QueryResult } from 'kysely';
import { dialectOf, type DialectName } from './dialect.ts';

type Argument = string | number;

interface Template {
  compiled: CompiledQuery;
  /** For each parameter of the compiled query, the argument it takes, or -1 for a constant. */
  argumentAt: number[];
}

/**
 * Wraps a query builder so it is built and compiled once per dialect, with marker strings in
 * place of the arguments; each call only swaps in the real values. Building, transforming
 * and compiling cost more than running a primary-key lookup on SQLite, so the submission
 * path's queries use this. Arguments must be bound values (strings or numbers), never
 * identifiers or SQL fragments.
 *
 * @example
 * const findName = preparedQuery((db: Kysely<Database>, code: string) =>
 *   db.selectFrom('agencies').select('name').where('code', '=', code));
 * const { rows } = await findName(db, 'kab-sleman');
 */
export function preparedQuery<DB, A extends Argument[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (db: Kysely<DB>, ...args: A) => Promise<QueryResult<R>> {
  const templates = new Map<DialectName, Template>();
  return async (db, ...args) => {
    const dialect = dialectOf(db);
    let template = templates.get(dialect);
    if (!template) {
      template = compileTemplate(db, build, args.length);
      templates.set(dialect, template);
    }
    const { compiled, argumentAt } = template;
    const parameters = compiled.parameters.map((value, i) => {
      const index = argumentAt[i]!;
      return index < 0 ? value : args[index];
    });
    return db.executeQuery<R>({ ...compiled, parameters });
  };
}

function compileTemplate<DB, A extends Argument[], R>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
  arity: number,
): Template {
  // NUL never occurs in real values, so a marker cannot be mistaken for a constant.
  const markers = Array.from({ length: arity }, (_, i) => `\u0000argument ${i}\u0000`);
  const compiled = build(db, ...(markers as A)).compile();
  const argumentAt = compiled.parameters.map((value) => markers.indexOf(value as string));
  markers.forEach((_, i) => {
    if (!argumentAt.includes(i)) {
      throw new Error(`preparedQuery: argument ${i} is not a bound parameter of the query`);
    }
  });
  return { compiled, argumentAt };
}
