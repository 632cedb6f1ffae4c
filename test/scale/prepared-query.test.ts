// preparedQuery (db/prepared-query.ts): a fixed-shape query compiled once, run with new values in
// the places the builder put its arguments (issue 12: building and compiling cost ~10 µs a query).
import { type Kysely, sql } from 'kysely';
import { preparedQuery } from '../../db/prepared-query.js';
import { memoryArchive } from './memory-archive.js';

describe('preparedQuery', () => {
  let db: Kysely<any>;
  beforeAll(async () => {
    db = memoryArchive();
    await sql`create table t (id text primary key, kind text, n integer)`.execute(db);
    await sql`insert into t values ('a', 'decision', 1), ('b', 'application', 2), ('c', 'decision', 3), ('d', 'other', 4)`.execute(db);
  });
  afterAll(async () => db.destroy());

  it("builds once and binds each call's values where the arguments stood, constants kept, an argument used twice", async () => {
    let builds = 0;
    const find = preparedQuery((q: Kysely<any>, kind: string, min: number) => {
      builds++;
      return q.selectFrom('t').select('id')
        .where((eb) => eb.or([eb('kind', '=', kind), eb('id', '=', kind)])).where('n', '>=', min).where('kind', '!=', 'other').orderBy('id');
    });
    expect(await find(db, 'decision', 2)).toEqual([{ id: 'c' }]);
    expect(await find(db, 'application', 0)).toEqual([{ id: 'b' }]);
    expect(await find(db, 'a', 0)).toEqual([{ id: 'a' }]);
    expect(builds).toBe(1);
  });

  it('refuses a builder that leaves an argument out of the query (its SQL would depend on the value)', async () => {
    const bad = preparedQuery((q: Kysely<any>, kind: string) => q.selectFrom('t').select('id').where('kind', '=', kind === 'x' ? 'x' : 'decision'));
    await expect(bad(db, 'decision')).rejects.toThrow(/not a parameter/);
  });
});
