import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { IndexUpkeep } from '../core/capture/index-upkeep';
import { Meetings } from '../core/capture/meetings';
import { search } from '../core/capture/search';
import { defaultArgon2 } from '../core/vault/key-slots';
import { probeSqlCipher } from '../core/vault/sqlcipher';
import { createVault, type RekeyStep } from '../core/vault/vault';
import { dbPath } from '../core/vault/vault-files';
import { captureDeps } from '../core/wiring';
import { mulberry32 } from '../../shared/test-support/seeded-random';
import { benchQueryWords, generateCapture } from './seeded-capture';
import { benchBundles } from './bundle-bench';
import { benchCentral } from './central-bench';
import { benchmarkPage } from './benchmark-page';
import { benchEngine } from './engine-bench';
import { benchFenomeenbeeld } from './fenomeenbeeld-bench';
import { benchKAnonymity } from './k-anonymity-bench';
import { benchRedaction } from './redaction-bench';
import { benchTransport } from './transport-bench';

/**
 * `npm run bench`: figures only, no pass or fail. Speeds of the encrypted vault are reported as a
 * ratio against the same workload on a plain SQLite file in the same run, so the machine's own
 * speed cancels out.
 */

const passphrase = 'bench passphrase that is long enough';
const rows = Number(process.env.OBI_BENCH_ROWS ?? 50_000);
const coldRows = 100_000;
const repeats = 5;

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;
const captureMeetings = Number(process.env.OBI_BENCH_MEETINGS ?? 100_000);

const time = async (fn: () => unknown) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/** Delivery over loopback TLS: bundles per second and MB/s for each size, or why it did not run. */
function transportRows(t: Awaited<ReturnType<typeof benchTransport>>, f: (x: number, d?: number) => string): Array<[string, string]> {
  if ('skipped' in t) return [['delivery over WebDAV with mutual TLS (loopback, Apache)', `not run: ${t.skipped}`]];
  return (['small', 'large'] as const).map((size) => {
    const r = t[size];
    return [
      `delivery over WebDAV with mutual TLS (loopback, Apache): ${f(r.bundles)} bundles of ${f(r.bytes / 1024)} KiB, signature first, If-None-Match`,
      `${f(r.bundles / r.seconds, 1)} bundles/s, ${f((r.bundles * r.bytes) / 1_000_000 / r.seconds, 1)} MB/s`,
    ];
  });
}

async function main(): Promise<void> {
  const { version } = probeSqlCipher();
  const work = mkdtempSync(join(tmpdir(), 'obi-bench-'));
  try {
    const { unlock, encrypted: enc, plain: pln, coldOpenMs } = await benchEngine(work, passphrase, rows, coldRows, repeats);

    // Capture: a vault of 100 000 meetings and 200 000 signals from the seeded generator.
    const capDir = join(work, 'capture');
    const cap = await createVault(capDir, passphrase);
    const genStart = performance.now();
    generateCapture(cap.vault, captureMeetings, 2);
    const generateSeconds = (performance.now() - genStart) / 1000;
    const meetingsStore = new Meetings(cap.vault, captureDeps(cap.vault));
    const rnd = mulberry32(7);
    const saveMs: number[] = [];
    const upkeepMs: number[] = [];
    // As in the app: an upkeep round follows each save in the pause before the next autosave.
    const upkeep = new IndexUpkeep(cap.vault);
    upkeep.runRound();
    for (let i = 0; i < 1000; i++) {
      const id = 1 + Math.floor(rnd() * captureMeetings);
      const current = meetingsStore.notes(id);
      const start = performance.now();
      meetingsStore.saveNotes(id, `${current.body} aanvulling`, current.revision);
      saveMs.push(performance.now() - start);
      const upkeepStart = performance.now();
      upkeep.runRound();
      upkeepMs.push(performance.now() - upkeepStart);
    }
    const searchMs: number[] = [];
    const provincesForFilter = ['Overijssel', 'Zuid-Holland', 'Utrecht'];
    for (let i = 0; i < 300; i++) {
      const word = benchQueryWords[Math.floor(rnd() * benchQueryWords.length)]!;
      const second = i % 3 === 0 ? ` ${benchQueryWords[Math.floor(rnd() * benchQueryWords.length)]!}` : '';
      const filters = i % 4 === 0 ? { province: provincesForFilter[i % 3]!, tags: ['nl-obi:state-actor="IR"'] } : {};
      const start = performance.now();
      search(cap.vault, `${word}${second}`, filters, 50);
      searchMs.push(performance.now() - start);
    }
    const rssMiB = process.memoryUsage().rss / 1024 / 1024;
    // Key rotation of the whole capture vault: new keys (one Argon2id), PRAGMA rekey over every page, the key file.
    const vaultBytes = statSync(dbPath(capDir)).size;
    const stepAt: Partial<Record<RekeyStep, number>> = {};
    const rekeyMs = await time(() => cap.vault.rekey(passphrase, passphrase, (step) => (stepAt[step] = performance.now())));
    const reencryptMs = stepAt.slots! - stepAt.database!;
    cap.vault.close();
    const redaction = benchRedaction(process.cwd());
    const kAnonymity = benchKAnonymity();
    const bundles = await benchBundles();
    const transport = await benchTransport();
    const fenomeenbeeld = benchFenomeenbeeld();
    const central = await benchCentral(work, passphrase, Number(process.env.OBI_BENCH_CENTRAL_BUNDLES ?? 1_000));

    const results = {
      date: new Date().toISOString(),
      node: process.version,
      sqlite: version,
      argon2id: defaultArgon2,
      rows,
      unlock,
      encrypted: enc,
      plain: pln,
      ratio: { insert: enc.insertPerSec / pln.insertPerSec, query: enc.queryPerSec / pln.queryPerSec },
      coldOpen100k: { rows: coldRows, ms: coldOpenMs },
      capture: {
        meetings: captureMeetings,
        signals: captureMeetings * 2,
        generateSeconds,
        saveNotesMs: { p50: percentile(saveMs, 50), p99: percentile(saveMs, 99) },
        upkeepRoundMs: { p50: percentile(upkeepMs, 50), p99: percentile(upkeepMs, 99), max: Math.max(...upkeepMs) },
        searchMs: { p50: percentile(searchMs, 50), p95: percentile(searchMs, 95) },
        rssMiB,
        rekey: { ms: rekeyMs, reencryptMs, vaultMiB: vaultBytes / 1024 / 1024 },
      },
      redaction,
      kAnonymity,
      bundles,
      transport,
      fenomeenbeeld,
      central,
    };

    const f = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
    const table: Array<[string, string]> = [
      [
        `unlock: Argon2id, native (${defaultArgon2.memoryKiB / 1024} MiB, t=${defaultArgon2.iterations}, p=${defaultArgon2.parallelism}), median of ${repeats}`,
        `${f(results.unlock.kdfMedianMs)} ms`,
      ],
      ['unlock: open database with the key, median', `${f(results.unlock.openMedianMs, 1)} ms`],
      [`insert, encrypted vault (${f(rows)} rows)`, `${f(enc.insertPerSec)} rows/s`],
      ['insert, plain SQLite', `${f(pln.insertPerSec)} rows/s`],
      ['insert ratio encrypted / plain', f(results.ratio.insert, 2)],
      ['point query, encrypted vault', `${f(enc.queryPerSec)} rows/s`],
      ['point query, plain SQLite', `${f(pln.queryPerSec)} rows/s`],
      ['point query ratio encrypted / plain', f(results.ratio.query, 2)],
      [`open of a ${f(coldRows)}-row vault in a new connection + first query (no KDF; OS file cache warm)`, `${f(coldOpenMs, 1)} ms`],
      [`capture vault: ${f(captureMeetings)} meetings, ${f(captureMeetings * 2)} signals (generated in)`, `${f(generateSeconds, 1)} s`],
      [`key rotation (obi vault rekey) of that vault, ${f(results.capture.rekey.vaultMiB)} MiB, in all`, `${f(rekeyMs / 1000, 1)} s`],
      ['key rotation: re-encrypting the database (PRAGMA rekey)', `${f(reencryptMs / 1000, 1)} s`],
      ['save notes, p50 / p99 (1 000 saves)', `${f(results.capture.saveNotesMs.p50, 2)} / ${f(results.capture.saveNotesMs.p99, 2)} ms`],
      [
        'index upkeep after a save, p50 / p99 / max',
        `${f(results.capture.upkeepRoundMs.p50, 2)} / ${f(results.capture.upkeepRoundMs.p99, 2)} / ${f(results.capture.upkeepRoundMs.max, 1)} ms`,
      ],
      ['search, p50 / p95 (300 queries, a quarter with filters)', `${f(results.capture.searchMs.p50, 2)} / ${f(results.capture.searchMs.p95, 2)} ms`],
      ['memory of the core process (RSS)', `${f(rssMiB)} MiB`],
      ['redaction: first call (lexicons loaded and built)', `${f(redaction.loadMs)} ms`],
      [
        `redaction throughput, Dutch notes in 2 000-character summaries (${f(redaction.megabytes, 1)} MB, one thread)`,
        `${f(redaction.throughputMBps, 2)} MB/s`,
      ],
      ['redaction throughput per second of CPU time of that thread (same run)', `${f(redaction.throughputCpuMBps, 2)} MB/s`],
      [
        `redaction worst case: slowest of ${redaction.adversarialTexts} adversarial texts of ${f(redaction.worstKilobytes)} kB (${redaction.worstShape}), wall / CPU`,
        `${f(redaction.worstMBps, 2)} / ${f(redaction.worstCpuMBps, 2)} MB/s`,
      ],
      [`redaction: re-detect a 2 000-character summary after a keystroke, median of ${redaction.keystrokes}`, `${f(redaction.keystrokeMedianMs, 2)} ms`],
      ['redaction: same, 95th percentile / maximum', `${f(redaction.keystrokeP95Ms, 2)} / ${f(redaction.keystrokeMaxMs, 1)} ms`],
      [`k-anonymity: aggregate ${f(kAnonymity.signals)} approved signals, k=${kAnonymity.k}, median of 5`, `${f(kAnonymity.medianMs)} ms`],
      ['k-anonymity: cells / signals released / carried over (same run)', `${f(kAnonymity.cells)} / ${f(kAnonymity.released)} / ${f(kAnonymity.carriedOver)}`],
      [
        `officer bundle of ${f(bundles.officer.signals)} signals: re-check, build, seal (${f(bundles.officer.payloadMB, 2)} MB)`,
        `${f(bundles.officer.prepareSeconds, 2)} s`,
      ],
      ['officer bundle: seal alone (age encryption + minisign signature)', `${f(bundles.officer.sealMBps, 1)} MB/s`],
      [
        `team bundle from ${f(bundles.team.approved)} approved signals (${f(bundles.team.signals)} released in ${f(bundles.team.cells)} cells): aggregate, build, seal (${f(bundles.team.payloadMB, 2)} MB)`,
        `${f(bundles.team.prepareSeconds, 2)} s`,
      ],
      ['team bundle: seal alone (age encryption + minisign signature)', `${f(bundles.team.sealMBps, 1)} MB/s`],
      ...transportRows(transport, f),
      [
        `fenomeenbeeld of a year: ${f(fenomeenbeeld.bundles)} team bundles, ${f(fenomeenbeeld.cells)} cells in memory: their sums (${f(fenomeenbeeld.sums)}) / build from the sums (tables, disclosure control, trends)`,
        `${f(fenomeenbeeld.sumsMs)} / ${f(fenomeenbeeld.buildMs)} ms`,
      ],
      [`fenomeenbeeld: HTML report (${f(fenomeenbeeld.htmlKiB)} KiB, inline SVG charts)`, `${f(fenomeenbeeld.htmlMs)} ms`],
      ['fenomeenbeeld: heap grown by building and rendering', `${f(fenomeenbeeld.heapMiB)} MiB`],
      [
        `central intake: ${f(central.bundles)} team bundles of ${f(central.cellsPerBundle)} cells (contract checked, stored)`,
        `${f(central.intakeSeconds, 1)} s, ${f(central.bundlesPerSecond, 1)} bundles/s`,
      ],
      ['central intake: heap growth / RSS after', `${f(central.heapGrowthMiB)} / ${f(central.rssMiB)} MiB`],
      [`central intake: open one sealed bundle (${f(central.payloadMB, 2)} MB: signature, decryption, contract)`, `${f(central.openMsPerBundle)} ms`],
      [
        `central report of the year from that vault (the kept sums of ${f(central.bundles * central.cellsPerBundle)} cells read, fenomeenbeeld built) / its HTML`,
        `${f(central.reportMs)} / ${f(central.reportHtmlMs)} ms`,
      ],
      ['central report: heap grown', `${f(central.reportHeapMiB)} MiB`],
    ];
    const width = Math.max(...table.map(([k]) => k.length));
    console.log(`OBI Werkplek benchmark (${results.node}, ${version})`);
    for (const [k, v] of table) console.log(`  ${k.padEnd(width)}  ${v}`);

    const out = resolve(process.env.OBI_BENCH_OUT ?? join('dist', 'bench', 'results.json'));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`JSON written to ${out}`);
    const page = resolve(process.env.OBI_BENCH_PAGE ?? join('docs', 'benchmarks.md'));
    const run = { date: results.date, node: results.node, sqlite: version, cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU' };
    writeFileSync(page, benchmarkPage(run, table));
    console.log(`Figures written to ${page}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
