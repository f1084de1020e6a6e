import type { MessageFragment } from './format';
import badge from './messages/badge.json';
import batch from './messages/batch.json';
import evidence from './messages/evidence.json';
import extension from './messages/extension.json';
import pageTypes from './messages/page-types.json';
import rules from './messages/rules.json';
import terms from './messages/terms.json';
import ui from './messages/ui.json';

export type { MessageEntry, MessageFragment } from './format';

/**
 * Every fragment, both languages side by side: for the build (Chrome's `_locales`) and the meta-tests. What the code
 * renders comes from one language's catalogue (i18n/locales/). Every fragment under i18n/messages/ must be listed
 * here and there (a meta-test checks it).
 */
export const fragments: Record<string, MessageFragment> = {
  badge,
  batch,
  evidence,
  extension,
  'page-types': pageTypes,
  rules,
  terms,
  ui,
};

export const catalog: MessageFragment = Object.assign({}, ...Object.values(fragments));
