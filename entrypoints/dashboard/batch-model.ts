import { batch as together, computed, effect, signal } from '@preact/signals';
import { SETTLE_DEFAULTS, type SettleOptions } from '@/rules/settle';
import type { Locale } from '@/rules/types';
import type { SortColumn } from '@/storage/audits';
import type { BatchItemState, LiangzhaoDatabase, StoredAudit, StoredBatch, StoredBatchItem } from '@/storage/db';
import {
  allBatches,
  createBatch,
  DEFAULT_CONCURRENCY,
  itemsOf,
  progressOf,
  setBatchState,
  type BatchProgress,
} from '@/storage/batches';
import { bindLiveQuery } from '@/storage/live';
import { matchesQuery } from '@/storage/search-terms';
import { dayBounds } from '@/i18n/dates';
import { parseUrlList } from '@/utils/url-list';
import { isoWithOffset } from '@/utils/time';
import { exportBatch, type BatchExportFormat } from '@/evidence/export/batch';
import type { ExportFile } from '@/evidence/export/files';
import { EMPTY_FILTERS, nextSort, type FilterState, type SortState } from './model';

/** One row of a batch's results: the list's row and, when it was audited, its audit. */
export interface BatchRow {
  item: StoredBatchItem;
  audit: StoredAudit | null;
}

export type RowSort = SortState | { column: 'index'; descending: boolean };

/** The history's filters, applied to a batch's rows (a row that was never audited matches only by its URL). */
export function filterRows(rows: readonly BatchRow[], filters: FilterState, outcome: BatchItemState | ''): BatchRow[] {
  const text = filters.text.trim();
  const from = dayBounds(filters.from);
  const to = dayBounds(filters.to);
  return rows.filter(({ item, audit }) => {
    if (outcome && item.state !== outcome) return false;
    if (text && !matchesQuery(audit?.searchText ?? item.url.toLowerCase(), text)) return false;
    if (filters.grade && audit?.grade !== filters.grade) return false;
    if (filters.pageType && audit?.pageType !== filters.pageType) return false;
    if (filters.failedRule && !audit?.failedRules.includes(filters.failedRule)) return false;
    if (filters.withEvidence && audit?.captureId === undefined) return false;
    const at = audit?.auditedAtMs ?? item.finishedAtMs;
    if (from && (at === undefined || at < from.startMs)) return false;
    if (to && (at === undefined || at > to.endMs)) return false;
    return true;
  });
}

export function sortRows(rows: readonly BatchRow[], sort: RowSort): BatchRow[] {
  const key = (row: BatchRow): string | number => {
    if (sort.column === 'index') return row.item.index;
    const column: SortColumn = sort.column;
    const value = row.audit?.[column];
    if (value !== undefined && value !== null) return value;
    // An audit nothing applied to has no score: it sorts after the scored ones, before the rows without an audit.
    if (row.audit) return sort.descending ? -1 : 101;
    // A row without an audit sorts after every audited one, whichever the direction.
    return sort.descending ? -Infinity : Infinity;
  };
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const order = x < y ? -1 : x > y ? 1 : a.item.index - b.item.index;
    return sort.descending ? -order : order;
  });
}

/** `#batch=<id>`: the batch window's progress tab, and a link to one batch. */
export function batchIdFromHash(hash: string): number | null {
  const match = /^#batch=(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
}

export interface BatchModelOptions {
  /** Tells the background a batch changed (browser.runtime.sendMessage in the extension). */
  wake: () => Promise<unknown>;
  /** Asks for the optional permission to capture pages nobody clicked; resolves to whether it was granted. */
  requestCapture: () => Promise<boolean>;
  /** Settle limits for batches started here; the defaults unless a test shortens them. */
  settle?: SettleOptions;
  locale: () => Locale;
  extensionVersion: string;
  save: (file: ExportFile) => void;
}

export function createBatchModel(db: LiangzhaoDatabase, options: BatchModelOptions) {
  const listText = signal('');
  const listFile = signal<string | null>(null);
  const name = signal('');
  const concurrency = signal(DEFAULT_CONCURRENCY);
  const capture = signal(false);
  /** The person ticked "capture" but refused the permission: the batch audits without capturing. */
  const captureRefused = signal(false);
  const starting = signal(false);
  const error = signal<string | null>(null);
  const exporting = signal(false);

  const batches = signal<StoredBatch[]>([]);
  const selectedId = signal<number | null>(null);
  const items = signal<StoredBatchItem[]>([]);
  const audits = signal<StoredAudit[]>([]);
  const filters = signal<FilterState>(EMPTY_FILTERS);
  const searchInput = signal('');
  const outcome = signal<BatchItemState | ''>('');
  const sort = signal<RowSort>({ column: 'index', descending: false });
  /** Ticks every second while a batch runs, so the time left moves. */
  const now = signal(Date.now());

  const parsed = computed(() => parseUrlList(listText.value));
  const selected = computed(() => batches.value.find((b) => b.id === selectedId.value) ?? null);
  const progress = computed<BatchProgress | null>(() =>
    selected.value ? progressOf(selected.value, items.value, now.value) : null,
  );
  const rows = computed<BatchRow[]>(() => {
    const byId = new Map(audits.value.map((audit) => [audit.id, audit]));
    const joined = items.value.map((item) => ({
      item,
      audit: (item.auditId === undefined ? undefined : byId.get(item.auditId)) ?? null,
    }));
    return sortRows(filterRows(joined, filters.value, outcome.value), sort.value);
  });

  const onError = (cause: unknown) => (error.value = cause instanceof Error ? cause.message : String(cause));
  const stops: Array<() => void> = [bindLiveQuery(() => allBatches(db), batches, onError)];
  stops.push(
    effect(() => {
      const id = selectedId.value;
      if (id === null) return undefined;
      const stopItems = bindLiveQuery(() => itemsOf(db, id), items, onError);
      const stopAudits = bindLiveQuery(() => db.audits.where('batchId').equals(id).toArray(), audits, onError);
      return () => {
        stopItems();
        stopAudits();
      };
    }),
  );
  stops.push(
    effect(() => {
      if (selected.value?.state !== 'running') return undefined;
      const timer = setInterval(() => (now.value = Date.now()), 1_000);
      return () => clearInterval(timer);
    }),
  );
  // The newest batch is shown until the person picks another.
  stops.push(
    effect(() => {
      if (selectedId.value === null && batches.value[0]?.id !== undefined) selectedId.value = batches.value[0].id;
    }),
  );

  let searchTimer: ReturnType<typeof setTimeout> | null = null;

  async function control(state: StoredBatch['state']) {
    const id = selectedId.value;
    if (id === null) return;
    await setBatchState(db, id, state);
    await options.wake().catch(onError);
  }

  return {
    listText,
    listFile,
    name,
    concurrency,
    capture,
    captureRefused,
    starting,
    error,
    exporting,
    parsed,
    batches,
    selectedId,
    selected,
    items,
    progress,
    rows,
    filters,
    searchInput,
    outcome,
    sort,
    locale: computed(() => options.locale()),
    async openFile(file: File) {
      listFile.value = file.name;
      listText.value = await file.text();
      if (!name.value.trim()) name.value = file.name.replace(/\.(txt|csv)$/i, '');
    },
    async setCapture(wanted: boolean) {
      if (!wanted) {
        together(() => {
          capture.value = false;
          captureRefused.value = false;
        });
        return;
      }
      const granted = await options.requestCapture().catch(() => false);
      together(() => {
        capture.value = granted;
        captureRefused.value = !granted;
      });
    },
    async start(): Promise<number | null> {
      const entries = parsed.value.entries;
      if (entries.length === 0 || starting.value) return null;
      starting.value = true;
      try {
        const id = await createBatch(db, {
          name: name.value.trim() || listFile.value || new Date().toLocaleString(),
          entries,
          concurrency: concurrency.value,
          capture: capture.value,
          settle: options.settle ?? SETTLE_DEFAULTS,
        });
        together(() => {
          selectedId.value = id;
          listText.value = '';
          listFile.value = null;
          name.value = '';
        });
        await options.wake().catch(onError);
        return id;
      } catch (cause) {
        onError(cause);
        return null;
      } finally {
        starting.value = false;
      }
    },
    async exportAs(format: BatchExportFormat) {
      const id = selectedId.value;
      if (id === null || exporting.value) return;
      exporting.value = true;
      try {
        const exportedAt = isoWithOffset(new Date());
        options.save(await exportBatch(db, id, format, { locale: options.locale(), exportedAt, extensionVersion: options.extensionVersion }));
      } catch (cause) {
        onError(cause);
      } finally {
        exporting.value = false;
      }
    },
    pause: () => control('paused'),
    resume: () => control('running'),
    cancel: () => control('cancelled'),
    select(id: number) {
      selectedId.value = id;
    },
    setFilter<K extends keyof FilterState>(key: K, value: FilterState[K]) {
      filters.value = { ...filters.value, [key]: value };
    },
    typeSearch(text: string) {
      searchInput.value = text;
      if (searchTimer !== null) clearTimeout(searchTimer);
      searchTimer = setTimeout(() => {
        searchTimer = null;
        filters.value = { ...filters.value, text };
      }, 200);
    },
    clearFilters() {
      together(() => {
        searchInput.value = '';
        filters.value = EMPTY_FILTERS;
        outcome.value = '';
      });
    },
    sortBy(column: SortColumn | 'index') {
      const current = sort.value;
      if (column === 'index') sort.value = { column, descending: current.column === 'index' ? !current.descending : false };
      // From list order, a column starts in its natural direction.
      else sort.value = current.column === 'index' ? nextSort({ ...current, column: 'index' as never }, column) : nextSort(current, column);
    },
    dispose() {
      if (searchTimer !== null) clearTimeout(searchTimer);
      stops.forEach((stop) => stop());
    },
  };
}

export type BatchModel = ReturnType<typeof createBatchModel>;
