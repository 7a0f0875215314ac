import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/temp-dirs';
import { formatPublicKeyFile, formatSecretKeyFile, generateKeyPair, keyIdHex, parsePublicKey, parseSecretKey, publicKeyBase64, sign, verify } from './minisign';

/** Stock Debian minisign; the tests prove both directions against it. */
function minisign(args: string[]) {
  const run = spawnSync('minisign', args, { encoding: 'utf8', input: '' });
  if (run.error) throw run.error;
  return { status: run.status, out: run.stdout + run.stderr };
}

const message = new TextEncoder().encode('{"format":"obi-taxonomy-package/1"}\n');

function stockKeyPair(dir: string) {
  const pub = join(dir, 'stock.pub');
  const key = join(dir, 'stock.key');
  expect(minisign(['-G', '-W', '-p', pub, '-s', key]).status).toBe(0);
  return { pub, key };
}

describe('minisign, interoperable with the stock tool', () => {
  it('signs so that stock `minisign -V` verifies (also with -H, prehashed required)', () => {
    const dir = tempDir();
    const key = generateKeyPair();
    const file = join(dir, 'taxonomy.json');
    writeFileSync(file, message);
    writeFileSync(join(dir, 'ours.pub'), formatPublicKeyFile(key));
    writeFileSync(`${file}.minisig`, sign(message, key, { trustedComment: 'taxonomy nl-obi version 2' }));
    const byFile = minisign(['-V', '-H', '-p', join(dir, 'ours.pub'), '-m', file]);
    expect(byFile.out).toContain('Trusted comment: taxonomy nl-obi version 2');
    expect(byFile.status).toBe(0);
    expect(minisign(['-V', '-P', publicKeyBase64(key), '-m', file]).status).toBe(0);
    writeFileSync(file, 'changed');
    expect(minisign(['-V', '-P', publicKeyBase64(key), '-m', file]).status).not.toBe(0);
  });

  it('verifies what stock `minisign -S` signs, prehashed and legacy, and reads its keys', () => {
    const dir = tempDir();
    const { pub, key } = stockKeyPair(dir);
    const file = join(dir, 'f.json');
    writeFileSync(file, message);
    const publicKey = parsePublicKey(readFileSync(pub, 'utf8'));
    // The stock tool writes the key id without leading zeros (%PRIX64); ours is padded to 16 digits.
    const stockId = /minisign public key ([0-9A-F]+)/.exec(readFileSync(pub, 'utf8'))?.[1];
    expect(BigInt(`0x${stockId}`)).toBe(BigInt(`0x${keyIdHex(publicKey.keyId)}`));

    expect(minisign(['-S', '-s', key, '-m', file, '-t', 'stock prehashed']).status).toBe(0);
    expect(verify(message, readFileSync(`${file}.minisig`, 'utf8'), publicKey)).toEqual({
      ok: true,
      keyId: keyIdHex(publicKey.keyId),
      trustedComment: 'stock prehashed',
      prehashed: true,
    });

    expect(minisign(['-S', '-l', '-s', key, '-m', file, '-x', `${file}.legacy`, '-t', 'stock legacy']).status).toBe(0);
    expect(verify(message, readFileSync(`${file}.legacy`, 'utf8'), publicKey)).toMatchObject({ ok: true, prehashed: false, trustedComment: 'stock legacy' });

    // Our signer with the stock secret key, verified by stock minisign.
    const secret = parseSecretKey(readFileSync(key, 'utf8'));
    expect(publicKeyBase64(secret)).toBe(readFileSync(pub, 'utf8').split('\n')[1]);
    writeFileSync(`${file}.minisig`, sign(message, secret, { trustedComment: 'ours with a stock key' }));
    expect(minisign(['-V', '-p', pub, '-m', file]).status).toBe(0);
  });

  it('writes secret and public key files that stock minisign uses', () => {
    const dir = tempDir();
    const key = generateKeyPair();
    const keyFile = join(dir, 'ours.key');
    writeFileSync(keyFile, formatSecretKeyFile(key));
    writeFileSync(join(dir, 'ours.pub'), formatPublicKeyFile(key));
    const file = join(dir, 'f');
    writeFileSync(file, message);
    expect(minisign(['-S', '-s', keyFile, '-m', file]).status).toBe(0);
    expect(verify(message, readFileSync(`${file}.minisig`, 'utf8'), key)).toMatchObject({ ok: true, prehashed: true });
    expect(minisign(['-R', '-s', keyFile, '-p', join(dir, 'recreated.pub')]).status).toBe(0);
    expect(parsePublicKey(readFileSync(join(dir, 'recreated.pub'), 'utf8'))).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    expect(parseSecretKey(formatSecretKeyFile(key))).toEqual(key);
  });
});

describe('minisign verification refuses', () => {
  const key = generateKeyPair();
  const good = sign(message, key, { trustedComment: 'version 2' });

  it('a signature by another key, also one that claims our key id', () => {
    const other = generateKeyPair();
    expect(verify(message, sign(message, other, { trustedComment: 'x' }), key)).toEqual({
      ok: false,
      reason: `it was made with another key (key id ${keyIdHex(other.keyId)}, expected ${keyIdHex(key.keyId)})`,
    });
    const impostor = { ...other, keyId: key.keyId };
    expect(verify(message, sign(message, impostor, { trustedComment: 'x' }), key)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('does not match') as string,
    });
  });

  it('a changed file, a changed trusted comment, a changed signature', () => {
    expect(verify(new TextEncoder().encode('{"format":"obi-taxonomy-package/2"}\n'), good, key)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('changed after signing') as string,
    });
    expect(verify(message, good.replace('trusted comment: version 2', 'trusted comment: version 9'), key)).toEqual({
      ok: false,
      reason: 'the trusted comment was changed after signing',
    });
    const lines = good.split('\n');
    const sig = Buffer.from(lines[1]!, 'base64');
    sig[20]! ^= 1;
    lines[1] = sig.toString('base64');
    expect(verify(message, lines.join('\n'), key).ok).toBe(false);
  });

  it('anything that is not a minisign signature, without throwing', () => {
    for (const text of [
      '',
      'hello',
      good.split('\n').slice(0, 2).join('\n'),
      good.replace(/^untrusted/, 'trusted'),
      good.replace(/\n[A-Za-z0-9+/]{10}/, '\n!!!!!!!!!!'),
      'x'.repeat(20_000),
    ]) {
      expect(verify(message, text, key).ok, text.slice(0, 30)).toBe(false);
    }
  });

  it('but accepts Windows line endings', () => {
    expect(verify(message, good.replaceAll('\n', '\r\n'), key).ok).toBe(true);
  });
});

describe('minisign keys', () => {
  it('parse from the .pub file or its base64 line, and refuse anything else', () => {
    const key = generateKeyPair();
    const b64 = publicKeyBase64(key);
    expect(b64).toMatch(/^RW[QRST][A-Za-z0-9+/]{53}$/);
    expect(parsePublicKey(b64)).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    expect(parsePublicKey(formatPublicKeyFile(key))).toEqual({ keyId: key.keyId, publicKey: key.publicKey });
    for (const bad of ['', 'RWQ', b64.slice(0, -1), `${b64}x`, Buffer.from('Xx' + 'a'.repeat(40)).toString('base64')]) {
      expect(() => parsePublicKey(bad), bad).toThrow(expect.objectContaining({ code: 'key_invalid' }));
    }
  });

  it('refuse a password-protected or damaged secret key with a clear reason', () => {
    const text = formatSecretKeyFile(generateKeyPair());
    const [comment, line] = text.split('\n');
    const bytes = Buffer.from(line!, 'base64');
    const withKdf = Buffer.from(bytes);
    withKdf.write('Sc', 2, 'latin1');
    expect(() => parseSecretKey(`${comment}\n${withKdf.toString('base64')}\n`)).toThrow(/protected with a password/);
    const damaged = Buffer.from(bytes);
    damaged[70]! ^= 1;
    expect(() => parseSecretKey(`${comment}\n${damaged.toString('base64')}\n`)).toThrow('This minisign secret key file is damaged.');
    expect(() => parseSecretKey(line!)).toThrow('This is not a minisign secret key file.');
  });

  it('refuse comments that would break the file format', () => {
    expect(() => sign(message, generateKeyPair(), { trustedComment: 'two\nlines' })).toThrow('The trusted comment must be one line.');
  });
});
