import { Message, MessageType, sessionBus, systemBus, type MessageBus } from '@jellybrick/dbus-next';

/**
 * On Linux the vault locks when the desktop locks, as Electron's powerMonitor does it on Windows
 * and macOS (its `lock-screen` event is not emitted on Linux). Two sources over D-Bus:
 * - logind (system bus): the `Lock` signal of this user's session, which `loginctl lock-session`
 *   and most desktops send when the screen locks;
 * - the screensaver (session bus): `ActiveChanged(true)` of org.freedesktop.ScreenSaver (KDE,
 *   Xfce, …) or org.gnome.ScreenSaver (GNOME).
 * A forged signal can only lock the vault, which is harmless; nothing here ever unlocks it.
 */

const screensaverInterfaces = ['org.freedesktop.ScreenSaver', 'org.gnome.ScreenSaver'];
const login1 = 'org.freedesktop.login1';

/** Whether a message on one of the buses says the desktop locked (`sessionPath`: this process's logind session). */
export function isDesktopLock(msg: Pick<Message, 'type' | 'interface' | 'member' | 'path' | 'body'>, sessionPath: string | null): boolean {
  if (msg.type !== MessageType.SIGNAL) return false;
  if (screensaverInterfaces.includes(msg.interface) && msg.member === 'ActiveChanged') return msg.body[0] === true;
  return msg.interface === `${login1}.Session` && msg.member === 'Lock' && sessionPath !== null && msg.path === sessionPath;
}

const addMatch = (bus: MessageBus, rule: string) =>
  bus.call(
    new Message({
      destination: 'org.freedesktop.DBus',
      path: '/org/freedesktop/DBus',
      interface: 'org.freedesktop.DBus',
      member: 'AddMatch',
      signature: 's',
      body: [rule],
    }),
  );

/** A bus that does not answer within this time is treated as absent: a hung bus must not hold up anything. */
const callTimeoutMs = 3000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('D-Bus call timed out')), callTimeoutMs);
    timer.unref?.();
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error('D-Bus call failed'))),
    );
  });
}

/** This process's logind session object, or null outside a logind session. */
async function sessionPathOf(bus: MessageBus, pid: number): Promise<string | null> {
  const reply = await withTimeout(
    bus.call(
      new Message({
        destination: login1,
        path: '/org/freedesktop/login1',
        interface: `${login1}.Manager`,
        member: 'GetSessionByPID',
        signature: 'u',
        body: [pid],
      }),
    ),
  );
  const path = reply?.body[0];
  return typeof path === 'string' ? path : null;
}

export interface DesktopLockBuses {
  /** The user's session bus (the screensaver); null where there is none. */
  session: MessageBus | null;
  /** The system bus (logind); null where there is none. */
  system: MessageBus | null;
}

export interface DesktopLockWatch {
  /** Which sources listen: a test and the log can tell a desktop without either. */
  sources: Array<'logind' | 'screensaver'>;
  stop(): void;
}

/**
 * Listens on the given buses and calls `onLock` for every lock of the desktop. A bus that cannot
 * be reached adds no source; the idle lock still applies.
 */
export async function watchDesktopLock(buses: DesktopLockBuses, pid: number, onLock: () => void): Promise<DesktopLockWatch> {
  const sources: DesktopLockWatch['sources'] = [];
  const stops: Array<() => void> = [];
  const listen = (bus: MessageBus, sessionPath: string | null) => {
    const handler = (msg: Message) => {
      if (isDesktopLock(msg, sessionPath)) onLock();
    };
    bus.on('message', handler);
    stops.push(() => bus.removeListener('message', handler));
  };
  if (buses.system) {
    try {
      const sessionPath = await sessionPathOf(buses.system, pid);
      if (sessionPath) {
        await withTimeout(addMatch(buses.system, `type='signal',sender='${login1}',interface='${login1}.Session',member='Lock',path='${sessionPath}'`));
        listen(buses.system, sessionPath);
        sources.push('logind');
      }
    } catch {
      // No logind here (a container, another init system): the screensaver may still tell us.
    }
  }
  if (buses.session) {
    try {
      for (const iface of screensaverInterfaces) await withTimeout(addMatch(buses.session, `type='signal',interface='${iface}',member='ActiveChanged'`));
      listen(buses.session, null);
      sources.push('screensaver');
    } catch {
      // No session bus reachable: logind (above) or the idle lock still apply.
    }
  }
  return { sources, stop: () => stops.forEach((stop) => stop()) };
}

/** Connects to the user's session bus and the system bus where they exist; errors on a bus never reach the app. */
export function connectDesktopBuses(): DesktopLockBuses {
  const connect = (make: () => MessageBus): MessageBus | null => {
    try {
      const bus = make();
      // The bus reports a lost or refused connection as an 'error' event, which its types leave out.
      (bus as unknown as NodeJS.EventEmitter).on('error', () => undefined);
      return bus;
    } catch {
      return null;
    }
  };
  return { session: connect(() => sessionBus()), system: connect(() => systemBus()) };
}
