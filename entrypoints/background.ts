import { createRouter } from '@/background/router';
import { clearBadge } from '@/background/badge';
import { LiangzhaoDatabase } from '@/storage/db';

export default defineBackground(() => {
  const route = createRouter(new LiangzhaoDatabase());
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearBadge(tabId);
  });
});
