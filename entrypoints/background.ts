import { createRouter } from '@/background/router';
import { clearBadge } from '@/background/badge';
import { registerEvidenceCapture } from '@/background/capture';
import { LiangzhaoDatabase } from '@/storage/db';

export default defineBackground(() => {
  const route = createRouter(new LiangzhaoDatabase());
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  registerEvidenceCapture(new LiangzhaoDatabase());
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearBadge(tabId);
  });
});
