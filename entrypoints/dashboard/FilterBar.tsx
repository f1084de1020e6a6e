import { t } from '@/i18n';
import type { Grade, Locale, PageType } from '@/rules/types';
import type { DashboardModel } from '@/entrypoints/dashboard/model';
import { ruleTitle } from '@/i18n/text';
import { PageTypeOptions } from '../../components/PageTypeOptions';

const GRADES: Grade[] = ['A', 'B', 'C', 'D', 'F', 'N/A'];

/** What the filter bar reads and sets: the history's model, or a batch's. */
export type FilterModel = Pick<DashboardModel, 'locale' | 'filters' | 'searchInput' | 'typeSearch' | 'setFilter' | 'clearFilters'>;

export function FilterBar({ model, ruleIds }: { model: FilterModel; ruleIds: readonly string[] }) {
  const locale: Locale = model.locale.value;
  const filters = model.filters.value;
  const value = (event: Event) => (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form class="filters" role="search" aria-label={t('filters_label', locale)} onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('search_label', locale)}
        <input
          type="search"
          name="q"
          value={model.searchInput.value}
          placeholder={t('search_placeholder', locale)}
          onInput={(event) => model.typeSearch(value(event))}
        />
      </label>
      <label>
        {t('filter_grade', locale)}
        <select name="grade" value={filters.grade} onChange={(event) => model.setFilter('grade', value(event) as Grade | '')}>
          <option value="">{t('filter_any', locale)}</option>
          {GRADES.map((grade) => (
            <option key={grade} value={grade}>
              {grade}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter_page_type', locale)}
        <select
          name="pageType"
          value={filters.pageType}
          onChange={(event) => model.setFilter('pageType', value(event) as PageType | '')}
        >
          <option value="">{t('filter_any', locale)}</option>
          <PageTypeOptions locale={locale} />
        </select>
      </label>
      <label>
        {t('filter_failed_rule', locale)}
        <select name="failedRule" value={filters.failedRule} onChange={(event) => model.setFilter('failedRule', value(event))}>
          <option value="">{t('filter_any', locale)}</option>
          {ruleIds.map((id) => (
            <option key={id} value={id}>
              {ruleTitle(id, locale)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter_from', locale)}
        <input type="date" name="from" value={filters.from} onChange={(event) => model.setFilter('from', value(event))} />
      </label>
      <label>
        {t('filter_to', locale)}
        <input type="date" name="to" value={filters.to} onChange={(event) => model.setFilter('to', value(event))} />
      </label>
      <label class="filters__check">
        <input
          type="checkbox"
          name="withEvidence"
          checked={filters.withEvidence}
          onChange={(event) => model.setFilter('withEvidence', (event.currentTarget as HTMLInputElement).checked)}
        />
        {t('filter_with_evidence', locale)}
      </label>
      <button type="button" onClick={() => model.clearFilters()}>
        {t('filter_clear', locale)}
      </button>
    </form>
  );
}
