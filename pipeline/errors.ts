/** Base of every error arende throws on purpose; carries the file (and page) it concerns. */
export class ArendeError extends Error {
  override name = 'ArendeError';
  constructor(message: string, readonly file?: string, readonly page?: number, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** An input that cannot be archived: it becomes a rejection row with this reason, never a crashed batch. */
export class RejectedInputError extends ArendeError {
  override name = 'RejectedInputError';
  constructor(readonly reason: string, file: string, page?: number, options?: { cause?: unknown }) {
    super(`${file}${page ? ` p.${page}` : ''}: ${reason}`, file, page, options);
  }
}

/** The per-file time limit ran out. */
export class FileTimeoutError extends RejectedInputError {
  override name = 'FileTimeoutError';
}

/** The archive is held by another run. */
export class ArchiveLockedError extends ArendeError {
  override name = 'ArchiveLockedError';
}
