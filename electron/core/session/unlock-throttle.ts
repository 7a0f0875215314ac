/**
 * Growing delay after failed unlock attempts: free for the first three, then 1 s, 2 s, 4 s … up
 * to 5 minutes. Kept in memory only, because a wrong passphrase must leave the vault files
 * untouched byte for byte; Argon2id's cost is the protection against offline guessing.
 */
export class UnlockThrottle {
  private failures = 0;
  private blockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  static delayAfter(failures: number): number {
    if (failures < 3) return 0;
    return Math.min(1000 * 2 ** (failures - 3), 5 * 60 * 1000);
  }

  get failedAttempts(): number {
    return this.failures;
  }

  retryAfterMs(): number {
    return Math.max(0, this.blockedUntil - this.now());
  }

  recordFailure(): void {
    this.failures++;
    this.blockedUntil = this.now() + UnlockThrottle.delayAfter(this.failures);
  }

  /** Returns how many attempts failed before this success, and starts afresh. */
  recordSuccess(): number {
    const failed = this.failures;
    this.failures = 0;
    this.blockedUntil = 0;
    return failed;
  }
}
