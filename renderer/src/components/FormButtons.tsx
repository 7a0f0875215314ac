import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';

interface Props {
  submit: string;
  /** While the core works: the submit button is disabled and says so. */
  busy?: boolean;
  back: string;
  onBack: () => void;
}

/** A form's submit button and its way back, side by side. */
export function FormButtons({ submit, busy = false, back, onBack }: Props) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button type="submit" className="button primary" isDisabled={busy}>
        {busy ? t('common.working') : submit}
      </Button>
      <Button className="button" onPress={onBack}>
        {back}
      </Button>
    </div>
  );
}
