import { createRouter } from '@/entrypoints/background/router';
import { clearBadge } from '@/entrypoints/background/badge';
import { registerEvidenceCapture } from '@/entrypoints/background/capture';
import { LiangzhaoDatabase } from '@/storage/db';
import { createAuditWriter, sessionStore } from '@/storage/audit-writer';
import { listen } from '@/messaging/protocol';

export default defineBackground(() => {
  const db = new LiangzhaoDatabase();
  // Audits the database refused wait in session storage, so a stopped service worker does not lose them.
  const writer = createAuditWriter(db, { store: sessionStore() });
  void writer.restore();
  listen(createRouter(db, writer));
  registerEvidenceCapture(db);
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearBadge(tabId);
  });
});
