/**
 * Continuous saving of the notes text. A save starts 300 ms after the last keystroke, and at the
 * latest 1 s after the first unsaved one, so a crash loses at most about a second of typing. Only
 * one save is in flight at a time; what was typed meanwhile goes in the next. A failed save keeps
 * the text and retries with a growing pause; nothing typed is ever dropped.
 */
export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

export interface SaveResult {
  ok: boolean;
  revision?: number;
  /** A conflict or removed notes: retrying will not help. */
  permanent?: boolean;
}

export interface AutosaveOptions {
  save: (text: string, baseRevision: number) => Promise<SaveResult>;
  onState: (state: SaveState, savedAt: number | null) => void;
  idleMs?: number;
  maxWaitMs?: number;
  now?: () => number;
}

export class Autosave {
  private text: string;
  private savedText: string;
  private revision: number;
  private state: SaveState = 'saved';
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private failures = 0;
  private stopped = false;

  constructor(
    initialText: string,
    initialRevision: number,
    private readonly options: AutosaveOptions,
  ) {
    this.text = initialText;
    this.savedText = initialText;
    this.revision = initialRevision;
  }

  get currentRevision(): number {
    return this.revision;
  }

  get isDirty(): boolean {
    return this.text !== this.savedText;
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onState(state, state === 'saved' ? (this.options.now ?? Date.now)() : null);
  }

  /** Called on every change of the text. */
  update(text: string): void {
    if (this.stopped) return;
    this.text = text;
    if (!this.isDirty) return;
    if (this.state === 'saved') this.setState('pending');
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), this.options.idleMs ?? 300);
    this.maxTimer ??= setTimeout(() => void this.flush(), this.options.maxWaitMs ?? 1000);
  }

  /** Saves now (blur, leaving the page); resolves when the text as it is now is saved or failed. */
  async flush(): Promise<void> {
    clearTimeout(this.idleTimer);
    clearTimeout(this.maxTimer);
    this.idleTimer = undefined;
    this.maxTimer = undefined;
    if (this.inFlight) {
      await this.inFlight;
      if (this.isDirty && !this.stopped) return this.flush();
      return;
    }
    if (!this.isDirty || this.stopped) return;
    const text = this.text;
    this.setState('saving');
    this.inFlight = (async () => {
      const result = await this.options.save(text, this.revision).catch((): SaveResult => ({ ok: false }));
      this.inFlight = null;
      if (result.ok && result.revision !== undefined) {
        this.revision = result.revision;
        this.savedText = text;
        this.failures = 0;
        this.setState(this.isDirty ? 'pending' : 'saved');
        if (this.isDirty) this.update(this.text);
        return;
      }
      this.failures++;
      this.setState('failed');
      if (result.permanent) {
        this.stopped = true;
        return;
      }
      const pause = Math.min(500 * 2 ** (this.failures - 1), 10_000);
      this.idleTimer = setTimeout(() => void this.flush(), pause);
    })();
    await this.inFlight;
  }

  /** Stops timers (the editor closes); call `flush` first to keep the last words. */
  dispose(): void {
    this.stopped = true;
    clearTimeout(this.idleTimer);
    clearTimeout(this.maxTimer);
  }
}
