import { useTranslation } from 'react-i18next';
import type { SignalState } from '../../../shared/capture/signal-states';

export function StateBadge({ state }: { state: SignalState }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${state}`}>{t(`states.${state}`)}</span>;
}
