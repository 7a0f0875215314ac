import { describe, expect, it } from 'vitest';
import { invalidTestPolicy, validTestPolicy } from '../../test-support/test-policy';
import { decideUpdates, publisherNamesFrom } from './update-decision';

const feed = 'https://updates.szw.example/obi/';
const signer = ['CN=Ministerie van SZW, O=Ministerie van SZW, C=NL'];
const on = (mode: 'notify' | 'auto') => validTestPolicy({ updates: mode, updateFeedUrl: feed });
const windowsRelease = { packaged: true, platform: 'win32' as const, publisherNames: signer };

describe('update decision', () => {
  it('checks a signed Windows release against the feed from policy, in the mode policy sets', () => {
    expect(decideUpdates({ ...windowsRelease, policy: on('notify') })).toEqual({ check: true, reason: 'enabled', mode: 'notify', feedUrl: feed });
    expect(decideUpdates({ ...windowsRelease, policy: on('auto') })).toMatchObject({ check: true, mode: 'auto' });
  });

  it('never checks with updates off (the default), an invalid policy, or in development', () => {
    expect(decideUpdates({ ...windowsRelease, policy: validTestPolicy() })).toEqual({ check: false, reason: 'policy_off' });
    expect(decideUpdates({ ...windowsRelease, policy: validTestPolicy({ updateFeedUrl: feed }) })).toEqual({ check: false, reason: 'policy_off' });
    expect(decideUpdates({ ...windowsRelease, policy: invalidTestPolicy({ updates: 'auto' }) })).toEqual({ check: false, reason: 'policy_invalid' });
    expect(decideUpdates({ ...windowsRelease, packaged: false, policy: on('auto') })).toEqual({ check: false, reason: 'development' });
  });

  it('refuses to update a build that names no signer, and leaves Linux to the package manager', () => {
    expect(decideUpdates({ ...windowsRelease, publisherNames: [], policy: on('auto') })).toEqual({ check: false, reason: 'unsigned_build' });
    expect(decideUpdates({ ...windowsRelease, platform: 'linux', policy: on('auto') })).toEqual({ check: false, reason: 'platform' });
  });
});

describe('the signer in app-update.yml', () => {
  it('is read as electron-builder writes it, one name or a list', () => {
    expect(
      publisherNamesFrom('provider: generic\nurl: https://updates.invalid/\npublisherName:\n  - CN=OBI Werkplek\nupdaterCacheDirName: obi-werkplek-updater\n'),
    ).toEqual(['CN=OBI Werkplek']);
    expect(publisherNamesFrom('provider: generic\npublisherName: CN=A\n')).toEqual(['CN=A']);
  });

  it('is none when the file is missing, broken or names nobody', () => {
    expect(publisherNamesFrom(null)).toEqual([]);
    expect(publisherNamesFrom('provider: generic\n')).toEqual([]);
    expect(publisherNamesFrom('publisherName: ["  "]\n')).toEqual([]);
    expect(publisherNamesFrom('publisherName: 42\n')).toEqual([]);
    expect(publisherNamesFrom(': : :\n\t- [')).toEqual([]);
  });
});
