interface PendingWait {
  check: () => boolean;
  reject: (error: Error) => void;
}

/**
 * Promises that resolve once a condition on the stand-in's state holds. Every state change
 * calls {@link Waiters.notify}, which re-checks all pending conditions; a condition that holds
 * already resolves at once, so a test never misses an event that came before it started waiting.
 */
export class Waiters {
  readonly #pending = new Set<PendingWait>();
  #closed = false;

  constructor(private readonly defaultTimeoutMs: number) {}

  /**
   * Resolves with the first non-undefined value of `find()`, checked now and after each
   * change; rejects after `timeoutMs` with `FakeDiscord: timed out after … waiting for <what>`.
   */
  waitFor<T>(what: string, find: () => T | undefined, timeoutMs = this.defaultTimeoutMs): Promise<T> {
    if (this.#closed) return Promise.reject(new Error(`FakeDiscord: closed while waiting for ${what}`));
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const wait: PendingWait = {
        check: () => {
          const value = find();
          if (value === undefined) return false;
          finish();
          resolve(value);
          return true;
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      };
      const timer = setTimeout(
        () => wait.reject(new Error(`FakeDiscord: timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      const finish = () => {
        clearTimeout(timer);
        this.#pending.delete(wait);
      };
      this.#pending.add(wait);
    });
  }

  /** Re-checks every pending condition; call after each change of state. */
  notify(): void {
    for (const wait of [...this.#pending]) wait.check();
  }

  /** Rejects every pending wait; later waits reject at once. */
  close(): void {
    this.#closed = true;
    for (const wait of [...this.#pending]) wait.reject(new Error('FakeDiscord: closed while waiting'));
  }
}
