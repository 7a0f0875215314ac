import type { OpenVault } from '../vault/vault';
import { fullTextIndexes, SearchStore } from './search-store';

export interface IndexUpkeepOptions {
  /** Pause after a write before upkeep starts, so it falls in the gap before the next autosave. */
  delayMs?: number;
  /** Index pages one merge step may write; keeps one step to a few milliseconds. */
  pagesPerStep?: number;
  /** Time one round may take before it yields and plans the next. */
  budgetMs?: number;
}

/**
 * Tidies the full-text indexes and the write-ahead log between saves. A save only appends a small
 * index segment (migration 5 turns SQLite's automatic merging off); the merging and the checkpoint
 * happen here, shortly after, in bounded steps, so an autosave never waits for them.
 */
export class IndexUpkeep {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly delayMs: number;
  private readonly pagesPerStep: number;
  private readonly budgetMs: number;

  constructor(
    private readonly vault: OpenVault,
    options: IndexUpkeepOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 150;
    this.pagesPerStep = options.pagesPerStep ?? 16;
    this.budgetMs = options.budgetMs ?? 20;
  }

  /** After a write: plan a round, unless one is already planned. */
  soon(): void {
    if (this.timer || this.vault.isClosed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.vault.isClosed) return;
      if (!this.runRound()) this.soon();
    }, this.delayMs);
    this.timer.unref?.();
  }

  /** One round: merge while there is work and budget, then checkpoint. True when nothing is left. */
  runRound(): boolean {
    const store = new SearchStore(this.vault);
    const started = performance.now();
    for (const index of fullTextIndexes) {
      while (!store.mergeStep(index, this.pagesPerStep)) {
        if (performance.now() - started > this.budgetMs) return false;
      }
    }
    this.vault.checkpoint();
    return true;
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
