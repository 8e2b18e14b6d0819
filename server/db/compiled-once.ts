import { CompiledQuery, type Compilable } from 'kysely';
import type { DbOrTx } from './database.ts';

/**
 * A statement built with Kysely once and run many times, for the reads in front of nearly every
 * request (the person's state, the plan, the lock at the start of a write): building and compiling
 * a query costs more than running it. `build` is called the first time, with placeholder strings
 * where the values go; each run puts the values given for those placeholders in their place. The
 * compiled SQL is the same on every database this app runs on (one Postgres dialect).
 */
export function compiledOnce<Row>(build: (db: DbOrTx) => Compilable<unknown>) {
  let compiled: CompiledQuery | undefined;
  return async (db: DbOrTx, values: Readonly<Record<string, unknown>>): Promise<Row[]> => {
    compiled ??= build(db).compile();
    const parameters = compiled.parameters.map((p) => (typeof p === 'string' && Object.hasOwn(values, p) ? values[p] : p));
    return (await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters))).rows;
  };
}
