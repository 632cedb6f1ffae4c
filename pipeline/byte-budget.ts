/**
 * A bound on the bytes of files held in memory at once, across the files in flight: a run counts
 * its files in flight, and eight large PDFs are not eight text files. Holders are served in
 * order; a file larger than the whole budget still gets it, once nothing else is held.
 */
export class ByteBudget {
  private used = 0;
  private readonly waiting: { bytes: number; grant: () => void }[] = [];

  constructor(readonly limit: number) {}

  /** Waits until `bytes` fit, holds them, and gives the function that hands them back (once). */
  hold(bytes: number): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push({ bytes, grant: () => resolve(this.releaser(bytes)) });
      this.serve();
    });
  }

  /** Bytes held now. */
  get held(): number {
    return this.used;
  }

  private serve(): void {
    while (this.waiting.length) {
      const next = this.waiting[0];
      if (this.used > 0 && this.used + next.bytes > this.limit) return;
      this.waiting.shift();
      this.used += next.bytes;
      next.grant();
    }
  }

  private releaser(bytes: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
      this.serve();
    };
  }
}
