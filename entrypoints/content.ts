import { createPageAuditor } from '@/content/page-auditor';
import { isMessage } from '@/messaging/protocol';
import { answerEvidenceMessage } from '@/content/evidence-html';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    const auditor = createPageAuditor(document, (message) => browser.runtime.sendMessage(message));
    browser.runtime.onMessage.addListener((message) => {
      const evidence = answerEvidenceMessage(document, message);
      if (evidence) return evidence;
      if (!isMessage(message)) return undefined;
      if (message.type === 'page:current') return Promise.resolve(auditor.current());
      if (message.type === 'page:audit') return auditor.run(message.pageType);
      return undefined;
    });
    void auditor.run();
  },
});
