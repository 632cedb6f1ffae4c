import { type Kysely } from 'kysely';

// The owner lookup of the link step (pipeline/link.ts) returns up to 200 documents of a kommun;
// a row whose title is less than STRONG_LINK_TITLE alike links only with every support, the
// period overlap among them. With the period in the covering index those rows are ruled out from
// the index alone, before their facts are read: in the 100 000-document bench archive the owner
// lookup's rows were most of the candidates whose field values were read, at random places in a
// 2.8 GB file (issue 12).

const BEFORE = ['kind', 'owner_key', 'title_key', 'id', 'sha256'];
const AFTER = ['kind', 'owner_key', 'title_key', 'period_start', 'period_end', 'id', 'sha256'];

async function ownerCover(db: Kysely<any>, columns: string[]): Promise<void> {
  await db.schema.dropIndex('documents_owner_cover').ifExists().execute();
  await db.schema.createIndex('documents_owner_cover').on('documents').columns(columns).execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await ownerCover(db, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await ownerCover(db, BEFORE);
}
