import { useTranslation } from 'react-i18next';
import type { EffectivePolicyView } from '../../../shared/contract/ipc-contract';
import { isPolicyKeyName, policyKeySpec } from '../../../shared/policy/policy-schema';

/** A policy value as text: strings without quotes, null as "not set". */
function useShowValue(): (json: string) => string {
  const { t } = useTranslation();
  return (json) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return json;
    }
    if (value === null) return t('policy.notSet');
    if (typeof value === 'boolean') return value ? t('policy.yes') : t('policy.no');
    return typeof value === 'string' ? value : json;
  };
}

/** The label of a key in the current language, from the schema; the key itself for keys it does not know. */
function useKeyLabel(): (key: string) => string {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'nl';
  return (key) => (isPolicyKeyName(key) ? (policyKeySpec(key).label?.[lang] ?? key) : key);
}

/** Every setting of the effective machine policy with where it came from. */
export function PolicyTable({ view }: { view: EffectivePolicyView }) {
  const { t } = useTranslation();
  const show = useShowValue();
  const label = useKeyLabel();
  return (
    <table className="table" data-testid="policy-table">
      <thead>
        <tr>
          <th scope="col">{t('policy.setting')}</th>
          <th scope="col">{t('policy.value')}</th>
          <th scope="col">{t('policy.origin')}</th>
        </tr>
      </thead>
      <tbody>
        {view.entries.map((e) => (
          <tr key={e.key}>
            <td>
              {label(e.key)} <code className="muted">{e.key}</code>
            </td>
            <td>{show(e.value)}</td>
            <td>{t(`policy.origins.${e.origin}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The wrong keys of an invalid policy, each with what is wrong and where it was set. */
export function PolicyProblems({ view }: { view: EffectivePolicyView }) {
  const { t } = useTranslation();
  const label = useKeyLabel();
  return (
    <ul className="problems" data-testid="policy-problems">
      {view.problems.map((p) => (
        <li key={`${p.key}:${p.message}`}>
          <strong>{label(p.key)}</strong> <code>{p.key}</code>: {p.message}
          {p.source ? ` (${t(`policy.origins.${p.source}`)})` : ''}
        </li>
      ))}
    </ul>
  );
}
