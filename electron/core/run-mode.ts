import { join } from 'node:path';
import { policyLoadOptions, type PolicyLoadOptions } from './policy/load-policy';
import { logDirFor } from './platform/app-dirs';

type Env = Record<string, string | undefined>;

export interface RunModeInput {
  /**
   * Baked into the main bundle when it is built (`npm run package` builds with it off), never
   * taken from `app.isPackaged`, which only looks at the executable's name: a renamed copy of an
   * installed app would count as unpackaged and take every override below.
   */
  devBuild: boolean;
  platform: NodeJS.Platform;
  env: Env;
  home: string;
  /** Electron's `userData` folder of this user. */
  userData: string;
  /** The example policy a development build falls back to when neither the machine nor `OBI_POLICY` sets one. */
  devDefaultPolicy: string;
}

/** What one run of the desktop app takes from its environment. */
export interface RunMode {
  devBuild: boolean;
  vaultDir: string;
  logDir: string;
  policy: PolicyLoadOptions;
  devTools: boolean;
}

/**
 * A release build reads nothing of the developer's variables (`OBI_VAULT`, `OBI_POLICY`,
 * `OBI_LOG_DIR`, any `OBI_TEST_*`): its vault and logs are where the platform keeps them, its
 * policy comes from the machine alone, and it has no developer tools. Only the platform's own
 * variables (`LOCALAPPDATA`, `XDG_STATE_HOME`) still place the log folder.
 */
export function runMode(input: RunModeInput): RunMode {
  const { devBuild, platform, home } = input;
  const env = devBuild ? input.env : withoutObiVariables(input.env);
  return {
    devBuild,
    vaultDir: (devBuild && env.OBI_VAULT) || join(input.userData, 'vault'),
    logDir: logDirFor({ devBuild, platform, env, home }),
    policy: policyLoadOptions({ devBuild, platform, env, devDefaultFile: input.devDefaultPolicy }),
    devTools: devBuild,
  };
}

function withoutObiVariables(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toUpperCase().startsWith('OBI_')));
}
