import type { Verdict } from '@/rules/types';

/**
 * The verdict colours behind white text: the toolbar badge, the report's marks and the page's capture notice. Each
 * gives white text at least 4.5:1. The popup's and dashboard's text colours (styles.css) are darker, for text on white.
 */
export const VERDICT_COLOURS: Record<Verdict, string> = {
  pass: '#15803d',
  review: '#b45309',
  fail: '#b91c1c',
  na: '#6b7280',
};
