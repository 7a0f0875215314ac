import { useTranslation } from 'react-i18next';
import { ToggleButton, ToggleButtonGroup, type Key } from 'react-aria-components';
import { languages, chooseLanguage, type Language } from '../i18n/i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language as Language;
  return (
    <ToggleButtonGroup
      aria-label={t('common.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[current]}
      onSelectionChange={(keys: Set<Key>) => {
        const next = [...keys][0];
        if (next === 'nl' || next === 'en') void chooseLanguage(next);
      }}
      className="language-switch"
    >
      {languages.map((lng) => (
        <ToggleButton key={lng} id={lng} className="toggle" lang={lng}>
          {t(`languages.${lng}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
