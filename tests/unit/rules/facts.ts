import type { Evidence, Facts, IcpFact } from '@/rules/types';
import { noFacts } from '../../support/audit';

export { noFacts };

/** Evidence for a hand-built fact: visible unless said otherwise. */
export function seen(text: string, overrides: Partial<Evidence> = {}): Evidence {
  return { selector: 'footer > p', text, href: null, visible: true, ...overrides };
}

export function icpFact(text: string, overrides: Partial<IcpFact> = {}): IcpFact {
  return {
    ...seen(text),
    kind: 'filing',
    province: text.charAt(0),
    serial: text.replace(/\D/g, ''),
    siteSuffix: null,
    valid: true,
    linked: false,
    ...overrides,
  };
}

/** Facts with a few fields filled in; everything else empty. */
export function factsWith(patch: Partial<Facts>): Facts {
  return { ...noFacts(), ...patch };
}

import type { RuleContext } from '@/rules/rule';
import type { PageType } from '@/rules/types';

export function contextFor(pageType: PageType, mode: 'static' | 'browser' = 'browser'): RuleContext {
  return { pageType, mode, url: 'https://www.example.cn/', auditedAt: '2026-11-28T20:54:00+08:00' };
}
