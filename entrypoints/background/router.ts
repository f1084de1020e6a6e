import type { Browser } from 'wxt/browser';
import { MALFORMED_REPORT, type Handlers, type MessageOf, type ReportReply } from '@/messaging/protocol';
import { checkCollectedPage, classifyPageType, judgePage, termsTextWanted } from '@/rules';
import type { AuditResult } from '@/rules/types';
import type { LiangzhaoDatabase } from '@/storage/db';
import { toStoredAudit } from '@/storage/db';
import { hostOf } from '@/utils/url';
import { createAuditWriter, type AuditWriter } from '@/storage/audit-writer';
import { createRetentionKeeper } from '@/storage/audits';
import { openItemOfTab, tagWithBatch } from '@/storage/batches';
import { autoAuditAllowed, DEFAULT_SETTINGS, isPaused, loadSettings, type Settings } from '@/storage/settings';
import { overrideFor } from '@/storage/page-type-overrides';
import { showBadge, showPausedBadge } from './badge';
import { trackTermsVersion } from '../../storage/terms-history';

type Sender = Browser.runtime.MessageSender;

/** The background's answers to the messages addressed to it (see `messaging/protocol.ts`). */
export function createRouter(
  db: LiangzhaoDatabase,
  writer: AuditWriter = createAuditWriter(db),
  settings: () => Promise<Settings> = () => loadSettings(db),
  keepRetention = createRetentionKeeper(db, async () => (await settings()).retention),
): Handlers {
  return {
    'audit:report': (message, sender) =>
      report(db, writer, settings, message, sender).then((reply) => {
        if ('auditId' in reply && reply.auditId !== null) void keepRetention().catch(() => undefined);
        return reply;
      }),
    'storage:status': () => writer.status(),
    // A batch tab is audited once, when it has settled (entrypoints/background/batch.ts), never on its own.
    'settings:auto-audit': (message, sender) =>
      Promise.all([settings(), openItemOfTab(db, sender.tab?.id).catch(() => undefined)]).then(
        async ([current, batchItem]) => {
          const host = hostOf(message.url);
          if (isPaused(current, host)) await markPaused(current, sender);
          const override = overrideFor(current.pageTypeOverrides, message.url);
          return { allowed: !batchItem && autoAuditAllowed(current, host), ...(override ? { pageType: override.pageType } : {}) };
        },
      ),
    // Only the extension's own pages say a person paused a site: a page's script must not relabel its badge.
    'settings:paused': (message, sender) => (fromExtensionPage(sender) ? showPausedState(db, message.tabId, message.host) : undefined),
  };
}

function fromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.url?.startsWith(browser.runtime.getURL('/')) ?? false);
}

/**
 * After the popup's pause switch: the paused badge, or nothing to do (resuming audits the page again). The popup
 * names the tab's host: without the `tabs` permission the worker does not see a tab's address.
 */
async function showPausedState(db: LiangzhaoDatabase, tabId: number, host: string): Promise<{ paused: boolean }> {
  const settings = await loadSettings(db);
  const paused = isPaused(settings, host);
  if (paused) await showPausedBadge(tabId, settings.locale);
  return { paused };
}

/** The tab's top document on a paused site gets the paused badge; a frame does not speak for the tab. */
async function markPaused(settings: Settings, sender: Sender) {
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId !== undefined && sender.frameId !== 0)) return;
  await showPausedBadge(tabId, settings.locale).catch(() => undefined);
}

async function report(
  db: LiangzhaoDatabase,
  writer: AuditWriter,
  settings: () => Promise<Settings>,
  message: MessageOf<'audit:report'>,
  sender: Sender,
): Promise<ReportReply> {
  const tabId = sender.tab?.id;
  // The page's facts come from a page: a report that is not what a content script collects is refused whole, before
  // anything is judged, stored or badged.
  const malformed = checkCollectedPage(message.page);
  if (malformed) throw new Error(`${MALFORMED_REPORT}: ${malformed}`);
  // The page type is judged here: a terms page's text is read by the page side only when asked. Classified once, for
  // that question and for the judgement.
  const classification = classifyPageType(message.page.facts);
  if (termsTextWanted(message.page, classification)) return { termsTextWanted: true };
  // Read side by side: the badge waits for the slower of the two database reads, not for both in turn. The tooltip
  // speaks the language the person chose; an unreadable database still gets a badge, in the default.
  const [result, { locale }] = await Promise.all([
    trackTermsVersion(db, judgePage(message.page, undefined, classification)),
    settings().catch(() => DEFAULT_SETTINGS),
  ]);
  // Only a tab's top document speaks for the tab, and a page leaving the back/forward cache or prerendering is not
  // what the person sees.
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  const active = !('documentLifecycle' in sender) || sender.documentLifecycle === 'active';
  if (tabId !== undefined && topFrame && active) await showBadge(tabId, result, locale);
  // A refused write is kept and retried by the writer; the popup shows what is still unsaved.
  const written = await writer.save(await tagWithBatch(db, toStoredAudit(result, tabId)));
  return { ...written, judgement: judgementOf(result) };
}

/** The audit without its facts, which the reporting content script holds already. */
function judgementOf(result: AuditResult) {
  const { facts: _facts, ...judgement } = result;
  return judgement;
}
