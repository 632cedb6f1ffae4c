import { type Kysely, sql } from 'kysely';

// The page image an OCR'd page was read from (downscaled grayscale PNG), so the review page can
// show a value on its scan with tesseract's word boxes over it. Its own table keeps the pages
// table lean for search and export. Keyed by content (sha256, n), like pages; not cascaded from
// pages because reprocess re-stores pages from the archive without the image bytes, and an image
// of the same bytes' page stays true. A re-load that renders the page again overwrites it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('page_images')
    .addColumn('sha256', 'text', (c) => c.notNull().references('files.sha256').onDelete('cascade'))
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('png', 'blob', (c) => c.notNull())
    /** Pixel size of the stored PNG (word boxes are in pages.width/height; the viewer scales). */
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('page_images_pk', ['sha256', 'n'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists page_images`.execute(db);
}

/** page_images as queries read it (db/schema.ts stays the lead's): `db.withTables<{ page_images: PageImagesTable }>()`. */
export interface PageImagesTable {
  sha256: string;
  n: number;
  png: Uint8Array;
  width: number;
  height: number;
}
