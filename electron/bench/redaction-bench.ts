import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect, preloadDutchWords } from '../../shared/redaction';
import { adversarialTexts } from '../../shared/test-support/adversarial-texts';

/**
 * Redaction speed: throughput of detect() over Dutch liaison-note text, one summary of about 2 000
 * characters after another on one thread, and the time to re-detect a 2 000-character summary
 * after one keystroke (what live highlighting does), and the worst case: the slowest of the
 * generated adversarial texts (short units of every detector's vocabulary repeated). Figures only.
 */

export interface RedactionBench {
  loadMs: number;
  megabytes: number;
  throughputMBps: number;
  throughputCpuMBps: number;
  keystrokes: number;
  keystrokeMedianMs: number;
  keystrokeP95Ms: number;
  keystrokeMaxMs: number;
  /** The slowest adversarial text, its size, and its throughput (wall clock and CPU time of the thread). */
  worstShape: string;
  worstKilobytes: number;
  worstMBps: number;
  worstCpuMBps: number;
  adversarialTexts: number;
}

/** Each adversarial text once, timed; the slowest by CPU time of this thread. */
function worstCase(kilobytes: number): Pick<RedactionBench, 'worstShape' | 'worstKilobytes' | 'worstMBps' | 'worstCpuMBps' | 'adversarialTexts'> {
  const texts = adversarialTexts(kilobytes * 1000);
  let worst = { name: '', seconds: 0, cpuSeconds: 0 };
  for (const { name, text } of texts) {
    const cpu0 = process.threadCpuUsage();
    const t0 = performance.now();
    detect(text);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.threadCpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (cpuSeconds > worst.cpuSeconds) worst = { name, seconds, cpuSeconds };
  }
  const mb = (kilobytes * 1000) / 1e6;
  return {
    worstShape: worst.name,
    worstKilobytes: kilobytes,
    worstMBps: mb / worst.seconds,
    worstCpuMBps: mb / worst.cpuSeconds,
    adversarialTexts: texts.length,
  };
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Summaries of about 2 000 characters built from the sentences of the evaluation corpus. */
function summaries(root: string): string[] {
  const sentences = readFileSync(join(root, 'electron', 'tooling', 'redaction-corpus', 'corpus.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const out: string[] = [];
  let current = '';
  for (let i = 0; out.length < 64; i = (i + 7) % sentences.length) {
    current += `${sentences[i]} `;
    if (current.length >= 2000) {
      out.push(current.slice(0, 2000));
      current = '';
    }
  }
  return out;
}

export function benchRedaction(root: string, megabytes = Number(process.env.OBI_BENCH_REDACT_MB ?? 4)): RedactionBench {
  const start = performance.now();
  preloadDutchWords();
  detect('Gesprek met Karim Haddad in Apeldoorn.');
  const loadMs = performance.now() - start;

  const texts = summaries(root);
  // Warm the compiled code on other texts than the ones measured.
  for (const t of texts.slice(0, 16)) detect(t);

  const target = megabytes * 1_000_000;
  let chars = 0;
  // CPU time of this thread only: other processes on a shared machine do not count, nor do the
  // garbage collector's helper threads.
  const cpu0 = process.threadCpuUsage();
  const t0 = performance.now();
  for (let i = 0; chars < target; i++) {
    const t = texts[i % texts.length]!;
    detect(t);
    chars += t.length;
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.threadCpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;

  // Typing: insert one letter at a moving position of a 2 000-character summary and re-detect.
  const times: number[] = [];
  let summary = texts[3]!;
  for (let k = 0; k < 400; k++) {
    const at = (k * 37) % summary.length;
    summary = `${summary.slice(0, at)}${'aeiourstn'[k % 9]}${summary.slice(at + 1)}`;
    const a = performance.now();
    detect(summary);
    times.push(performance.now() - a);
  }
  return {
    loadMs,
    megabytes: chars / 1e6,
    throughputMBps: chars / 1e6 / seconds,
    throughputCpuMBps: chars / 1e6 / cpuSeconds,
    keystrokes: times.length,
    keystrokeMedianMs: quantile(times, 0.5),
    keystrokeP95Ms: quantile(times, 0.95),
    keystrokeMaxMs: Math.max(...times),
    ...worstCase(Number(process.env.OBI_BENCH_ADVERSARIAL_KB ?? 256)),
  };
}
