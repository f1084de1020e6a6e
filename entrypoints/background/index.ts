import { createRouter } from '@/entrypoints/background/router';
import { clearBadge } from '@/entrypoints/background/badge';
import { registerEvidenceCapture } from '@/entrypoints/background/capture';
import { registerBatchRunner } from '@/entrypoints/background/batch';
import { LiangzhaoDatabase } from '@/storage/db';
import { createAuditWriter, sessionStore } from '@/storage/audit-writer';

export default defineBackground(() => {
  const db = new LiangzhaoDatabase();
  // Audits the database refused wait in session storage, so a stopped service worker does not lose them.
  const writer = createAuditWriter(db, { store: sessionStore() });
  void writer.restore();
  const route = createRouter(db, writer);
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  registerEvidenceCapture(db);
  registerBatchRunner(db);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearBadge(tabId);
  });
});
