import type { PolicyProblem } from '../../../shared/policy/policy-schema';
import { taxonomyView } from '../../../shared/taxonomy/taxonomy-view';
import { appVersion } from '../app-version';
import type { CaptureDeps } from '../capture/capture-ports';
import { defaultCaptureDeps } from '../capture/default-capture-deps';
import { listMeetings, Meetings } from '../capture/meetings';
import { overview } from '../capture/overview';
import { defaultWarningDays, upcomingRemovals } from '../capture/retention';
import { search } from '../capture/search';
import { Signals } from '../capture/signals';
import type { VaultSession } from '../session/vault-session';
import type { OpenVault } from '../vault/vault';
import { activeTaxonomy } from '../taxonomy/active-taxonomy';
import type { Handlers } from './dispatch';

export interface HandlerContext {
  session: VaultSession;
  policyWarnings: PolicyProblem[];
  /** Capture's dependencies for the open vault (its active taxonomy). */
  captureDeps?: (vault: OpenVault) => CaptureDeps;
}

/** The core's answer to every channel of the contract; the compiler insists on each one. */
export function createHandlers({ session, policyWarnings, captureDeps = defaultCaptureDeps }: HandlerContext): Handlers {
  const db = () => session.requireVault().db;
  const meetings = () => new Meetings(db(), captureDeps(session.requireVault()));
  const signals = () => new Signals(db(), captureDeps(session.requireVault()));
  const today = () => captureDeps(session.requireVault()).now?.() ?? new Date();

  return {
    'app.info': () => ({
      version: appVersion,
      policy: {
        ...session.policy,
        warnings: policyWarnings.map((w) => `${w.key}: ${w.message}`),
      },
    }),
    'vault.status': () => session.status(),
    'vault.setup': ({ passphrase }) => session.setup(passphrase),
    'vault.confirmRecoveryKey': () => session.confirmRecoveryKey(),
    'vault.newRecoveryKey': ({ passphrase }) => session.newRecoveryKey(passphrase),
    'vault.unlock': ({ passphrase }) => session.unlock(passphrase),
    'vault.recover': ({ recoveryKey, newPassphrase }) => session.recover(recoveryKey, newPassphrase),
    'vault.unlockWithOs': () => session.unlockWithOs(),
    'vault.setOsUnlock': ({ enabled }) => session.setOsUnlock(enabled),
    'vault.lock': () => session.lock('manual'),
    'vault.changePassphrase': ({ current, next }) => session.changePassphrase(current, next),
    'session.activity': () => {
      session.touch();
      return {};
    },
    'meetings.create': ({ fields, notes }) => meetings().create(fields, notes),
    'meetings.update': ({ id, fields }) => meetings().update(id, fields),
    'meetings.get': ({ id }) => {
      const m = meetings();
      return { meeting: m.get(id), notes: m.notes(id), signals: signals().list({ meetingId: id }) };
    },
    'meetings.list': ({ after, limit }) => listMeetings(db(), limit, after),
    'notes.save': ({ meetingId, body, baseRevision }) => meetings().saveNotes(meetingId, body, baseRevision),
    'signals.create': (input) => signals().create(input),
    'signals.get': ({ id }) => signals().get(id),
    'signals.update': ({ id, ...changes }) => signals().update(id, changes),
    'signals.setState': ({ id, to }) => signals().transition(id, to),
    'signals.readiness': ({ id }) => {
      const s = signals();
      return { problem: s.readyProblem(s.get(id)) };
    },
    'search.query': ({ query, filters, limit, offset }) => ({ hits: search(db(), query, filters, limit, offset) }),
    'overview.get': ({ month }) => overview(db(), month),
    'retention.upcoming': () => ({
      retentionMonths: session.policy.retentionMonths,
      items: upcomingRemovals(db(), { retentionMonths: session.policy.retentionMonths, warningDays: defaultWarningDays }, today()),
    }),
    'audit.recent': ({ limit }) => ({
      entries: session
        .requireVault()
        .recentAudit(limit)
        .map(({ seq, at, event }) => ({ seq, at, event })),
    }),
    'taxonomy.get': () => taxonomyView(activeTaxonomy(session.requireVault()).taxonomy),
  };
}
