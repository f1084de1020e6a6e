import { batch, computed, effect, signal } from '@preact/signals';
import type { Message, PageState, Reply } from '@/messaging/protocol';
import { HIDDEN_REASONS, type AuditResult, type Evidence, type Facts, type HiddenReason, type Locale, type PageType } from '@/rules/types';
import { t } from '@/i18n';
import { shownLocale } from '@/i18n/shown-locale';
import type { EvaluateMeta } from '@/rules';
import type { StoredAuditRow } from '@/storage/db';
import { hostOf } from '@/utils/url';
import { latestAudits } from '@/storage/audits';
import { DEFAULT_SETTINGS, isPaused, loadSettings, setHostPaused, setPageTypeOverride, type Settings } from '@/storage/settings';
import { overrideFor, patternFor, type OverrideScope } from '@/storage/page-type-overrides';
import type { WriteStatus } from '@/storage/audit-writer';
import type { FirstRead } from '@/storage/first-read';
import { mayAskTab } from './tab';
import type { AskedTab, TabInfo } from './ask-tab';
import type { HighlightOutcome } from '@/components/Checklist';
import type { TermsPanelLoad } from './terms';
import type { PopupStorage } from './storage';

export type { TabInfo };

export interface PopupDeps {
  /** The database and what reads it, loaded after the first render (./storage.ts). */
  storage: Promise<PopupStorage>;
  /** The tab the popup speaks for: the active tab, or the one named by `?tab=`. */
  currentTab(): Promise<TabInfo | null>;
  sendToTab<M extends Message>(tabId: number, message: M): Promise<Reply<M>>;
  /** The background's record of unsaved audits. */
  writeStatus(): Promise<WriteStatus>;
  /** Tells the background the tab's site was paused, so its badge says so. */
  badgePaused?(tabId: number, host: string): Promise<unknown>;
  /** Re-scores facts as another page type; the engine is loaded only when a person asks for it. */
  evaluate(facts: Facts, meta: EvaluateMeta): AuditResult | Promise<AuditResult>;
  /** The settings and history read before Dexie opened (storage/first-read.ts): the first render's, its language's
   *  messages loaded. */
  first?: FirstRead | null;
  /** ISO 8601 with offset, now. */
  nowIso(): string;
  historySize?: number;
}

export type PopupPhase = 'loading' | 'ready' | 'unsupported' | 'no-script';

export function createPopupModel(deps: PopupDeps) {
  const tab = signal<TabInfo | null>(null);
  const phase = signal<PopupPhase>('loading');
  const page = signal<PageState | null>(null);
  /** A re-score with a corrected page type, shown at once while the tab audits again. */
  const rescored = signal<AuditResult | null>(null);
  const auditing = signal(false);
  const error = signal<string | null>(null);
  const highlights = signal<Record<string, HighlightOutcome>>({});
  const settings = signal<Settings>(deps.first?.settings ?? DEFAULT_SETTINGS);
  const history = signal<StoredAuditRow[]>(deps.first?.history ?? []);
  const writeStatus = signal<WriteStatus | null>(null);
  /** How far a page type the person chooses next is remembered. */
  const rememberScope = signal<OverrideScope | 'none'>('page');

  /** On a terms page: its version among those stored, and the audit judged against the version before it. */
  const terms = signal<TermsPanelLoad | null>(null);
  const result = computed(() => rescored.value ?? terms.value?.judged ?? page.value?.result ?? null);
  /** The page type a re-score was made for, while the tab audits again as it. */
  const rescoredAs = computed(() => rescored.value?.pageType ?? null);
  const host = computed(() => hostOf(tab.value?.url ?? result.value?.url ?? ''));
  const language = shownLocale(computed(() => settings.value.locale));
  const locale = language.locale;
  const paused = computed(() => host.value !== '' && isPaused(settings.value, host.value));
  const pageUrl = computed(() => tab.value?.url ?? result.value?.url ?? '');
  /** The stored correction this page is audited by, if any. */
  const override = computed(() => overrideFor(settings.value.pageTypeOverrides, pageUrl.value));

  const termsLoader = effect(() => {
    const shown = page.value?.result;
    terms.value = null;
    if (!shown?.facts.termsDocument) return;
    void deps.storage
      .then(({ db, loadTermsPanel }) => loadTermsPanel(db, shown, deps.nowIso()))
      .then((loaded) => {
        if (page.value?.result === shown) terms.value = loaded;
      }, () => undefined);
  });
  const unsubscribers = [termsLoader, language.stop];
  let disposed = false;
  // The first render has the settings and history read first; the live queries keep them current from here on.
  void deps.storage.then(({ db, bindLiveQuery }) => {
    if (disposed) return;
    unsubscribers.push(
      bindLiveQuery(() => loadSettings(db), settings),
      bindLiveQuery(() => latestAudits(db, deps.historySize ?? 5), history),
    );
  });

  /** The tab and its audit asked for through the deps, when the popup's entry did not ask for them first. */
  function askTab(): AskedTab {
    const current = deps.currentTab();
    const state = current.then((info) => (info && mayAskTab(info.url) ? deps.sendToTab(info.id, { type: 'page:current' }) : null));
    state.catch(() => undefined);
    return { tab: current, state };
  }

  /** Shows the tab's audit; `asked` holds the tab and its answer when the popup's entry asked for them already. */
  async function load(asked: AskedTab = askTab()): Promise<void> {
    void refreshWriteStatus();
    const current = await asked.tab.catch(() => null);
    tab.value = current;
    if (!current || !mayAskTab(current.url)) {
      phase.value = 'unsupported';
      return;
    }
    try {
      const state = await asked.state;
      if (!state) throw new Error('the tab was not asked');
      batch(() => {
        page.value = state;
        phase.value = 'ready';
      });
      // A paused site, or a page still loading, has no audit yet: the popup asking is the person asking.
      if (!state?.result) await auditNow();
    } catch {
      // No content script answers: a page loaded before the extension, or one the browser does not let it into.
      phase.value = current.url === undefined ? 'unsupported' : 'no-script';
    }
  }

  async function auditNow(pageType?: PageType | null): Promise<void> {
    const current = tab.value;
    if (!current) return;
    auditing.value = true;
    error.value = null;
    try {
      const state = await deps.sendToTab(current.id, { type: 'page:audit', ...(pageType !== undefined ? { pageType } : {}) });
      batch(() => {
        page.value = state;
        rescored.value = null;
        phase.value = 'ready';
        highlights.value = {};
      });
    } catch (cause) {
      error.value = cause instanceof Error ? cause.message : String(cause);
    } finally {
      auditing.value = false;
      void refreshWriteStatus();
    }
  }

  /**
   * Re-scores the facts at hand as `pageType` at once, keeps the choice for this page or its host when the person
   * asked to remember it, then has the tab audit the live page as that type.
   */
  async function changePageType(pageType: PageType): Promise<void> {
    const shown = result.value;
    const pattern = rememberScope.value === 'none' ? null : patternFor(pageUrl.value, rememberScope.value);
    const rescore = shown
      ? deps.evaluate(shown.facts, {
          url: shown.url,
          title: shown.title,
          mode: shown.mode,
          auditedAt: deps.nowIso(),
          pageType,
          locale: shown.locale,
        })
      : null;
    if (rescore && !(rescore instanceof Promise)) rescored.value = rescore;
    // The tab is told the type outright, so the audit need not wait for the correction to be stored.
    const audited = auditNow(pageType);
    // A re-score that arrives after the tab's answer (the engine still loading) would hide the newer audit.
    const showRescore =
      rescore instanceof Promise &&
      rescore.then((next) => {
        if (auditing.value) rescored.value = next;
      });
    if (pattern) {
      await deps.storage
        .then(({ db }) => setPageTypeOverride(db, pattern, pageType))
        .catch((cause) => (error.value = String(cause)));
    }
    await Promise.all([audited, showRescore]);
  }

  /** Forgets the stored correction this page is audited by, and audits the page as it reads. */
  async function forgetOverride(): Promise<void> {
    const current = override.value;
    if (!current) return;
    await setPageTypeOverride((await deps.storage).db, current.pattern, null);
    await auditNow(null);
  }

  async function showOnPage(key: string, evidence: Evidence, label: string): Promise<void> {
    const current = tab.value;
    if (!current) return;
    let outcome: HighlightOutcome;
    try {
      const reply = await deps.sendToTab(current.id, {
        type: 'page:highlight',
        selector: evidence.selector,
        label,
        hiddenNotes: hiddenNotes(locale.value),
      });
      if (!reply?.found) outcome = { state: 'missing' };
      else if (reply.hidden) outcome = { state: 'hidden', reason: reply.reason ?? evidence.hiddenReason };
      else outcome = { state: 'shown' };
    } catch (cause) {
      outcome = { state: 'failed', error: cause instanceof Error ? cause.message : String(cause) };
    }
    highlights.value = { ...highlights.value, [key]: outcome };
  }

  /** Pausing badges the tab as paused; resuming audits the page again, which badges it with its grade. */
  async function setPaused(next: boolean): Promise<void> {
    if (!host.value) return;
    await setHostPaused((await deps.storage).db, host.value, next);
    const current = tab.value;
    if (!current) return;
    if (next) await deps.badgePaused?.(current.id, host.value).catch(() => undefined);
    else await auditNow();
  }

  async function refreshWriteStatus(): Promise<void> {
    writeStatus.value = await deps.writeStatus().catch(() => null);
  }

  return {
    tab,
    phase,
    page,
    result,
    rescoredAs,
    host,
    locale,
    paused,
    auditing,
    error,
    highlights,
    settings,
    history,
    writeStatus,
    terms,
    rememberScope,
    override,
    load,
    auditNow,
    changePageType,
    forgetOverride,
    showOnPage,
    setPaused,
    refreshWriteStatus,
    dispose: () => {
      disposed = true;
      unsubscribers.forEach((stop) => stop());
    },
  };
}

export type PopupModel = ReturnType<typeof createPopupModel>;

/** The note the page's overlay adds under a hidden element's label, per reason: the content script carries no catalogue. */
export function hiddenNotes(locale: Locale): Record<HiddenReason, string> {
  return Object.fromEntries(
    HIDDEN_REASONS.map((reason) => [
      reason,
      t('highlight_hidden', locale, { reason: t(`hidden_reason_${reason.replace(/-/g, '_')}`, locale) }),
    ]),
  ) as Record<HiddenReason, string>;
}
