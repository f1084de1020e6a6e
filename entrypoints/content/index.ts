import { createPageAuditor, type AutoAuditPermit } from '@/entrypoints/content/auditor';
import { createHighlighter } from '@/entrypoints/content/highlight';
import { contentFingerprint, watchPage } from '@/entrypoints/content/watch';
import { createSettler } from '@/entrypoints/content/settle';
import { pageAnswers } from '@/entrypoints/content/answers';
import { listen, replyWithin, send } from '@/messaging/protocol';
import { yieldToEventLoop } from '@/utils/yield';
import { mirrorRefuses, readSettingsMirror } from '@/storage/settings-mirror';

/** The automatic-audit question is answered after two database reads; the audit itself does not wait for it. */
const PERMIT_TIMEOUT_MS = 10_000;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    // Read first, so the storage round trip overlaps the setup and the fingerprint instead of delaying the audit.
    let mirror = readSettingsMirror();
    const newAuditor = () => createPageAuditor(document, send);
    let auditor = newAuditor();
    // A page type a person chose holds for the page it was chosen on; another route is classified afresh.
    let auditedPath = location.pathname + location.search;
    const highlighter = createHighlighter(document);
    // The reply also carries the page type a person chose for pages like this one, which every audit here uses.
    // Unanswered (no worker, or one stopped as it answered), the page is audited as if allowed.
    const askSettings = (): Promise<AutoAuditPermit> =>
      replyWithin(send({ type: 'settings:auto-audit', url: location.href }), PERMIT_TIMEOUT_MS).catch(() => null);
    const settler = createSettler(window, document, async () => auditor.run((await askSettings())?.pageType));
    /**
     * Audits unless automatic auditing is off, the site is paused or the tab is a batch's; the popup's "audit now"
     * bypasses this. The question is asked as the audit starts, not before it, so its answer does not delay the badge;
     * only where the settings' copy in storage.local already says no does the audit wait for the answer.
     */
    let auditedContent = '';
    const autoAudit = async (fingerprint = contentFingerprint(document)) => {
      auditedContent = fingerprint;
      // The fingerprint reads the whole page's text: on a huge page the audit's first slice waits for a task of its own.
      await yieldToEventLoop();
      const likelyRefused = mirror.then((copy) => copy !== null && mirrorRefuses(copy, location.href));
      // The next audit (a route change, late content) uses a copy read from here on.
      mirror = readSettingsMirror();
      return auditor.runIfAllowed(askSettings(), likelyRefused);
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
        // Read once: the same fingerprint says whether anything changed and is what the audit is of.
        const fingerprint = contentFingerprint(document);
        if (reason === 'content' && fingerprint === auditedContent) return;
        void autoAudit(fingerprint).catch(() => undefined);
      },
      ignore: (node) => highlighter.owns(node),
    });
    ctx.onInvalidated(() => {
      watcher.stop();
      highlighter.dispose();
    });
    listen(pageAnswers({ doc: document, auditor: () => auditor, highlighter, settle: (options) => settler.settle(options) }));
    // In a task of its own: the script's compilation and setup are one task already, and the audit's first slice
    // added to it made the page's longest task.
    ctx.setTimeout(() => void autoAudit(), 0);
  },
});
