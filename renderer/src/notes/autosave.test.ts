import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type SaveResult } from './autosave';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function harness(answer: (text: string, rev: number) => SaveResult | Promise<SaveResult> = (_t, rev) => ({ ok: true, revision: rev + 1 })) {
  const saves: Array<[string, number]> = [];
  const states: string[] = [];
  const auto = new Autosave('', 1, {
    save: async (text, rev) => {
      saves.push([text, rev]);
      return answer(text, rev);
    },
    onState: (s) => states.push(s),
  });
  return { auto, saves, states };
}

describe('notes autosave', () => {
  it('saves 300 ms after the last keystroke', async () => {
    const { auto, saves } = harness();
    auto.update('Hallo');
    await vi.advanceTimersByTimeAsync(299);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saves).toEqual([['Hallo', 1]]);
    expect(auto.currentRevision).toBe(2);
    expect(auto.isDirty).toBe(false);
  });

  it('saves at least once a second while typing never pauses', async () => {
    const { auto, saves } = harness();
    let text = '';
    for (let t = 0; t < 2500; t += 100) {
      text += 'a';
      auto.update(text);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(saves.length).toBeGreaterThanOrEqual(2);
    expect(saves[0]![0]).toHaveLength(10);
  });

  it('keeps one save in flight and sends what was typed meanwhile next, on the new revision', async () => {
    let release: (r: SaveResult) => void = () => undefined;
    const { auto, saves } = harness((_t, rev) => new Promise<SaveResult>((r) => (release = () => r({ ok: true, revision: rev + 1 }))));
    auto.update('one');
    await vi.advanceTimersByTimeAsync(300);
    auto.update('one two');
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([['one', 1]]);
    release({ ok: true });
    await vi.advanceTimersByTimeAsync(400);
    expect(saves).toEqual([
      ['one', 1],
      ['one two', 2],
    ]);
  });

  it('keeps the text and retries after a failure, with a growing pause', async () => {
    let fail = 2;
    const { auto, saves, states } = harness((_t, rev) => (fail-- > 0 ? { ok: false } : { ok: true, revision: rev + 1 }));
    auto.update('Belangrijk');
    await vi.advanceTimersByTimeAsync(300);
    expect(states).toContain('failed');
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toHaveLength(3);
    expect(saves.every(([t]) => t === 'Belangrijk')).toBe(true);
    expect(states.at(-1)).toBe('saved');
  });

  it('stops on a permanent failure (conflict) instead of overwriting', async () => {
    const { auto, saves, states } = harness(() => ({ ok: false, permanent: true }));
    auto.update('x');
    await vi.advanceTimersByTimeAsync(300);
    auto.update('xy');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saves).toHaveLength(1);
    expect(states.at(-1)).toBe('failed');
  });

  it('flushes on demand, also while a timer is pending', async () => {
    const { auto, saves } = harness();
    auto.update('laatste woorden');
    await auto.flush();
    expect(saves).toEqual([['laatste woorden', 1]]);
  });
});
