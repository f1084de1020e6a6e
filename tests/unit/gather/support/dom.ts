import { DOMParser } from 'linkedom';
import { gatherFacts } from '@/rules/collect';
import type { Facts } from '@/rules/types';

/** Parses HTML the way the static auditor does. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function factsOf(html: string, url = 'https://shop.example.cn/'): Facts {
  return gatherFacts(parseHtml(html), { url, mode: 'static' });
}
