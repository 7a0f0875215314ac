import { describe, expect, it } from 'vitest';
import { runMode, type RunModeInput } from './run-mode';

const overrides = {
  OBI_VAULT: '/tmp/attacker/vault',
  OBI_POLICY: '/tmp/attacker/policy.json',
  OBI_LOG_DIR: '/tmp/attacker/logs',
  OBI_TEST_CRASH_AT: 'after-write',
  OBI_TEST_ANYTHING: '1',
  obi_policy: '/tmp/attacker/lower-case.json',
};

const input = (devBuild: boolean, env: Record<string, string | undefined>): RunModeInput => ({
  devBuild,
  platform: 'linux',
  env,
  home: '/home/officer',
  userData: '/home/officer/.config/OBI Werkplek',
  devDefaultPolicy: '/opt/obi/build/policy/example-officer.json',
});

describe('the run mode of the desktop app (decided by the build constant)', () => {
  it('a release build takes no development override: vault, logs and policy as if no OBI_ variable were set', () => {
    const release = runMode(input(false, { ...overrides, XDG_STATE_HOME: '/home/officer/.state' }));
    expect(release).toEqual(runMode(input(false, { XDG_STATE_HOME: '/home/officer/.state' })));
    expect(release).toEqual({
      devBuild: false,
      vaultDir: '/home/officer/.config/OBI Werkplek/vault',
      logDir: '/home/officer/.state/obi-werkplek/logs',
      // The machine's policy only: no development file, not even the example.
      policy: { platform: 'linux' },
      devTools: false,
    });
  });

  it('a development build honours OBI_VAULT, OBI_LOG_DIR and OBI_POLICY and offers developer tools', () => {
    expect(runMode(input(true, overrides))).toEqual({
      devBuild: true,
      vaultDir: '/tmp/attacker/vault',
      logDir: '/tmp/attacker/logs',
      policy: { platform: 'linux', devFile: '/tmp/attacker/policy.json' },
      devTools: true,
    });
    expect(runMode(input(true, {})).policy).toEqual({ platform: 'linux', devFile: '/opt/obi/build/policy/example-officer.json' });
  });
});
