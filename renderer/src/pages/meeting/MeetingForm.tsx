import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FieldError, Form, Input, Label, NumberField, TextField } from 'react-aria-components';
import { meetingKinds, type MeetingFieldsInput, type MeetingKind } from '../../../../shared/capture/meeting-schema';
import type { ErrorInfo } from '../../../../shared/contract/errors';
import type { MeetingView } from '../../../../shared/contract/ipc-contract';
import { FormError } from '../../components/FormError';
import { MunicipalityPicker } from '../../components/MunicipalityPicker';
import { SingleValuePicker } from '../../components/SingleValuePicker';
import { useBusyAction } from '../../hooks/use-busy-action';
import { errorText } from '../../i18n/i18n';
import { useCommunityValues } from '../../stores/taxonomy-store';
import { SelectField } from '../../components/SelectField';
import { useCaptureMemory } from '../../stores/capture-memory-store';

const pad = (n: number) => String(n).padStart(2, '0');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
const nowTime = () => {
  const d = new Date();
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** Which form field an error from the core belongs to. */
const fieldOf = (error: ErrorInfo | null): string | null => error?.field?.replace(/^fields\./, '') ?? null;
const fields = ['date', 'time', 'kind', 'community', 'municipality', 'setting', 'participants'] as const;

interface Props {
  meeting: MeetingView | null;
  onSubmit: (fields: MeetingFieldsInput) => Promise<ErrorInfo | null>;
}

/**
 * The meeting's facts, quick to fill: today's date and time, the last community and municipality
 * used, and a dialogue as the usual kind. No field asks for a person's name.
 */
export function MeetingForm({ meeting, onSubmit }: Props) {
  const { t } = useTranslation();
  const communities = useCommunityValues();
  const memory = useCaptureMemory((s) => s.memory);
  const loadMemory = useCaptureMemory((s) => s.load);
  const rememberMeeting = useCaptureMemory((s) => s.rememberMeeting);
  const [date, setDate] = useState(meeting?.date ?? today());
  const [time, setTime] = useState(meeting ? (meeting.time ?? '') : nowTime());
  const [kind, setKind] = useState<MeetingKind>(meeting?.kind ?? 'community-dialogue');
  // Until the user chooses, a new meeting shows what the vault remembers (which may arrive after the form opened).
  const [chosenCommunity, setCommunity] = useState<string | null>(meeting?.community ?? null);
  const [chosenMunicipality, setMunicipality] = useState<string | null>(meeting?.municipality ?? null);
  const community = chosenCommunity ?? memory?.community ?? '';
  const municipality = chosenMunicipality ?? memory?.municipality ?? '';
  const [setting, setSetting] = useState(meeting?.setting ?? '');
  const [participants, setParticipants] = useState<number>(meeting?.participants ?? Number.NaN);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const { busy, run } = useBusyAction();
  useEffect(() => void loadMemory(), [loadMemory]);
  const errorFor = (field: (typeof fields)[number]) => (fieldOf(error) === field ? t(`meeting.invalid.${field}`) : null);
  const formLevel = error && !(fields as readonly string[]).includes(fieldOf(error) ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const failure = await run(() => onSubmit({ date, time: time || null, kind, community, municipality, setting, participants }));
    setError(failure);
    if (!failure) void rememberMeeting({ community, municipality });
  };

  return (
    <Form className="form form-grid" onSubmit={(e) => void submit(e)} validationBehavior="aria" aria-label={t('meeting.formLabel')}>
      <TextField className="field" value={date} onChange={setDate} isRequired isInvalid={Boolean(errorFor('date'))} validationBehavior="aria">
        <Label className="field-label">{t('meeting.date')}</Label>
        <Input className="field-input" type="date" />
        <FieldError className="field-error">{errorFor('date')}</FieldError>
      </TextField>
      <TextField className="field" value={time} onChange={setTime} isInvalid={Boolean(errorFor('time'))} validationBehavior="aria">
        <Label className="field-label">{t('meeting.time')}</Label>
        <Input className="field-input" type="time" />
        <FieldError className="field-error">{errorFor('time')}</FieldError>
      </TextField>
      <SelectField label={t('meeting.kind')} value={kind} options={meetingKinds.map((k) => ({ id: k, label: t(`meetingKinds.${k}`) }))} onChange={setKind} />
      <SingleValuePicker label={t('meeting.community')} values={communities} value={community} onChange={setCommunity} error={errorFor('community')} />
      <MunicipalityPicker value={municipality} onChange={setMunicipality} error={errorFor('municipality')} />
      <TextField className="field" value={setting} onChange={setSetting} maxLength={200} validationBehavior="aria">
        <Label className="field-label">{t('meeting.setting')}</Label>
        <Input className="field-input" />
      </TextField>
      <NumberField
        className="field"
        value={participants}
        onChange={setParticipants}
        minValue={1}
        isRequired
        isInvalid={Boolean(errorFor('participants'))}
        validationBehavior="aria"
      >
        <Label className="field-label">{t('meeting.participants')}</Label>
        <Input className="field-input narrow" />
        <FieldError className="field-error">{errorFor('participants')}</FieldError>
      </NumberField>
      <FormError message={formLevel && error ? errorText(error) : null} />
      <div className="button-row">
        <Button type="submit" className="button primary" isDisabled={busy}>
          {meeting ? t('meeting.save') : t('meeting.create')}
        </Button>
      </div>
    </Form>
  );
}
