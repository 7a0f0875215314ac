import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { municipalities } from '../../../shared/geo';
import { foldForSearch } from '../../../shared/text/fold';

interface Props {
  value: string;
  onChange: (name: string) => void;
  error?: string | null;
  autoFocus?: boolean;
}

/** Picks a Dutch municipality by typing any part of its name; shows the province it lies in. */
export function MunicipalityPicker({ value, onChange, error, autoFocus }: Props) {
  const { t } = useTranslation();
  const [input, setInput] = useState(value);
  const needle = foldForSearch(input.trim());
  const items = useMemo(() => municipalities.filter((m) => needle === '' || foldForSearch(m.name).includes(needle)).slice(0, 50), [needle]);
  const current = municipalities.find((m) => m.name === value);
  return (
    <ComboBox
      className="field"
      inputValue={input}
      onInputChange={setInput}
      value={current ? current.name : null}
      onChange={(key) => {
        if (key === null) return;
        onChange(String(key));
        setInput(String(key));
      }}
      items={items}
      isInvalid={Boolean(error)}
      menuTrigger="input"
      autoFocus={autoFocus ?? false}
      validationBehavior="aria"
    >
      <Label className="field-label">{t('meeting.municipality')}</Label>
      <div className="combo">
        <Input className="field-input" />
        <Button className="combo-button" aria-label={t('meeting.showMunicipalities')}>
          <span className="chevron" aria-hidden="true" />
        </Button>
      </div>
      <Text slot="description" className="field-hint">
        {current ? t('meeting.inProvince', { province: current.province }) : t('meeting.municipalityHint')}
      </Text>
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {(m: (typeof municipalities)[number]) => (
            <ListBoxItem id={m.name} textValue={m.name} className="option">
              <Text slot="label">{m.name}</Text>
              <Text slot="description" className="option-description">
                {m.province}
              </Text>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
