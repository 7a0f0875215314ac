import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A WebDAV drop box on Debian's Apache (mod_ssl, mod_dav_fs) on 127.0.0.1 with mutual TLS, and a
 * test PKI made here with openssl: a CA with a server and a client certificate, and a second CA
 * with its own server and client certificate (for the refusals). Needs `apache2` (see .ci/run)
 * and root, as Apache drops to www-data. Tests import `webdav-test-server.ts`, which also stops
 * every drop box after each test; the benchmark uses this module directly.
 */
export interface TestPki {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  otherCa: string;
  otherServerCert: string;
  otherServerKey: string;
  otherClientCert: string;
  otherClientKey: string;
}

const openssl = (dir: string, args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA and two certificates it signs, all EC P-256 (quick to make). */
function authority(dir: string, name: string): void {
  openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}-ca.key`,
    '-out',
    `${name}-ca.pem`,
    '-days',
    '2',
    '-subj',
    `/CN=OBI test CA ${name}`,
  ]);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [who, subject] of [
    ['server', '/CN=127.0.0.1'],
    ['client', '/CN=workstation'],
  ] as const) {
    openssl(dir, [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}-${who}.key`,
      '-out',
      `${name}-${who}.csr`,
      '-subj',
      subject,
    ]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}-${who}.csr`,
      '-CA',
      `${name}-ca.pem`,
      '-CAkey',
      `${name}-ca.key`,
      '-CAcreateserial',
      '-out',
      `${name}-${who}.pem`,
      '-days',
      '2',
      '-extfile',
      `${who}.ext`,
    ]);
  }
}

export function makeTestPki(dir: string): TestPki {
  mkdirSync(dir, { recursive: true });
  authority(dir, 'main');
  authority(dir, 'other');
  const p = (name: string) => join(dir, name);
  return {
    dir,
    ca: p('main-ca.pem'),
    serverCert: p('main-server.pem'),
    serverKey: p('main-server.key'),
    clientCert: p('main-client.pem'),
    clientKey: p('main-client.key'),
    otherCa: p('other-ca.pem'),
    otherServerCert: p('other-server.pem'),
    otherServerKey: p('other-server.key'),
    otherClientCert: p('other-client.pem'),
    otherClientKey: p('other-client.key'),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface DropBox {
  url: string;
  pki: TestPki;
  /** The served folder: collections are folders below it. */
  root: string;
  /** Requests Apache answered, one `METHOD PATH STATUS` per line. */
  requests(): string[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Stops Apache and waits for it, without yielding: for a hook that must return with the server gone. */
  stopNow(): void;
}

const modules = '/usr/lib/apache2/modules';
/** Drop boxes started and not yet stopped, for a test's teardown. */
export const running: DropBox[] = [];

/** Starts the drop box with collections `/o2l/`, `/l2o/`, `/central/`; it stops after the test. */
export async function startDropBox(dir: string, options: { serverCert?: 'main' | 'other' } = {}): Promise<DropBox> {
  if (!existsSync('/usr/sbin/apache2')) throw new Error('These tests need Apache: apt-get install apache2 (as .ci/run does).');
  const pki = makeTestPki(join(dir, 'pki'));
  const root = join(dir, 'www');
  for (const d of ['o2l', 'l2o', 'central', 'lock', 'run', 'logs'])
    mkdirSync(join(d === 'lock' || d === 'run' || d === 'logs' ? dir : root, d), { recursive: true });
  const port = await freePort();
  const server = options.serverCert === 'other' ? [pki.otherServerCert, pki.otherServerKey] : [pki.serverCert, pki.serverKey];
  const conf = join(dir, 'httpd.conf');
  writeFileSync(
    conf,
    `ServerRoot "${dir}"
PidFile "${dir}/run/httpd.pid"
DefaultRuntimeDir "${dir}/run"
Listen 127.0.0.1:${port}
User www-data
Group www-data
ServerName 127.0.0.1
ErrorLog "${dir}/logs/error.log"
LogFormat "%m %U %>s" brief
CustomLog "${dir}/logs/access.log" brief
LoadModule mpm_event_module ${modules}/mod_mpm_event.so
LoadModule authz_core_module ${modules}/mod_authz_core.so
LoadModule ssl_module ${modules}/mod_ssl.so
LoadModule socache_shmcb_module ${modules}/mod_socache_shmcb.so
LoadModule dav_module ${modules}/mod_dav.so
LoadModule dav_fs_module ${modules}/mod_dav_fs.so
DavLockDB "${dir}/lock/davlock"
SSLEngine on
SSLCertificateFile "${server[0]}"
SSLCertificateKeyFile "${server[1]}"
SSLCACertificateFile "${pki.ca}"
SSLVerifyClient require
SSLVerifyDepth 2
DocumentRoot "${root}"
<Directory "${root}">
  Dav On
  Require all granted
  LimitRequestBody 17825792
</Directory>
`,
  );
  const walk = (d: string) => {
    chownSync(d, 33, 33);
    for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(join(d, e.name));
  };
  // mkdtemp made the folder private; Apache's worker (www-data) must reach the served tree.
  chmodSync(dir, 0o755);
  walk(root);
  chownSync(join(dir, 'lock'), 33, 33);
  const pidFile = join(dir, 'run', 'httpd.pid');
  const pidOf = (): number | null => {
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  };
  const box: DropBox = {
    url: `https://127.0.0.1:${port}`,
    pki,
    root,
    requests: () =>
      existsSync(join(dir, 'logs', 'access.log'))
        ? readFileSync(join(dir, 'logs', 'access.log'), 'utf8')
            .trim()
            .split('\n')
            .filter(Boolean)
        : [],
    async start() {
      const run = spawnSync('/usr/sbin/apache2', ['-f', conf, '-k', 'start'], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`Apache did not start: ${run.stderr}`);
      // Up only once it answers and has written its pid (the port opens before the pid file is there).
      for (let i = 0; i < 200; i++) {
        if (pidOf() !== null && (await accepts(port))) return;
        await sleep(50);
      }
      throw new Error('Apache does not answer');
    },
    stopNow: () => undefined,
    async stop() {
      const pid = pidOf();
      if (pid === null) return;
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 200 && (existsSync(`/proc/${pid}`) || (await accepts(port))); i++) await sleep(50);
    },
  };
  box.stopNow = () => {
    const pid = pidOf();
    spawnSync('/usr/sbin/apache2', ['-f', conf, '-k', 'stop']);
    if (pid !== null) spawnSync('sh', ['-c', `for i in $(seq 200); do [ -e /proc/${pid} ] || exit 0; sleep 0.05; done`]);
  };
  running.push(box);
  await box.start();
  return box;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

/** Names of the files in a collection of the drop box (not its sub-collections). */
export function filesIn(box: DropBox, collection: string): string[] {
  const d = join(box.root, collection);
  return readdirSync(d)
    .filter((n) => statSync(join(d, n)).isFile())
    .sort();
}
