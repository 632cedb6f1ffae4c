export { ArchiveWriter, defaultGroupCommit, type ArchiveDb, type GroupCommitOptions } from './archive-writer.js';
