import { createPageAuditor } from '@/entrypoints/content/auditor';
import { createHighlighter } from '@/entrypoints/content/highlight';
import { watchPage } from '@/entrypoints/content/watch';
import { createSettler } from '@/entrypoints/content/settle';
import { isMessage, type Message, type Reply } from '@/messaging/protocol';
import { answerEvidenceMessage } from '@/entrypoints/content/evidence-html';
import type { HiddenReason } from '@/rules/types';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const newAuditor = () => createPageAuditor(document, (message) => browser.runtime.sendMessage(message));
    let auditor = newAuditor();
    // A page type a person chose holds for the page it was chosen on; another route is classified afresh.
    let auditedPath = location.pathname + location.search;
    const highlighter = createHighlighter(document);
    const settler = createSettler(window, document, () => auditor.run());
    /** Audits unless automatic auditing is off or the site is paused; the popup's "audit now" bypasses this. */
    const autoAudit = async () => {
      const ask = { type: 'settings:auto-audit', url: location.href } satisfies Message;
      const reply = (await browser.runtime.sendMessage(ask).catch(() => null)) as Reply<typeof ask> | null;
      if (reply?.allowed === false) return;
      await auditor.run();
    };
    const watcher = watchPage({
      win: window,
      doc: document,
      onChange: (reason) => {
        const path = location.pathname + location.search;
        if (reason === 'navigation' && path !== auditedPath) {
          auditedPath = path;
          auditor = newAuditor();
          highlighter.clear();
        }
        void autoAudit().catch(() => undefined);
      },
      ignore: (node) => highlighter.owns(node),
    });
    ctx.onInvalidated(() => {
      watcher.stop();
      highlighter.dispose();
    });
    browser.runtime.onMessage.addListener((message) => {
      const evidence = answerEvidenceMessage(document, message);
      if (evidence) return evidence;
      if (!isMessage(message)) return undefined;
      if (message.type === 'page:current') return Promise.resolve(auditor.current());
      if (message.type === 'page:audit') return auditor.run(message.pageType);
      if (message.type === 'page:settle') return settler.settle(message.settle);
      if (message.type === 'page:highlight') {
        const note = (reason: HiddenReason) => message.hiddenNotes[reason] ?? reason;
        return Promise.resolve(highlighter.show(message.selector, message.label, note));
      }
      return undefined;
    });
    void autoAudit();
  },
});
