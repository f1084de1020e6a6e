import { useState } from 'preact/hooks';
import { t } from '@/i18n';
import { LOCALES } from '@/i18n';
import type { Locale } from '@/rules/types';
import type { DashboardModel } from '@/entrypoints/dashboard/model';
import { ConfirmButton } from '../../components/ConfirmButton';
import { PageTypeCorrections } from './PageTypeCorrections';

function positiveOrNull(text: string): number | null {
  const n = Number.parseInt(text, 10);
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function SettingsPanel({ model }: { model: DashboardModel }) {
  const locale = model.locale.value;
  const settings = model.settings.value;
  const [notice, setNotice] = useState('');
  const [pauseHost, setPauseHost] = useState('');
  const [deleteHost, setDeleteHost] = useState('');
  const [days, setDays] = useState(settings.retention.keepDays?.toString() ?? '');
  const [count, setCount] = useState(settings.retention.keepCount?.toString() ?? '');
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const deleted = (n: number) => setNotice(t('deleted_count', locale, { count: n }));
  /** A retention setting that would delete captured evidence waits for a second word, with the break it leaves. */
  const [retentionWarning, setRetentionWarning] = useState<string | null>(null);
  const retention = () => ({ keepDays: positiveOrNull(days), keepCount: positiveOrNull(count) });
  const saveRetention = async () => {
    setRetentionWarning(null);
    const removed = await model.setRetention(retention());
    setNotice(t('retention_saved', locale, { count: removed }));
  };

  return (
    <section aria-labelledby="settings-heading" class="settings">
      <h2 id="settings-heading">{t('settings_heading', locale)}</h2>
      <p class="notice" role="status">
        {notice}
      </p>

      <label>
        {t('settings_language', locale)}{' '}
        <select name="locale" value={locale} onChange={(event) => void model.setLocale(value(event) as Locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {t(`lang_${l}`, locale)}
            </option>
          ))}
        </select>
      </label>

      <fieldset>
        <legend>{t('settings_auto', locale)}</legend>
        <label>
          <input
            type="checkbox"
            name="autoAudit"
            checked={settings.autoAudit}
            onChange={(event) => void model.setAutoAudit((event.currentTarget as HTMLInputElement).checked)}
          />{' '}
          {t('settings_auto', locale)}
        </label>
        <p class="muted">{t('settings_auto_help', locale)}</p>
      </fieldset>

      <fieldset>
        <legend>{t('settings_paused', locale)}</legend>
        {settings.pausedHosts.length === 0 ? (
          <p>{t('settings_paused_none', locale)}</p>
        ) : (
          <ul>
            {settings.pausedHosts.map((host) => (
              <li key={host}>
                {host}{' '}
                <button type="button" onClick={() => void model.setPaused(host, false)}>
                  {t('settings_resume', locale, { host })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const host = pauseHost.trim().toLowerCase();
            if (host) void model.setPaused(host, true).then(() => setPauseHost(''));
          }}
        >
          <label>
            {t('settings_pause_input', locale)}{' '}
            <input type="text" name="pauseHost" value={pauseHost} onInput={(event) => setPauseHost(value(event))} />
          </label>{' '}
          <button type="submit">{t('settings_pause_add', locale)}</button>
        </form>
      </fieldset>

      <PageTypeCorrections model={model} />

      <fieldset>
        <legend>{t('settings_retention', locale)}</legend>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const warning = await model.evidenceWarning({ retention: retention() });
            if (warning) setRetentionWarning(warning);
            else await saveRetention();
          }}
        >
          <label>
            {t('retention_days', locale)}{' '}
            <input type="number" min="1" name="keepDays" value={days} onInput={(event) => setDays(value(event))} />
          </label>
          <label>
            {t('retention_count', locale)}{' '}
            <input type="number" min="1" name="keepCount" value={count} onInput={(event) => setCount(value(event))} />
          </label>
          <button type="submit">{t('retention_save', locale)}</button>
          {retentionWarning && (
            <span class="confirm" role="group" aria-label={t('confirm_retention', locale)}>
              <span role="alert">
                {t('confirm_retention', locale)} <strong class="confirm__warning">{retentionWarning}</strong>
              </span>{' '}
              <button type="button" class="danger" onClick={() => void saveRetention()}>
                {t('retention_confirm', locale)}
              </button>{' '}
              <button type="button" onClick={() => setRetentionWarning(null)}>
                {t('confirm_no', locale)}
              </button>
            </span>
          )}
        </form>
      </fieldset>

      <fieldset>
        <legend>{t('settings_delete', locale)}</legend>
        <label>
          {t('delete_site_label', locale)}{' '}
          <select name="deleteHost" value={deleteHost} onChange={(event) => setDeleteHost(value(event))}>
            <option value="">{t('site_choose', locale)}</option>
            {model.hosts.value.map((host) => (
              <option key={host} value={host}>
                {host}
              </option>
            ))}
          </select>
        </label>{' '}
        {deleteHost && (
          <ConfirmButton
            label={t('delete_site', locale)}
            question={t('confirm_delete_site', locale, { host: deleteHost })}
            locale={locale}
            warning={() => model.evidenceWarning({ host: deleteHost })}
            onConfirm={async () => {
              deleted(await model.deleteSite(deleteHost));
              setDeleteHost('');
            }}
          />
        )}
        <p>
          <ConfirmButton
            label={t('delete_all', locale)}
            question={t('confirm_delete_all', locale)}
            locale={locale}
            warning={() => model.evidenceWarning({ all: true })}
            onConfirm={async () => deleted(await model.deleteAll())}
          />
        </p>
      </fieldset>
    </section>
  );
}
