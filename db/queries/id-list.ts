import { sql, type RawBuilder } from 'kysely';

/**
 * A list of ids as one bound JSON parameter, for `in`: `where('id', 'in', idList(ids))`. An
 * `in (?, ?, …)` list is a new SQL text for every length, each prepared anew and crowding the
 * statement cache (db/statement-cache.ts); this is one text whatever the length, with no limit
 * on the number of ids.
 */
export function idList(ids: readonly string[]): RawBuilder<string> {
  return jsonIdList(JSON.stringify(ids));
}

/** idList of ids already written as a JSON array (a prepared query's parameter, db/prepared-query.ts). */
export function jsonIdList(json: string): RawBuilder<string> {
  return sql<string>`(select value from json_each(${json}))`;
}
