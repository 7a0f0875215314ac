/**
 * The fuzz suite's settings in one place: one seed, so every run tries the same inputs (a failure
 * can be replayed), and a bounded count per kind of input, so the suite runs in seconds. The
 * counts are what the suite reports; raise one locally to search harder.
 */
export const fuzzSeed = 18_2026;

export const fuzzRuns = {
  /** `importMeetings` on a JSON Lines file with one planted fault among valid meetings. */
  importCore: 300,
  /** `importMeetings` on arbitrary bytes, text and JSON lines. */
  importBytes: 200,
  /** `obi notes import FILE` on a file with one planted fault. */
  importCli: 100,
  /** `parsePolicy` and the merge of sources on arbitrary JSON values. */
  policyValues: 500,
  /** `parsePolicy` on a valid policy with one key set to a value its schema refuses. */
  policyKeys: 300,
  /** `readPolicyFile` on arbitrary bytes, JSON and cut-off JSON. */
  policyFiles: 200,
  /** `obi policy check FILE` on arbitrary bytes and policy-shaped JSON. */
  policyCli: 150,
  /** Registry values as `reg query` prints them, through the registry source to the effective policy. */
  registry: 300,
  /** `detect` on arbitrary text and on repeated units of the detectors' vocabulary. */
  detect: 300,
  /** `redact` with arbitrary spans. */
  redact: 500,
  /** `obi redact` and `obi redact --jsonl` on arbitrary bytes in arbitrary chunks. */
  redactCli: 150,
  /** `readPayload` (and the reader of its kind) on arbitrary JSON. */
  payloadJson: 300,
  /** `readPayload` on a valid payload without one manifest field. */
  payloadManifest: 100,
  /** `readPayload` and the STIX readers on a valid payload with one change anywhere. */
  payloadChanged: 500,
  /** The STIX readers on a valid payload with one change inside one STIX object. */
  stixObjects: 500,
} as const;

export type FuzzKind = keyof typeof fuzzRuns;

/** fast-check parameters for a kind of input. */
export const fuzzParameters = (kind: FuzzKind) => ({ seed: fuzzSeed, numRuns: fuzzRuns[kind] });
