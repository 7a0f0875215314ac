import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { codeKey } from '../i18n/i18n';
import type { WorkQueueView } from '../../../shared/contract/ipc-contract';
import { useNav, type View } from '../stores/nav-store';
import { useQueue } from '../stores/queue-store';

type Item = WorkQueueView['items'][number];

const viewOf = (item: Item): View =>
  item.target.page === 'review'
    ? { name: 'review' }
    : item.target.page === 'signal'
      ? { name: 'signal', id: item.target.id }
      : { name: 'meeting', id: item.target.id };

/** One line per item: what it is and why it waits, in the user's language. */
function useItemText() {
  const { t, i18n } = useTranslation();
  const day = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const date = (iso: string) => day.format(new Date(iso.length === 10 ? `${iso}T12:00:00` : iso));
  return (item: Item): { title: string; why: string } => {
    const id = item.target.id;
    switch (item.kind) {
      case 'returned':
        return { title: t('queue.kinds.returned', { id }), why: t('queue.why.returned', { reason: item.reason }) };
      case 'urgent':
        if (item.target.page === 'review') return { title: t('queue.kinds.urgentReview', { id }), why: t('queue.why.age', { count: Number(item.detail) }) };
        return {
          title: t('queue.kinds.urgent', { id }),
          why: item.code === 'urgent_ready' ? t('queue.why.urgentReady') : t('queue.why.urgentDraft'),
        };
      case 'undecided-redaction':
        return { title: t('queue.kinds.undecided', { id }), why: t('queue.why.undecided') };
      case 'incomplete':
        return { title: t('queue.kinds.incomplete', { id }), why: i18n.exists(`readiness.${item.code}`) ? t(codeKey('readiness', item.code)) : item.reason };
      case 'follow-up-due':
        return { title: t('queue.kinds.followUp', { date: date(item.since) }), why: item.reason };
      case 'retention-warning':
        return { title: t('queue.kinds.retention', { date: date(item.since) }), why: t('queue.why.retention', { date: date(item.detail ?? item.since) }) };
      case 'ready-waiting':
        return {
          title: t('queue.kinds.ready', { id }),
          why: item.detail ? t('queue.why.leavesAt', { when: when.format(new Date(item.detail)) }) : t('queue.why.leaves'),
        };
      case 'review-overdue':
        return { title: t('queue.kinds.review', { id }), why: t('queue.why.overdue', { count: Number(item.detail) }) };
      case 'review-pending':
        return { title: t('queue.kinds.review', { id }), why: t('queue.why.age', { count: Number(item.detail) }) };
    }
  };
}

/**
 * The work queue as one list: each entry opens the place where the work is done. The list is one
 * tab stop; arrow keys, Home and End move between entries and Enter opens one.
 */
export function WorkQueue() {
  const { t } = useTranslation();
  const { queue, load } = useQueue(useShallow(({ queue, load }) => ({ queue, load })));
  const go = useNav((s) => s.go);
  const text = useItemText();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!queue) return null;
  const items = queue.items;
  const move = (e: KeyboardEvent<HTMLUListElement>) => {
    const at = refs.current.findIndex((el) => el === document.activeElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined || at < 0) return;
    e.preventDefault();
    refs.current[Math.max(0, Math.min(items.length - 1, to))]?.focus();
  };
  return (
    <section aria-labelledby="queue-title">
      <h2 id="queue-title">{t('queue.title', { count: items.length })}</h2>
      {items.length === 0 ? (
        <p className="muted">{t('queue.empty')}</p>
      ) : (
        <ul className="work-queue" data-content="queue" onKeyDown={move}>
          {items.map((item, i) => {
            const { title, why } = text(item);
            return (
              <li key={item.ref} className={`queue-item queue-${item.kind}`}>
                <button
                  type="button"
                  ref={(el) => {
                    refs.current[i] = el;
                  }}
                  tabIndex={i === 0 ? 0 : -1}
                  className="queue-button"
                  data-kind={item.kind}
                  onClick={() => go(viewOf(item))}
                >
                  <span className="queue-title">
                    {item.kind === 'urgent' ? <span className="badge badge-urgent">{t('queue.urgentBadge')}</span> : null}
                    {title}
                    {item.severity ? <span className="muted"> · {t('queue.severity', { level: item.severity })}</span> : null}
                  </span>
                  <span className="queue-why">{why}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** For the team lead: per officer what waits and what went back, and what the next team bundle cannot release yet. */
export function LeadFigures() {
  const { t } = useTranslation();
  const queue = useQueue((s) => s.queue);
  if (!queue || queue.role !== 'teamlead') return null;
  const waiting = queue.waitingForK;
  return (
    <>
      <section aria-labelledby="per-officer-title">
        <h2 id="per-officer-title">{t('queue.lead.perOfficer')}</h2>
        {queue.perOfficer.length === 0 ? (
          <p className="muted">{t('queue.lead.noOfficers')}</p>
        ) : (
          <table className="table compact" data-content="per-officer">
            <thead>
              <tr>
                <th scope="col">{t('queue.lead.officer')}</th>
                <th scope="col">{t('queue.lead.pending')}</th>
                <th scope="col">{t('queue.lead.returned')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.perOfficer.map((o) => (
                <tr key={o.officer}>
                  <td>{o.officer}</td>
                  <td>{o.pending}</td>
                  <td>{o.returned}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {waiting ? (
        <section aria-labelledby="waiting-k-title">
          <h2 id="waiting-k-title">{t('queue.lead.waitingTitle', { k: waiting.k })}</h2>
          {waiting.combinations.length === 0 ? (
            <p className="muted">{t('queue.lead.nothingWaits')}</p>
          ) : (
            <table className="table compact" data-content="waiting-k">
              <thead>
                <tr>
                  <th scope="col">{t('queue.lead.combination')}</th>
                  <th scope="col">{t('queue.lead.has')}</th>
                  <th scope="col">{t('queue.lead.missing')}</th>
                  <th scope="col">{t('queue.lead.since')}</th>
                </tr>
              </thead>
              <tbody>
                {waiting.combinations.map((c) => (
                  <tr key={`${c.stateActor}|${c.modusOperandi}|${c.channel}`}>
                    <td>
                      {c.stateActor} · {c.modusOperandi} · {c.channel}
                    </td>
                    <td>{c.signals}</td>
                    <td>{c.missing}</td>
                    <td>{c.waitingSince}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </>
  );
}
