import { defineRule, hidden, notHidden, outcomeFor, toEvidence } from '../rule';

const outcome = outcomeFor('closing-notice');

/** G1 art. 24: at least three months' notice; E-Commerce Law art. 16: at least thirty days'. */
const NOTICE_DAYS = 90;
const ECOMMERCE_LAW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The closing date a notice names: 2027年3月1日, 2027-03-01, 2027/3/1 or 2027.3.1. */
export function closingDate(text: string): Date | null {
  const match = /(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})/.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return new Date(year, month - 1, day);
}

/**
 * G1 art. 24 applies only when a platform announces that it is closing, so without such a notice it is 'na'.
 * A visible notice whose closing date is three months or more after the audit meets G1 art. 24 and, with it, the
 * thirty days of E-Commerce Law art. 16; a nearer or missing date cannot tell when the notice went up, so a person
 * checks, told which of the two periods the time left still meets; a hidden notice fails.
 */
export default defineRule({
  id: 'closing-notice',
  group: 'presentation',
  level: 'mandatory',
  basis: ['G1 art. 24', 'E-Commerce Law art. 16'],
  pageTypes: ['platform-home'],
  evaluate(facts, context) {
    const notices = facts.notices.filter((notice) => notice.kind === 'closing');
    if (notices.length === 0) return outcome('na', 'na_no_closing');
    const shown = notHidden(notices);
    if (shown.length === 0) return outcome('fail', 'fail_hidden', hidden(notices).map(toEvidence));
    const notice = shown[0];
    const date = closingDate(notice.text);
    if (!date) return outcome('review', 'review_no_date', [toEvidence(notice)]);
    const days = Math.floor((date.getTime() - new Date(context.auditedAt).getTime()) / DAY_MS);
    const params = { date: date.toISOString().slice(0, 10), days };
    if (days >= NOTICE_DAYS) return outcome('pass', 'pass', [toEvidence(notice)], params);
    if (days >= ECOMMERCE_LAW_DAYS) return outcome('review', 'review_thirty_days_only', [toEvidence(notice)], params);
    return outcome('review', 'review_short_notice', [toEvidence(notice)], params);
  },
});
