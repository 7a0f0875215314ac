import { useTranslation } from 'react-i18next';

/** The recovery key in its eight groups, large and spaced for copying onto paper. */
export function RecoveryKeyDisplay({ recoveryKey }: { recoveryKey: string }) {
  const { t } = useTranslation();
  const groups = recoveryKey.split('-');
  return (
    <figure className="recovery-key">
      <figcaption className="field-label">{t('recovery.keyLabel')}</figcaption>
      <ol className="recovery-groups" data-testid="recovery-key">
        {groups.map((group, i) => (
          <li key={i} aria-label={`${t('recovery.group', { n: i + 1 })}: ${group.split('').join(' ')}`}>
            <span className="group-number" aria-hidden="true">
              {i + 1}
            </span>
            <code>{group}</code>
          </li>
        ))}
      </ol>
    </figure>
  );
}
