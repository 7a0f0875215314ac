import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { buildOfficerPayload } from '../../../shared/exchange/stix/officer-bundle';
import { header, officerSignals } from '../../../shared/test-support/exchange-fixtures';
import { stock, stockAgeKey, stockMinisignKey } from '../../test-support/stock-tools';
import { snapshotFiles, tempDir } from '../../test-support/temp-dirs';
import type { AppError } from '../app-error';
import { formatPublicKeyFile, generateKeyPair, publicKeyBase64, sign, type MinisignSecretKey } from '../crypto/minisign';
import { maxBundleFileBytes, maxPayloadBytes, padPayload, paddedLength } from './bundle-size';
import { openBundleFile, parseAgeIdentityFile, sealPayload, writeBundleFiles, type TrustedSigner } from './envelope';

const payload = buildOfficerPayload(header(), officerSignals);
const id = payload.manifest.id;
const json = JSON.stringify(payload);

interface Party {
  identity: string;
  recipient: string;
}

async function party(): Promise<Party> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

const trust = (key: MinisignSecretKey, name = 'officer-1'): TrustedSigner[] => [{ name, signer: publicKeyBase64(key) }];

async function sealedFile(dir: string, to: Party, key: MinisignSecretKey, text = json, fileId = id) {
  const sealed = await sealPayload(text, [to.recipient], key);
  return { ...writeBundleFiles(dir, fileId, sealed), sealed };
}

/** Encrypts and signs any bytes, bypassing the payload check, as a careless or hostile sender could. */
async function rawBundle(dir: string, to: Party, key: MinisignSecretKey, plain: string) {
  const e = new Encrypter();
  e.addRecipient(to.recipient);
  const age = await e.encrypt(plain);
  const path = join(dir, `${id}.age`);
  writeFileSync(path, age);
  writeFileSync(`${path}.minisig`, sign(age, key, { trustedComment: 'file:x' }));
  return path;
}

/** The refusal of a promise that must fail with an AppError: its code, message and field. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; field?: string }> {
  try {
    await promise;
  } catch (e) {
    const { code, message, details } = e as AppError;
    return { code, message, ...(details.field ? { field: details.field } : {}) };
  }
  throw new Error('expected a refusal');
}

describe('bundle envelope, interoperable with stock age and minisign', () => {
  it('stock age decrypts ours and stock minisign verifies ours', async () => {
    const dir = tempDir();
    const central = stockAgeKey(dir);
    const key = generateKeyPair();
    const sealed = await sealPayload(json, [central.recipient], key);
    const { agePath, signaturePath } = writeBundleFiles(dir, id, sealed);
    expect([agePath, signaturePath].map((p) => p.slice(dir.length + 1))).toEqual([`${id}.age`, `${id}.age.minisig`]);
    writeFileSync(join(dir, 'lead.pub'), formatPublicKeyFile(key));

    const verified = stock('minisign', ['-Vm', agePath, '-p', join(dir, 'lead.pub')]);
    expect(verified.status, verified.err).toBe(0);
    expect(verified.out).toContain(`Trusted comment: file:${id}.age kind:officer created:2026-10-01T09:00:00.000Z`);
    // Padded inside the encryption with trailing spaces: still exactly the JSON, still valid JSON.
    const decrypted = stock('age', ['-d', '-i', central.keyFile, agePath]).out;
    expect(decrypted.trimEnd()).toBe(json);
    expect(decrypted).toHaveLength(paddedLength(json.length));
    expect(JSON.parse(decrypted)).toEqual(payload);
    // No temporary file is left beside them.
    expect(readdirSync(dir).sort()).toEqual([`${id}.age`, `${id}.age.minisig`, 'central.key', 'lead.pub'].sort());
  });

  it('pads the payload to fixed steps, so a bundle of 1 signal and one of 20 are the same size', async () => {
    const dir = tempDir();
    const central = stockAgeKey(dir);
    const key = generateKeyPair();
    const many = Array.from({ length: 20 }, (_, i) => ({
      ...officerSignals[i % officerSignals.length]!,
      signalRef: randomUUID(),
      summary: `${'Een lange samenvatting van wat er in het gesprek werd verteld over druk op familie in het land van herkomst. '.repeat(4)}${i}`,
    }));
    const sizes: number[] = [];
    for (const signals of [officerSignals.slice(0, 1), many]) {
      const text = JSON.stringify(buildOfficerPayload(header(randomUUID()), signals));
      const sealed = await sealPayload(text, [central.recipient], key);
      const fileId = (JSON.parse(text) as { manifest: { id: string } }).manifest.id;
      const { agePath } = writeBundleFiles(dir, fileId, sealed);
      sizes.push(statSync(agePath).size);
      expect(stock('age', ['-d', '-i', central.keyFile, agePath]).out.trimEnd()).toBe(text);
      const opened = await openBundleFile(agePath, { identity: parseAgeIdentityFile(readFileSync(central.keyFile, 'utf8')), trustedSigners: trust(key) });
      expect(opened.text).toBe(text);
    }
    expect(sizes[0]).toBe(sizes[1]);
    expect(paddedLength(1)).toBe(64 * 1024);
    expect(paddedLength(64 * 1024 + 1)).toBe(128 * 1024);
    expect(() => padPayload(' '.repeat(maxPayloadBytes + 1))).toThrow(expect.objectContaining({ code: 'file_too_large' }));
  });

  it('opens what stock `age -r` and `minisign -S` made', async () => {
    const dir = tempDir();
    const central = stockAgeKey(dir);
    const signer = stockMinisignKey(dir);
    const plain = join(dir, 'payload.json');
    writeFileSync(plain, json);
    const agePath = join(dir, `${id}.age`);
    expect(stock('age', ['-r', central.recipient, '-o', agePath, plain]).status).toBe(0);
    expect(stock('minisign', ['-S', '-s', signer.key, '-m', agePath]).status).toBe(0);

    const opened = await openBundleFile(agePath, {
      identity: parseAgeIdentityFile(readFileSync(central.keyFile, 'utf8')),
      trustedSigners: [{ name: 'lead', signer: readFileSync(signer.pub, 'utf8') }],
    });
    expect(opened.payload).toEqual(payload);
    expect(opened.text).toBe(json);
    expect(opened.signer).toBe('lead');
    expect(opened.trustedComment).toContain(`file:${id}.age`);
  });

  it('round-trips to several recipients, each of which can open it', async () => {
    const dir = tempDir();
    const [lead, spare] = [await party(), await party()];
    const key = generateKeyPair();
    const sealed = await sealPayload(json, [lead.recipient, spare.recipient], key);
    const { agePath } = writeBundleFiles(dir, id, sealed);
    for (const p of [lead, spare]) {
      const opened = await openBundleFile(agePath, { identity: p.identity, trustedSigners: [...trust(generateKeyPair(), 'other'), ...trust(key)] });
      expect(opened.payload).toEqual(payload);
      expect(opened.signer).toBe('officer-1');
    }
  });

  it('refuses every bad file with a reason and keeps nothing', async () => {
    const dir = tempDir();
    const lead = await party();
    const key = generateKeyPair();
    const { agePath, sealed } = await sealedFile(dir, lead, key);
    const open = (path: string, options: Partial<Parameters<typeof openBundleFile>[1]> = {}) =>
      openBundleFile(path, { identity: lead.identity, trustedSigners: trust(key), signerList: 'policy team', ...options });
    const copy = (name: string, bytes: Uint8Array, signature: string | null = sealed.minisig) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      if (signature !== null) writeFileSync(`${path}.minisig`, signature);
      return path;
    };
    const before = snapshotFiles(dir);

    await expect(open(join(dir, 'absent.age'))).rejects.toMatchObject({ code: 'io_error', message: 'The bundle absent.age does not exist.' });
    const huge = copy('huge.age', new Uint8Array(0));
    truncateSync(huge, maxBundleFileBytes + 1);
    await expect(open(huge)).rejects.toMatchObject({ code: 'file_too_large' });
    const truncated = await refusal(open(copy('truncated.age', sealed.age.subarray(0, sealed.age.length - 1))));
    expect(truncated.code).toBe('signature_invalid');
    expect(truncated.message).toMatch(/truncated or changed/);
    await expect(open(copy('appended.age', Buffer.concat([sealed.age, Buffer.from('x')])))).rejects.toMatchObject({ code: 'signature_invalid' });
    await expect(open(copy('unsigned.age', sealed.age, null))).rejects.toMatchObject({ code: 'signature_missing' });
    await expect(open(copy('garbled-sig.age', sealed.age, 'untrusted comment: x\nnot base64\n'))).rejects.toMatchObject({ code: 'signature_invalid' });
    const stranger = await refusal(open(agePath, { trustedSigners: trust(generateKeyPair()) }));
    expect(stranger.code).toBe('bundle_untrusted');
    expect(stranger.message).toMatch(/not in policy team\.$/);
    await expect(open(agePath, { identity: (await party()).identity })).rejects.toMatchObject({ code: 'bundle_not_for_us' });
    await expect(open(agePath, { identity: 'AGE-SECRET-KEY-1NOPE' })).rejects.toMatchObject({ code: 'key_invalid' });
    await expect(open(agePath, { trustedSigners: [{ name: 'x', signer: 'RWQnope' }] })).rejects.toMatchObject({ code: 'key_invalid' });

    const other = tempDir();
    expect(await refusal(open(await rawBundle(other, lead, key, 'not json')))).toEqual({
      code: 'bundle_invalid',
      message: `The payload of the bundle ${id}.age is not valid JSON.`,
    });
    const noK = JSON.stringify({ ...payload, manifest: { ...payload.manifest, k: 3 } });
    await expect(open(await rawBundle(other, lead, key, noK))).rejects.toMatchObject({ code: 'bundle_invalid', details: { field: 'manifest.k' } });
    const notAge = copy('plain.age', Buffer.from(json), sign(Buffer.from(json), key, { trustedComment: 'x' }));
    expect(await refusal(open(notAge))).toMatchObject({ code: 'bundle_invalid', message: 'The bundle is not a valid age file, or it is damaged.' });

    const after = snapshotFiles(dir);
    for (const [path, bytes] of before) expect(after.get(path)).toBe(bytes);
    rmSync(huge);
  });

  it('never seals an invalid payload or to a non-age recipient', async () => {
    const key = generateKeyPair();
    const lead = await party();
    await expect(sealPayload('{', [lead.recipient], key)).rejects.toMatchObject({ code: 'bundle_invalid' });
    await expect(sealPayload(JSON.stringify({ ...payload, manifest: { ...payload.manifest, kind: 'x' } }), [lead.recipient], key)).rejects.toMatchObject({
      code: 'bundle_invalid',
      details: { field: 'manifest.kind' },
    });
    await expect(sealPayload(json, [], key)).rejects.toMatchObject({ code: 'key_invalid' });
    expect(await refusal(sealPayload(json, [lead.recipient, 'age1notarecipient'], key))).toEqual({
      code: 'key_invalid',
      message: 'Recipient 2 is not an age recipient (age1…).',
    });
    await expect(sealPayload(json, [lead.identity], key)).rejects.toMatchObject({ code: 'key_invalid' });
  });

  it('writes a bundle once: the same files again are fine, a different bundle under its id is refused', async () => {
    const dir = tempDir();
    const lead = await party();
    const key = generateKeyPair();
    const sealed = await sealPayload(json, [lead.recipient], key);
    writeBundleFiles(dir, id, sealed);
    const first = snapshotFiles(dir);
    expect(() => writeBundleFiles(dir, id, sealed)).not.toThrow();
    const resealed = await sealPayload(json, [lead.recipient], key);
    expect(() => writeBundleFiles(dir, id, resealed)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(snapshotFiles(dir)).toEqual(first);
    expect(() => writeBundleFiles(dir, '../escape', sealed)).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => writeBundleFiles(join(dir, 'missing'), id, sealed)).toThrow(expect.objectContaining({ code: 'io_error' }));
  });

  it('reads age-keygen identity files and never echoes a bad line', () => {
    expect(parseAgeIdentityFile('# created: now\n# public key: age1x\nAGE-SECRET-KEY-1ABC\n')).toEqual(['AGE-SECRET-KEY-1ABC']);
    expect(() => parseAgeIdentityFile('# nothing\n')).toThrow(expect.objectContaining({ code: 'key_invalid' }));
    try {
      parseAgeIdentityFile('# x\nsecret-looking-line\n');
      expect.unreachable();
    } catch (e) {
      expect(String((e as Error).message)).toBe('Line 2 of the identity file is not an age identity.');
    }
  });
});
