import type { Handlers, SettleReply } from '@/messaging/protocol';
import type { SettleOptions } from '@/rules/settle';
import type { HiddenReason } from '@/rules/types';
import type { createPageAuditor } from './auditor';
import { evidenceAnswers } from './evidence-html';
import { fullPageAnswers } from './full-page';
import type { createHighlighter } from './highlight';

export interface PageParts {
  doc: Document;
  /** The auditor of the route the page shows now (a new route gets a new one). */
  auditor: () => ReturnType<typeof createPageAuditor>;
  highlighter: ReturnType<typeof createHighlighter>;
  /** A batch tab's settle rule (entrypoints/content/settle.ts). */
  settle: (options: SettleOptions) => Promise<SettleReply>;
}

/** The content script's answers to the `page:*` messages. */
export function pageAnswers({ doc, auditor, highlighter, settle }: PageParts): Handlers {
  return {
    ...evidenceAnswers(doc, highlighter),
    ...fullPageAnswers(doc),
    'page:current': () => auditor().current(),
    'page:audit': (message) => auditor().run(message.pageType),
    'page:settle': (message) => settle(message.settle),
    'page:highlight': (message) => {
      const note = (reason: HiddenReason) => message.hiddenNotes[reason] ?? reason;
      return highlighter.show(message.selector, message.label, note);
    },
  };
}
