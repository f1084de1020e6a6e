import { messagesIn } from '../format';
import badge from '../messages/badge.json?locale=zh_CN';
import batch from '../messages/batch.json?locale=zh_CN';
import evidence from '../messages/evidence.json?locale=zh_CN';
import extension from '../messages/extension.json?locale=zh_CN';
import pageTypes from '../messages/page-types.json?locale=zh_CN';
import rules from '../messages/rules.json?locale=zh_CN';
import terms from '../messages/terms.json?locale=zh_CN';
import ui from '../messages/ui.json?locale=zh_CN';

/** The Chinese catalogue: every fragment of i18n/messages/ (a meta-test checks), its Chinese text only in a build. */
export const messages = messagesIn([badge, batch, evidence, extension, pageTypes, rules, terms, ui], 'zh_CN');
