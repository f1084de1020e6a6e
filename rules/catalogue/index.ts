import type { Rule } from '../rule';
import icpNumber from './icp-number';

/** Every rule, in checklist order. A meta-test fails when a file in this folder is not listed here. */
export const rules: readonly Rule[] = [icpNumber];
