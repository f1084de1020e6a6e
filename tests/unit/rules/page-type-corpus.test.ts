/**
 * The engine against every labelled page: the two real corpora (tests/fixtures/corpus, tests/fixtures/corpus-pagetype,
 * copied from the shared labelled sets) and the project's own page-type fixtures (tests/fixtures/page-types). Each
 * page is audited as the command-line auditor audits a saved file: decoded by cli/load.ts, its address recovered
 * from the page (saved-from comment, canonical, og:url, base href), static mode. It prints page-type accuracy, fact
 * recall and false findings per page and per set; it fails under 97% accuracy or recall, on a platform home or
 * shop page judged `other` without the uncertain-type review, on more than one page in ten left uncertain in any set
 * or over all sets, and on any false finding or missed fact not in KNOWN_DIFFERENCES (with its reason). Labels are never edited.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../cli/load';
import { parsePhone } from '@/rules/detectors/contact';
import { auditDocument } from '@/rules';
import { TERMS_KINDS, type AuditResult, type Evidence } from '@/rules/types';
import { LABELLED_SETS, labelledBytes, labelledFileUrl, type LabelledPage, type LabelledSet } from '../../support/corpus';

const MIN_ACCURACY = 0.97;
const MIN_RECALL = 0.97;
const MAX_UNCERTAIN_SHARE = 0.1;

/**
 * Where the engine's answer differs from a label, keyed `set/file prefix:kind:what`, with the reason. `type:` is a
 * page typed differently, `missed:` a labelled fact not found, `false:` a fact found that the label does not list.
 */
const KNOWN_DIFFERENCES: Record<string, string> = {
  'real/10:missed:phone:4008665555':
    "The number sits in the product page's 售后保障 tab panel, under inline display:none in the saved page: a " +
    'hidden fact, not counted (see JUDGEMENT in tests/unit/corpus.test.ts).',
  'pagetype/19:false:businessLicenceLink':
    "The shop header links to Taobao's seller-qualification page (scportal.taobao.com/quali_show.htm … qualitype=1), " +
    "where a Taobao shop shows its business licence: the engine takes it as the shop's licence link; the label " +
    'counts only links labelled 营业执照.',
  'real/12:false:terms.consumerProtection':
    'The help footer links 退货政策: the engine counts a returns or guarantee policy as the consumer-protection terms ' +
    '(README, judgement calls); the labels count only an explicit 消费者保障 section (see POLICY_DIFFERENCES in ' +
    'tests/unit/corpus.test.ts).',
  'real/17:false:terms.consumerProtection': 'As for real/12: the footer links 退货政策.',
  'real/20:false:terms.consumerProtection': 'As for real/12: the footer links 退换货政策.',
  'pagetype/25:false:phone:4006069933':
    'The JD.hk template shows 客服电话400-606-9933 in its service block (#w-footer); the label lists no phone ' +
    'because the mainland footer is absent, but this is a customer-service number the page shows.',
  'pagetype/26:false:email:contact@jd.com':
    'A visible mailto:contact@jd.com link in the page (a contact entry of the Joybuy chrome); the label lists no e-mail.',
  'pagetype/57:false:businessLicenceLink':
    'A link to www.gsxt.gov.cn (the national enterprise credit system) among the related-site links: the engine ' +
    "counts a link to the licence system; the label says it is not the site's own licence. Judgement call.",
  'pagetype/58:false:phone:4008100300':
    'The footer shows 呼叫热线：4008-100-300 beside the 举报电话 the label lists; it is the portal\'s hotline.',
  'pagetype/21:type:shop':
    'A judgement-call label: the static HTML is Joybuy\'s chrome (Sell With Us, Seller Center, all categories) ' +
    'around an empty store body filled by script; only the store name "xiaomi digital" says it is a store.',
};

interface PageReport {
  key: string;
  label: LabelledPage;
  audit: AuditResult;
  typeRight: boolean;
  labelled: number;
  missed: string[];
  falseFindings: string[];
}

const squash = (text: string) => text.replace(/\s+/g, '').replace(/[—–－]/g, '-');
const shown = <T extends Evidence>(facts: readonly T[]): T[] => facts.filter((fact) => fact.visible !== false);
const phoneKey = (text: string) => parsePhone(text)?.normalized ?? text.replace(/\D/g, '');

/** Compares one labelled fact list with what the engine shows: the missed labels and the unlabelled findings. */
function compareList(field: string, wanted: string[], found: string[], missed: string[], falseFindings: string[]): number {
  for (const value of wanted) if (!found.includes(value)) missed.push(`${field}:${value}`);
  for (const value of new Set(found)) if (!wanted.includes(value)) falseFindings.push(`${field}:${value}`);
  return wanted.length;
}

/**
 * One labelled number (ICP, public-security filing, postal code): found when shown. Labels name one number per
 * field (the filing where a page also shows its licence), so a number found on a page labelled with none is a false
 * finding, and a second number beside the labelled one is not.
 */
function compareNumber(field: string, wanted: string | null | undefined, found: string[], missed: string[], falseFindings: string[]): number {
  const want = wanted ? squash(wanted) : null;
  if (!want) {
    for (const text of new Set(found)) falseFindings.push(`${field}:${text}`);
    return 0;
  }
  if (!found.some((text) => squash(text).includes(want) || want.includes(squash(text)))) missed.push(`${field}:${wanted}`);
  return 1;
}

function compareFlag(field: string, wanted: boolean | null | undefined, found: boolean, missed: string[], falseFindings: string[]): number {
  if (wanted === true && !found) missed.push(field);
  if (wanted === false && found) falseFindings.push(field);
  return wanted === true ? 1 : 0;
}

function judge(set: LabelledSet, label: LabelledPage): PageReport {
  const { document } = parseHTML(decodeHtml(labelledBytes(set, label)));
  const audit = auditDocument(document as unknown as Document, { url: labelledFileUrl(set, label), mode: 'static' });
  const facts = audit.facts;
  const expected = label.expected;
  const missed: string[] = [];
  const falseFindings: string[] = [];
  let labelled = 0;
  labelled += compareNumber('icp', expected.icpNumber, shown(facts.icp).map((f) => f.text), missed, falseFindings);
  labelled += compareNumber('psb', expected.psbNumber, shown(facts.psb).map((f) => f.text), missed, falseFindings);
  labelled += compareFlag('businessLicenceLink', expected.businessLicenceLink, shown(facts.businessLicence).some((f) => f.href !== null), missed, falseFindings);
  if (expected.phone) {
    const found = shown(facts.phones).map((f) => f.normalized);
    labelled += compareList('phone', [...new Set(expected.phone.map(phoneKey))], found, missed, falseFindings);
  }
  labelled += compareList('email', expected.email.map((e) => e.toLowerCase()), shown(facts.emails).map((f) => f.text.toLowerCase()), missed, falseFindings);
  if (expected.termsLinks) {
    for (const kind of TERMS_KINDS) {
      labelled += compareFlag(`terms.${kind}`, expected.termsLinks[kind], shown(facts.terms[kind]).some((f) => f.href !== null), missed, falseFindings);
    }
  }
  if (expected.address !== undefined) {
    const addresses = shown(facts.addresses).map((f) => squash(f.text));
    if (expected.address === null) for (const text of addresses) falseFindings.push(`address:${text}`);
    else {
      labelled += 1;
      if (!addresses.some((text) => text.includes(squash(expected.address!)))) missed.push(`address:${expected.address}`);
    }
  }
  if (expected.postalCode !== undefined) {
    const codes = shown(facts.postalCodes).map((f) => f.text);
    labelled += compareNumber('postalCode', expected.postalCode, codes, missed, falseFindings);
  }
  const prefix = label.file.split('/').pop()!.slice(0, 2);
  return { key: `${set.name}/${prefix}`, label, audit, typeRight: audit.pageType === label.pageType, labelled, missed, falseFindings };
}

function known(report: PageReport, entry: string): boolean {
  return `${report.key}:${entry}` in KNOWN_DIFFERENCES;
}

const reports = new Map<string, PageReport[]>();
function reportsOf(set: LabelledSet): PageReport[] {
  let found = reports.get(set.name);
  if (!found) {
    found = set.labels.map((label) => judge(set, label));
    reports.set(set.name, found);
    printReport(set, found);
  }
  return found;
}

function printReport(set: LabelledSet, pages: PageReport[]): void {
  const lines = pages.map((page) => {
    const c = page.audit.classification!;
    const found = page.labelled - page.missed.length;
    return [
      page.typeRight ? 'ok ' : 'BAD',
      page.label.file.split('/').pop()!.slice(0, 44).padEnd(44),
      `${page.label.pageType} → ${page.audit.pageType}${c.uncertain ? ' (uncertain)' : ''} ${Math.round(c.confidence * 100)}%`.padEnd(42),
      `facts ${found}/${page.labelled}`,
      page.missed.length ? `missed ${page.missed.join(', ')}` : '',
      page.falseFindings.length ? `false ${page.falseFindings.join(', ')}` : '',
    ].join('  ');
  });
  const { accuracy, recall, falseFindings, uncertain } = totals(pages);
  lines.push(
    `${set.name}: page type ${(accuracy * 100).toFixed(1)}% (${pages.filter((p) => p.typeRight).length}/${pages.length}), ` +
      `facts ${(recall * 100).toFixed(1)}%, false findings ${falseFindings}, uncertain ${uncertain}/${pages.length}`,
  );
  console.log(lines.join('\n'));
}

function totals(pages: PageReport[]) {
  const labelled = pages.reduce((sum, page) => sum + page.labelled, 0);
  const missed = pages.reduce((sum, page) => sum + page.missed.length, 0);
  return {
    accuracy: pages.filter((page) => page.typeRight).length / pages.length,
    recall: labelled === 0 ? 1 : (labelled - missed) / labelled,
    falseFindings: pages.reduce((sum, page) => sum + page.falseFindings.length, 0),
    uncertain: pages.filter((page) => page.audit.classification?.uncertain).length,
  };
}

describe('the engine on every labelled page', () => {
  for (const set of LABELLED_SETS) {
    describe(`${set.name} (${set.labels.length} pages)`, () => {
      // Parsing and auditing a few megabytes of real pages takes longer than one test's default timeout.
      beforeAll(() => void reportsOf(set), 180_000);

      it(`types at least ${MIN_ACCURACY * 100}% of the pages as labelled, every miss a known difference`, () => {
        const pages = reportsOf(set);
        expect(totals(pages).accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
        const unexplained = pages.filter((page) => !page.typeRight && !known(page, `type:${page.label.pageType}`));
        expect(unexplained.map((page) => `${page.key}: ${page.label.pageType} → ${page.audit.pageType}`)).toEqual([]);
      });

      it(`finds at least ${MIN_RECALL * 100}% of the labelled facts, every miss a known difference`, () => {
        const pages = reportsOf(set);
        expect(totals(pages).recall).toBeGreaterThanOrEqual(MIN_RECALL);
        const unexplained = pages.flatMap((page) => page.missed.filter((m) => !known(page, `missed:${m}`)).map((m) => `${page.key}: ${m}`));
        expect(unexplained).toEqual([]);
      });

      it('reports no false finding the known differences do not explain', () => {
        const pages = reportsOf(set);
        const unexplained = pages.flatMap((page) =>
          page.falseFindings.filter((f) => !known(page, `false:${f}`)).map((f) => `${page.key}: ${f}`),
        );
        expect(unexplained).toEqual([]);
      });

      it('leaves at most one page in ten of this set uncertain', () => {
        const pages = reportsOf(set);
        expect(totals(pages).uncertain).toBeLessThanOrEqual(Math.max(1, Math.floor(pages.length * MAX_UNCERTAIN_SHARE)));
      });

      it('never leaves a platform home or shop page as `other` without asking a person', () => {
        const silent = reportsOf(set).filter(
          (page) =>
            ['platform-home', 'shop'].includes(page.label.pageType) &&
            page.audit.pageType === 'other' &&
            page.audit.results.find((result) => result.ruleId === 'page-type')?.status !== 'review',
        );
        expect(silent.map((page) => page.key)).toEqual([]);
      });
    });
  }

  it(`leaves at most one page in ten uncertain over all sets`, () => {
    const pages = LABELLED_SETS.flatMap(reportsOf);
    expect(totals(pages).uncertain / pages.length).toBeLessThanOrEqual(MAX_UNCERTAIN_SHARE);
  });

  it('lists only known differences that still occur', () => {
    const occurring = new Set(
      LABELLED_SETS.flatMap(reportsOf).flatMap((page) => [
        ...(page.typeRight ? [] : [`${page.key}:type:${page.label.pageType}`]),
        ...page.missed.map((m) => `${page.key}:missed:${m}`),
        ...page.falseFindings.map((f) => `${page.key}:false:${f}`),
      ]),
    );
    expect(Object.keys(KNOWN_DIFFERENCES).filter((key) => !occurring.has(key))).toEqual([]);
  });
});
