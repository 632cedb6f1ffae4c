export { ArchiveWriter, defaultGroupCommit, type ArchiveDb, type GroupCommitOptions } from './archive-writer.js';
export { JOBS_PER_THREAD, StagePool, StagePoolUnavailableError, type StageJob, type StageReady, type StageReply } from './stage-pool.js';
export { WalCheckpointer, type CheckpointReply } from './wal-checkpointer.js';
