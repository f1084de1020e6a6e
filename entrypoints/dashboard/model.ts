import { batch, computed, effect, signal } from '@preact/signals';
import type { Grade, PageType } from '@/rules/types';
import { shownLocale } from '@/i18n/shown-locale';
import type { LiangzhaoDatabase, StoredAudit } from '@/storage/db';
import {
  applyRetention,
  auditsOfHost,
  capturesAtStake,
  auditsOfPage,
  deleteAll,
  deleteAudit,
  deleteSite,
  queryAudits,
  storedHosts,
  type AuditPage,
  type AuditQuery,
  type DeletionScope,
  type Retention,
  type SortColumn,
} from '@/storage/audits';
import { DEFAULT_SETTINGS, loadSettings, saveSetting, setHostPaused, setPageTypeOverride, type Settings } from '@/storage/settings';
import { bindLiveQuery } from '../../storage/live';
import { dayBounds } from '../../i18n/dates';
import { diffAudits, type AuditDiff } from './diff';
import { evidenceBreakWarning } from '../../i18n/text';

/** What the filter bar holds, as a person typed it. */
export interface FilterState {
  text: string;
  grade: Grade | '';
  pageType: PageType | '';
  failedRule: string;
  /** `yyyy-mm-dd` from date inputs; empty for no bound. */
  from: string;
  to: string;
  /** Only audits with captured evidence. */
  withEvidence: boolean;
}

export const EMPTY_FILTERS: FilterState = { text: '', grade: '', pageType: '', failedRule: '', from: '', to: '', withEvidence: false };

export interface SortState {
  column: SortColumn;
  descending: boolean;
}

/** The storage query for the filter bar, the sort and the page shown. */
export function toAuditQuery(filters: FilterState, sort: SortState, page: number, pageSize: number): AuditQuery {
  const from = dayBounds(filters.from);
  const to = dayBounds(filters.to);
  return {
    ...(filters.text.trim() ? { text: filters.text.trim() } : {}),
    ...(filters.grade ? { grades: [filters.grade] } : {}),
    ...(filters.pageType ? { pageTypes: [filters.pageType] } : {}),
    ...(filters.failedRule ? { failedRule: filters.failedRule } : {}),
    ...(from ? { fromMs: from.startMs } : {}),
    ...(to ? { toMs: to.endMs } : {}),
    ...(filters.withEvidence ? { withEvidence: true } : {}),
    sort: sort.column,
    descending: sort.descending,
    offset: page * pageSize,
    limit: pageSize,
  };
}

/** Clicking a column heading: the same column flips its direction; another starts with its natural one. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column === 'auditedAtMs' || column === 'score' || column === 'failedCount' };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export type DashboardView = 'history' | 'site' | 'terms' | 'batch' | 'settings';

export interface DashboardOptions {
  pageSize?: number;
  /** How long typing may pause before the search runs. */
  searchDelayMs?: number;
  /** The settings read before Dexie opened (storage/first-read.ts): the first render's, its language's messages
   *  loaded. */
  settings?: Settings | null;
}

export function createDashboardModel(db: LiangzhaoDatabase, options: DashboardOptions = {}) {
  const pageSize = options.pageSize ?? 50;
  const searchDelayMs = options.searchDelayMs ?? 200;

  const view = signal<DashboardView>('history');
  const filters = signal<FilterState>(EMPTY_FILTERS);
  /** The search box as typed; copied into `filters` after a pause in typing. */
  const searchInput = signal('');
  const sort = signal<SortState>({ column: 'auditedAtMs', descending: true });
  const page = signal(0);
  const listing = signal<AuditPage>({ rows: [], total: null });
  const loading = signal(true);
  const error = signal<string | null>(null);
  const hosts = signal<string[]>([]);
  const settings = signal<Settings>(options.settings ?? DEFAULT_SETTINGS);

  const site = signal<string | null>(null);
  const siteAudits = signal<StoredAudit[]>([]);
  const comparedUrl = signal<string | null>(null);
  const pageAudits = signal<StoredAudit[]>([]);
  const comparison = signal<{ earlierId: number | null; laterId: number | null }>({ earlierId: null, laterId: null });

  const query = computed(() => toAuditQuery(filters.value, sort.value, page.value, pageSize));
  const total = computed(() => listing.value.total);
  const pages = computed(() => pageCount(total.value ?? 0, pageSize));
  const language = shownLocale(computed(() => settings.value.locale));
  const locale = language.locale;
  const diff = computed<AuditDiff | null>(() => {
    const { earlierId, laterId } = comparison.value;
    const earlier = pageAudits.value.find((a) => a.id === earlierId);
    const later = pageAudits.value.find((a) => a.id === laterId);
    if (!earlier || !later || earlier === later) return null;
    const [a, b] = earlier.auditedAtMs <= later.auditedAtMs ? [earlier, later] : [later, earlier];
    return diffAudits(a.result, b.result);
  });

  const onError = (cause: unknown) => (error.value = cause instanceof Error ? cause.message : String(cause));
  const stops: Array<() => void> = [bindLiveQuery(() => loadSettings(db), settings, onError), language.stop];
  // The host list walks a whole index: read it only for the views that offer it, not for the first paint.
  stops.push(
    effect(() => (view.value === 'history' ? undefined : bindLiveQuery(() => storedHosts(db), hosts, onError))),
  );

  // The listing follows the query: a new live query per query, the previous one dropped. Its count reads the small
  // history rows (storage/audit-rows.ts), alongside the page of rows, so rows and total are drawn together.
  stops.push(
    effect(() => {
      const current = query.value;
      loading.value = true;
      return bindLiveQuery(
        async () => {
          const answer = await queryAudits(db, current);
          loading.value = false;
          return answer;
        },
        listing,
        onError,
      );
    }),
  );
  stops.push(
    effect(() => {
      const host = site.value;
      if (!host) return undefined;
      return bindLiveQuery(() => auditsOfHost(db, host), siteAudits, onError);
    }),
  );
  stops.push(
    effect(() => {
      const url = comparedUrl.value;
      if (!url) return undefined;
      return bindLiveQuery(() => auditsOfPage(db, url), pageAudits, onError);
    }),
  );
  // Preselect the latest two audits of the compared page.
  stops.push(
    effect(() => {
      const audits = pageAudits.value;
      const { earlierId, laterId } = comparison.peek();
      const known = (id: number | null) => audits.some((a) => a.id === id);
      if (known(earlierId) && known(laterId)) return;
      comparison.value = { laterId: audits[0]?.id ?? null, earlierId: audits[1]?.id ?? null };
    }),
  );

  let searchTimer: ReturnType<typeof setTimeout> | null = null;

  function setFilter<K extends keyof FilterState>(key: K, value: FilterState[K]) {
    batch(() => {
      filters.value = { ...filters.value, [key]: value };
      page.value = 0;
    });
  }

  return {
    view,
    filters,
    searchInput,
    sort,
    page,
    pages,
    pageSize,
    query,
    total,
    listing,
    loading,
    error,
    hosts,
    settings,
    locale,
    site,
    siteAudits,
    comparedUrl,
    pageAudits,
    comparison,
    diff,
    setFilter,
    typeSearch(text: string) {
      searchInput.value = text;
      if (searchTimer !== null) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        searchTimer = null;
        setFilter('text', text);
      }, searchDelayMs);
    },
    clearFilters() {
      batch(() => {
        searchInput.value = '';
        filters.value = EMPTY_FILTERS;
        page.value = 0;
      });
    },
    sortBy(column: SortColumn) {
      batch(() => {
        sort.value = nextSort(sort.value, column);
        page.value = 0;
      });
    },
    goToPage(next: number) {
      page.value = Math.min(Math.max(0, next), pages.value - 1);
    },
    openSite(host: string) {
      batch(() => {
        site.value = host;
        comparedUrl.value = null;
        view.value = 'site';
      });
    },
    compare(url: string) {
      batch(() => {
        comparedUrl.value = url;
        comparison.value = { earlierId: null, laterId: null };
      });
    },
    choose(which: 'earlierId' | 'laterId', id: number) {
      comparison.value = { ...comparison.value, [which]: id };
    },
    setLocale: (value: Settings['locale']) => saveSetting(db, 'locale', value),
    setAutoAudit: (value: boolean) => saveSetting(db, 'autoAudit', value),
    setPaused: (host: string, paused: boolean) => setHostPaused(db, host, paused),
    setPageTypeOverride: (pattern: string, pageType: PageType | null) => setPageTypeOverride(db, pattern, pageType),
    async setRetention(value: Retention) {
      await saveSetting(db, 'retention', value);
      return applyRetention(db, value);
    },
    deleteAudit: (id: number) => deleteAudit(db, id),
    /** The warning a deletion gives when it removes captured evidence, naming each capture; null when none. */
    evidenceWarning: async (scope: DeletionScope) => evidenceBreakWarning(await capturesAtStake(db, scope), locale.value),
    deleteSite: (host: string) => deleteSite(db, host),
    deleteAll: () => deleteAll(db),
    dispose() {
      if (searchTimer !== null) clearTimeout(searchTimer);
      stops.forEach((stop) => stop());
    },
  };
}

export type DashboardModel = ReturnType<typeof createDashboardModel>;
