export { ArchiveWriter, defaultGroupCommit, type ArchiveDb, type GroupCommitOptions } from './archive-writer.js';
export { StagePool, StagePoolUnavailableError, type StageJob, type StageReply } from './stage-pool.js';
