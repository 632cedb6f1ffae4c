import { sql, type RawBuilder } from 'kysely';

/**
 * A list of ids, written as a JSON array, as one bound parameter for `in`:
 * `where('id', 'in', jsonIdList(JSON.stringify(ids)))`. An `in (?, ?, …)` list is a new SQL text
 * for every length, each prepared anew and crowding the statement cache (db/statement-cache.ts);
 * this is one text whatever the length (and a prepared query's parameter, db/prepared-query.ts),
 * with no limit on the number of ids.
 */
export function jsonIdList(json: string): RawBuilder<string> {
  return sql<string>`(select value from json_each(${json}))`;
}
