import type { Browser } from 'wxt/browser';
import { isMessage, type Message } from '@/messaging/protocol';
import type { LiangzhaoDatabase } from '@/storage/db';
import { toStoredAudit } from '@/storage/db';
import { showBadge } from './badge';

type Sender = Browser.runtime.MessageSender;

/**
 * Answers the messages addressed to the background. Returns `undefined` (synchronously) for any other message, so
 * the sender's other listeners still get to answer it.
 */
export function createRouter(db: LiangzhaoDatabase) {
  return function route(message: unknown, sender: Sender): Promise<unknown> | undefined {
    if (!isMessage(message)) return undefined;
    switch (message.type) {
      case 'audit:report':
        return report(db, message, sender);
      case 'audit:history':
        return db.audits.orderBy('auditedAtMs').reverse().limit(message.limit).toArray();
      default:
        return undefined;
    }
  };
}

async function report(db: LiangzhaoDatabase, message: Extract<Message, { type: 'audit:report' }>, sender: Sender) {
  const tabId = sender.tab?.id;
  // Only a tab's top document speaks for the tab, and a page leaving the back/forward cache or prerendering is not
  // what the person sees.
  const topFrame = sender.frameId === undefined || sender.frameId === 0;
  const active = !('documentLifecycle' in sender) || sender.documentLifecycle === 'active';
  if (tabId !== undefined && topFrame && active) await showBadge(tabId, message.result);
  try {
    const auditId = await db.audits.add(toStoredAudit(message.result, tabId));
    return { auditId: auditId ?? null };
  } catch (error) {
    return { auditId: null, error: error instanceof Error ? error.message : String(error) };
  }
}
