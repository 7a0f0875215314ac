import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, Input, Label, Meter, Text, TextField } from 'react-aria-components';
import { prepareStrengthEstimator, type PassphraseStrength } from '../../../shared/vault/passphrase-strength';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  error?: string | null;
  autoFocus?: boolean;
  autoComplete: 'current-password' | 'new-password';
  name: string;
  /** For a new passphrase: the estimate to show while the user types. */
  strength?: PassphraseStrength;
}

/** A passphrase input with its label, hint and error tied together for assistive technology. */
export function PassphraseField({ label, value, onChange, description, error, autoFocus, autoComplete, name, strength }: Props) {
  const showsStrength = strength !== undefined;
  // The dictionaries take a moment to build: once when the form opens, not at the first keystroke.
  useEffect(() => {
    if (!showsStrength) return;
    const timer = setTimeout(prepareStrengthEstimator, 0);
    return () => clearTimeout(timer);
  }, [showsStrength]);

  return (
    <TextField
      className="field"
      type="password"
      name={name}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      autoComplete={autoComplete}
      autoFocus={autoFocus ?? false}
      validationBehavior="aria"
    >
      <Label className="field-label">{label}</Label>
      <Input className="field-input" spellCheck={false} />
      {description ? (
        <Text slot="description" className="field-hint">
          {description}
        </Text>
      ) : null}
      {strength && value.length > 0 ? <StrengthFeedback strength={strength} /> : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

/** The strength while typing: a meter and the most useful hint, read out politely as it changes. */
function StrengthFeedback({ strength }: { strength: PassphraseStrength }) {
  const { t } = useTranslation();
  // Too short is said by the hint above and, on submit, by the field's error.
  const hint = strength.ok
    ? t('passphrase.strengthEnough')
    : [
        strength.warning ? t(`passphrase.warning.${strength.warning}`) : null,
        strength.suggestions[0] ? t(`passphrase.suggestion.${strength.suggestions[0]}`) : null,
      ]
        .filter(Boolean)
        .join(' ');
  return (
    <div className="strength">
      <Meter className="strength-meter" value={strength.score} minValue={0} maxValue={4} valueLabel={t(`passphrase.strength.${strength.score}`)}>
        {({ valueText }) => (
          <>
            <Label className="strength-label">{t('passphrase.strengthLabel')}</Label>
            <span className="strength-value">{valueText}</span>
            <div className="strength-bar" aria-hidden="true">
              <div className="strength-fill" data-score={strength.score} />
            </div>
          </>
        )}
      </Meter>
      <p className="field-hint" aria-live="polite">
        {hint}
      </p>
    </div>
  );
}
