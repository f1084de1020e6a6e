import { useState } from 'preact/hooks';
import { t } from '@/i18n';
import type { PageType } from '@/rules/types';
import type { DashboardModel } from '@/entrypoints/dashboard/model';
import { normalisePattern } from '@/storage/page-type-overrides';
import { PageTypeOptions } from '../../components/PageTypeOptions';

/** The page types a person set for URL patterns: listed, changed, removed, or added by hand. */
export function PageTypeCorrections({ model }: { model: DashboardModel }) {
  const locale = model.locale.value;
  const overrides = model.settings.value.pageTypeOverrides;
  const [pattern, setPattern] = useState('');
  const [pageType, setPageType] = useState<PageType>('platform-home');
  const [invalid, setInvalid] = useState(false);
  const selected = (event: Event) => (event.currentTarget as HTMLSelectElement).value as PageType;

  return (
    <fieldset data-testid="page-type-corrections">
      <legend>{t('settings_page_types', locale)}</legend>
      <p class="muted">{t('settings_page_types_help', locale)}</p>
      {overrides.length === 0 ? (
        <p>{t('settings_page_types_none', locale)}</p>
      ) : (
        <ul>
          {overrides.map((override) => (
            <li key={override.pattern}>
              <code>{override.pattern}</code>{' '}
              <select
                aria-label={`${t('settings_page_types_type', locale)} ${override.pattern}`}
                value={override.pageType}
                onChange={(event) => void model.setPageTypeOverride(override.pattern, selected(event))}
              >
                <PageTypeOptions locale={locale} />
              </select>{' '}
              <button type="button" onClick={() => void model.setPageTypeOverride(override.pattern, null)}>
                {t('settings_page_types_remove', locale, { pattern: override.pattern })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const normalised = normalisePattern(pattern);
          setInvalid(!normalised);
          if (normalised) void model.setPageTypeOverride(normalised, pageType).then(() => setPattern(''));
        }}
      >
        <label>
          {t('settings_page_types_pattern', locale)}{' '}
          <input type="text" name="pageTypePattern" value={pattern} onInput={(event) => setPattern((event.currentTarget as HTMLInputElement).value)} />
        </label>{' '}
        <label>
          {t('settings_page_types_type', locale)}{' '}
          <select name="pageTypeChoice" value={pageType} onChange={(event) => setPageType(selected(event))}>
            <PageTypeOptions locale={locale} />
          </select>
        </label>{' '}
        <button type="submit">{t('settings_page_types_add', locale)}</button>
        {invalid && (
          <p class="banner banner--error" role="alert">
            {t('settings_page_types_invalid', locale)}
          </p>
        )}
      </form>
    </fieldset>
  );
}
