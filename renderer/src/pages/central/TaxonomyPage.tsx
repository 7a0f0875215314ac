import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { taxonomyFileMaxBytes } from '../../../../shared/taxonomy/taxonomy-package';
import { api } from '../../api/client';
import { FormError } from '../../components/FormError';
import { PageShell } from '../../components/PageShell';
import { errorText } from '../../i18n/i18n';

type Check = Extract<Awaited<ReturnType<(typeof api)['taxonomy.checkUpdate']>>, { ok: true }>['value'];
type Saved = Extract<Awaited<ReturnType<(typeof api)['taxonomy.signUpdate']>>, { ok: true }>['value'];
type ErrorInfo = Extract<Awaited<ReturnType<(typeof api)['taxonomy.checkUpdate']>>, { ok: false }>['error'];

/** The last part of a path, whichever separator the platform uses. */
const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

/**
 * The central point publishes taxonomy updates: it checks a new package against the version in
 * force here, signs it with this workstation's key and saves it with its signature into Documents,
 * from where it goes to the teams, whose IT trusts this workstation's signer as `taxonomyKey`.
 */
export function TaxonomyPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState<number | null>(null);
  const [signer, setSigner] = useState<string | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api['taxonomy.get']({}).then((r) => (r.ok ? setVersion(r.value.version) : setError(errorText(r.error))));
    void api['keys.show']({}).then((r) => (r.ok ? setSigner(r.value.keys?.signer ?? null) : setError(errorText(r.error))));
  }, []);

  const refused = (e: ErrorInfo) =>
    setError(e.field && e.code !== 'invalid_request' ? `${errorText(e)} ${t('taxonomyUpdate.problemAt', { field: e.field })}` : errorText(e));

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setCheck(null);
    setSaved(null);
    setText(null);
    setError(null);
    if (!file) return;
    // Checked before reading: a huge file is not read into memory at all.
    if (file.size > taxonomyFileMaxBytes) return setError(t('taxonomyUpdate.tooLarge', { mb: taxonomyFileMaxBytes / (1024 * 1024) }));
    const content = await file.text();
    const r = await api['taxonomy.checkUpdate']({ text: content });
    if (!r.ok) return refused(r.error);
    setText(content);
    setCheck(r.value);
  };

  const sign = async () => {
    if (text === null) return;
    const r = await api['taxonomy.signUpdate']({ text });
    if (!r.ok) return refused(r.error);
    setError(null);
    setSaved(r.value);
  };

  return (
    <PageShell title={t('taxonomyUpdate.title')}>
      <p className="lead">{t('taxonomyUpdate.intro')}</p>
      <dl className="facts">
        <dt>{t('taxonomyUpdate.inForce')}</dt>
        <dd data-testid="taxonomy-version">{version ?? '…'}</dd>
      </dl>
      <section aria-labelledby="tx-update">
        <h2 id="tx-update">{t('taxonomyUpdate.newVersion')}</h2>
        <div className="field">
          <label className="field-label" htmlFor="tx-file">
            {t('taxonomyUpdate.file')}
          </label>
          <input id="tx-file" type="file" accept=".json,application/json" onChange={(e) => void choose(e)} />
        </div>
        <FormError message={error} />
        {check ? (
          <>
            <dl className="facts" data-testid="taxonomy-check">
              <dt>{t('taxonomyUpdate.version')}</dt>
              <dd>{t('taxonomyUpdate.versionValue', { namespace: check.namespace, version: check.version, current: check.currentVersion })}</dd>
              <dt>{t('taxonomyUpdate.changes')}</dt>
              <dd>{check.changes.count}</dd>
            </dl>
            {check.changes.list.length > 0 ? (
              <ul className="plain-list" aria-label={t('taxonomyUpdate.changes')}>
                {check.changes.list.map((c) => (
                  <li key={`${c.kind}:${c.tag}`}>
                    {t(`taxonomyUpdate.kinds.${c.kind}`)}: <code>{c.tag}</code>
                    {c.to.length > 0 ? (
                      <>
                        {' → '}
                        <code>{c.to.join(', ')}</code>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {check.changes.count > check.changes.list.length ? (
              <p>{t('taxonomyUpdate.more', { count: check.changes.count - check.changes.list.length })}</p>
            ) : null}
            <Button className="button primary" isDisabled={saved !== null} onPress={() => void sign()}>
              {t('taxonomyUpdate.sign')}
            </Button>
          </>
        ) : null}
        {saved ? (
          <div role="status" className="notice">
            <p>{t('taxonomyUpdate.saved')}</p>
            <ul>
              <li>
                <code>{fileName(saved.file)}</code>
              </li>
              <li>
                <code>{fileName(saved.signature)}</code>
              </li>
            </ul>
            <p>{t('taxonomyUpdate.savedWhere', { folder: saved.file.slice(0, saved.file.length - fileName(saved.file).length) })}</p>
          </div>
        ) : null}
      </section>
      <section aria-labelledby="tx-teams">
        <h2 id="tx-teams">{t('taxonomyUpdate.teamsTitle')}</h2>
        <p>{t('taxonomyUpdate.teamsKey')}</p>
        {signer ? <code data-testid="taxonomy-signer">{signer}</code> : <p>{t('taxonomyUpdate.noKeys')}</p>}
      </section>
    </PageShell>
  );
}
