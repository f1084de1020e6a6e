import type { Browser } from 'wxt/browser';
import { isMessage, type Message } from '@/messaging/protocol';
import type { LiangzhaoDatabase } from '@/storage/db';
import { hostOf, toStoredAudit } from '@/storage/db';
import { createAuditWriter, type AuditWriter } from '@/storage/audit-writer';
import { createRetentionKeeper } from '@/storage/audits';
import { openItemOfTab, tagWithBatch } from '@/storage/batches';
import { autoAuditAllowed, DEFAULT_SETTINGS, loadSettings } from '@/storage/settings';
import { showBadge } from './badge';

type Sender = Browser.runtime.MessageSender;

/**
 * Answers the messages addressed to the background. Returns `undefined` (synchronously) for any other message, so
 * the sender's other listeners still get to answer it.
 */
export function createRouter(
  db: LiangzhaoDatabase,
  writer: AuditWriter = createAuditWriter(db),
  keepRetention = createRetentionKeeper(db, async () => (await loadSettings(db)).retention),
) {
  return function route(message: unknown, sender: Sender): Promise<unknown> | undefined {
    if (!isMessage(message)) return undefined;
    switch (message.type) {
      case 'audit:report':
        return report(db, writer, message, sender).then((reply) => {
          if (reply.auditId !== null) void keepRetention().catch(() => undefined);
          return reply;
        });
      case 'storage:status':
        return Promise.resolve(writer.status());
      case 'settings:auto-audit':
        // A batch tab is audited once, when it has settled (entrypoints/background/batch.ts), never on its own.
        return Promise.all([loadSettings(db), openItemOfTab(db, sender.tab?.id).catch(() => undefined)]).then(
          ([settings, batchItem]) => ({ allowed: !batchItem && autoAuditAllowed(settings, hostOf(message.url)) }),
        );
      case 'audit:history':
        return db.audits.orderBy('auditedAtMs').reverse().limit(message.limit).toArray();
      default:
        return undefined;
    }
  };
}

async function report(
  db: LiangzhaoDatabase,
  writer: AuditWriter,
  message: Extract<Message, { type: 'audit:report' }>,
  sender: Sender,
) {
  const tabId = sender.tab?.id;
  // Only a tab's top document speaks for the tab, and a page leaving the back/forward cache or prerendering is not
  // what the person sees.
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  const active = !('documentLifecycle' in sender) || sender.documentLifecycle === 'active';
  if (tabId !== undefined && topFrame && active) {
    // The tooltip speaks the language the person chose; an unreadable database still gets a badge, in the default.
    const { locale } = await loadSettings(db).catch(() => DEFAULT_SETTINGS);
    await showBadge(tabId, message.result, locale);
  }
  // A refused write is kept and retried by the writer; the popup shows what is still unsaved.
  return writer.save(await tagWithBatch(db, toStoredAudit(message.result, tabId)));
}
