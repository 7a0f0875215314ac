import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox } from 'react-aria-components';
import type { SignalDetailView } from '../../../../shared/contract/ipc-contract';
import { proposesUrgency } from '../../../../shared/taxonomy/severity';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { codeKey, errorText } from '../../i18n/i18n';

const markable = new Set(['draft', 'ready', 'returned']);

/**
 * Urgency of a signal: the mark (severity 4 proposes it), the referral guidance for acute danger
 * from the policy (the app itself contacts nobody), and for an urgent ready signal the way to the
 * team lead at once, outside the schedule.
 */
export function UrgencySection({ signal, onSent }: { signal: SignalDetailView; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const [urgent, setUrgent] = useState(false);
  const [guidance, setGuidance] = useState<{ nl: string[]; en: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    void api['signals.urgency']({ id: signal.id }).then((r) => r.ok && setUrgent(r.value.urgent));
    void api['referral.guidance']({}).then((r) => r.ok && setGuidance(r.value));
  }, [signal.id]);

  const mark = async (on: boolean) => {
    const r = await api['signals.setUrgent']({ id: signal.id, urgent: on });
    if (!r.ok) return setError(errorText(r.error));
    setError(null);
    setUrgent(r.value.urgent);
  };

  const sendNow = async () => {
    setSending(true);
    const r = await api['exchange.sendUrgent']({ id: signal.id });
    setSending(false);
    if (!r.ok) return setError(r.error.code === 'not_ready' && r.error.reason ? t(codeKey('readiness', r.error.reason)) : errorText(r.error));
    const failure = r.value.failures[0];
    if (failure) return setError(t(`errors.${failure.code}`, { defaultValue: t('urgency.notDelivered') }));
    setError(null);
    setSent(true);
    onSent();
  };

  const lines = guidance ? (i18n.language.startsWith('en') ? guidance.en : guidance.nl) : [];
  return (
    <section aria-labelledby="urgency-title">
      <h2 id="urgency-title">{t('urgency.title')}</h2>
      {!urgent && proposesUrgency(signal.tags) && markable.has(signal.state) ? <p className="notice">{t('urgency.proposed')}</p> : null}
      <Checkbox className="checkbox" isSelected={urgent} isDisabled={!markable.has(signal.state)} onChange={(on) => void mark(on)}>
        <span className="checkbox-box" aria-hidden="true" />
        {t('urgency.mark')}
      </Checkbox>
      {urgent ? (
        <div className="referral" data-testid="referral-guidance">
          <h3>{t('urgency.referralTitle')}</h3>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="muted">{t('urgency.referralNote')}</p>
        </div>
      ) : null}
      {urgent && signal.state === 'ready' ? (
        <div className="button-row">
          <Button className="button primary" isDisabled={sending} onPress={() => void sendNow()}>
            {t('urgency.sendNow')}
          </Button>
        </div>
      ) : null}
      {sent ? (
        <p role="status" className="notice">
          {t('urgency.sent')}
        </p>
      ) : null}
      <FormError message={error} />
    </section>
  );
}
