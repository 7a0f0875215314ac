import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  description?: string;
  error?: string | null;
  autoFocus?: boolean;
  autoComplete: 'current-password' | 'new-password';
  name: string;
}

/** A passphrase input with its label, hint and error tied together for assistive technology. */
export function PassphraseField({ label, value, onChange, description, error, autoFocus, autoComplete, name }: Props) {
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
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}
