import { messagesIn } from '../format';
import badge from '../messages/badge.json?locale=en';
import batch from '../messages/batch.json?locale=en';
import evidence from '../messages/evidence.json?locale=en';
import extension from '../messages/extension.json?locale=en';
import pageTypes from '../messages/page-types.json?locale=en';
import rules from '../messages/rules.json?locale=en';
import terms from '../messages/terms.json?locale=en';
import ui from '../messages/ui.json?locale=en';

/** The English catalogue: every fragment of i18n/messages/ (a meta-test checks), its English text only in a build. */
export const messages = messagesIn([badge, batch, evidence, extension, pageTypes, rules, terms, ui], 'en');
