import type { AuditResult, Evidence, Locale, RuleResult } from '@/rules/types';
import { t } from '@/i18n';
import { formatIsoTime } from '@/i18n/dates';
import { scoreOf } from '@/rules/scoring';
import {
  citationLegend,
  citations,
  groupName,
  hiddenReasonName,
  joinList,
  levelName,
  outcomeCounts,
  pageTypeName,
  resultMessage,
  ruleHelp,
  ruleTitle,
  scoreName,
  statusName,
  termsChangeSummary,
  termsDatesLine,
  termsNoticeLines,
  termsVersionLine,
  verdictName,
  visibilityName,
} from '@/i18n/text';
import { EMPTY_CASE, FULL_PAGE_MAX_HEIGHT, type SealedRecord } from '../seal/record';
import { escapeHtml as e, isImageDataUrl } from '../../utils/html';
import type { TermsTrail } from './terms';
import type { TermsClause } from '@/rules/terms/types';
import { splitSentences } from '@/rules/terms/normalise';
import { VERDICT_COLOURS } from '../../components/verdict-colours';
import type { PageRect } from '@/messaging/protocol';
import { cropFor, type Crop, type ReportImage } from './report-images';

/** All a report is made from: the audit JSON, the capture record and the screenshot. Nothing is read from a page. */
export interface ReportInput {
  audit: AuditResult;
  locale: Locale;
  /** When the report was made (ISO with offset). */
  generatedAt: string;
  auditSha256?: string;
  capture?: SealedRecord | null;
  /** A `data:image/png;base64,…` URL; anything else is left out. */
  screenshotDataUrl?: string | null;
  /** On a terms page: its document's versions and the change this version made. */
  terms?: TermsTrail | null;
  /** The same screenshot with its size, so the report can crop it around each piece of evidence. */
  screenshot?: ReportImage | null;
  /** The full-page screenshot (since liangzhao.evidence/2). */
  fullPage?: ReportImage | null;
  /** Each evidence selector's box on the page at capture, in CSS pixels (from evidence-html.json). */
  elementRects?: ReadonlyMap<string, PageRect>;
}

/** Sections in the order a rectification notice reads: what must be corrected first. */
const SECTIONS: Array<{ key: string; includes: (r: RuleResult) => boolean }> = [
  { key: 'evidenceReport_sectionFailed', includes: (r) => r.status === 'fail' && r.level === 'mandatory' },
  { key: 'evidenceReport_sectionReview', includes: (r) => r.status === 'review' || r.status === 'error' },
  { key: 'evidenceReport_sectionAdvice', includes: (r) => r.status === 'fail' && r.level === 'encouraged' },
  { key: 'evidenceReport_sectionPassed', includes: (r) => r.status === 'pass' },
];

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** One self-contained, printable HTML file. Every value from the audit is escaped; the page's CSP forbids scripts. */
export function renderReport(input: ReportInput): string {
  const title = `${t('evidenceReport_title', input.locale)} — ${input.audit.title || input.audit.url}`;
  return reportStart(input.locale, title, input.capture?.record.extensionVersion ?? '') + renderReportBody(input) + REPORT_END;
}

/**
 * The opening of a report file, up to `<body>`. Several audits' reports go between it and REPORT_END, one
 * `renderReportBody` each, each starting on a new page when printed.
 */
export function reportStart(locale: Locale, title: string, extensionVersion: string): string {
  return `<!doctype html>
<html lang="${locale === 'zh_CN' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Liangzhao ${e(extensionVersion)}">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
`;
}

export const REPORT_END = '\n</body>\n</html>\n';

/** Numbers every piece of evidence of the report, so its CSS selector can wait in the appendix. */
interface SelectorIndex {
  rows: Array<{ n: number; ruleId: string; selector: string; rootPath?: string[] }>;
}

/** One audit's report: its `<main>` element. */
export function renderReportBody(input: ReportInput): string {
  const { audit, locale } = input;
  const tr = (key: string, params?: Record<string, string | number>) => t(key, locale, params);
  const caseFields = input.capture?.record.caseFields ?? EMPTY_CASE;
  const counts = outcomeCounts(audit.results);
  const sectionNumber = (i: number) => (locale === 'zh_CN' ? `${CHINESE_NUMERALS[i]}、` : `${i + 1}. `);
  const selectors: SelectorIndex = { rows: [] };
  let section = 0;
  const heading = (text: string) => `<h2>${e(sectionNumber(section++) + text)}</h2>`;

  const caseAndPage = `<section class="case">
${heading(tr('evidenceReport_caseTitle'))}
${table([
  [tr('evidenceCase_caseNumber'), caseFields.caseNumber || tr('evidenceReport_blank')],
  [tr('evidenceCase_inspector'), caseFields.inspector || tr('evidenceReport_blank')],
  [tr('evidenceCase_task'), caseFields.task || tr('evidenceReport_blank')],
  [tr('evidenceReport_pageName'), audit.title],
  [tr('evidenceReport_pageUrl'), audit.url],
  [tr('evidenceReport_pageType'), pageTypeWithOverride(audit, locale)],
  [tr('evidenceReport_auditedAt'), formatIsoTime(audit.auditedAt, locale)],
  [tr('evidenceReport_capturedAt'), input.capture ? formatIsoTime(input.capture.record.capturedAt, locale) : tr('evidenceReport_notCaptured')],
  [tr('evidenceReport_mode'), tr(audit.mode === 'browser' ? 'evidenceReport_modeBrowser' : 'evidenceReport_modeStatic')],
])}
</section>`;

  const capturedAt = formatIsoTime(input.capture?.record.capturedAt ?? audit.auditedAt, locale);
  const shots = screenshotIds(input);
  const visible = shots.visible
    ? `<figure>${imageSvg(input.screenshot!, shots.visible, tr('evidenceReport_screenshotAlt'))}<figcaption>${e(tr('evidenceReport_screenshotCaption', { time: capturedAt }))}</figcaption></figure>`
    : isImageDataUrl(input.screenshotDataUrl)
      ? `<figure><img src="${e(input.screenshotDataUrl)}" alt="${e(tr('evidenceReport_screenshotAlt'))}"><figcaption>${e(tr('evidenceReport_screenshotCaption', { time: capturedAt }))}</figcaption></figure>`
      : `<p class="none">${e(tr('evidenceReport_noScreenshot'))}</p>`;
  const screenshot = `<section class="screenshot">${heading(tr('evidenceReport_screenshotTitle'))}${visible}${renderFullPage(input, shots.fullPage)}</section>`;
  const crops = (selector: string, ref: number) => renderCrop(input, shots, selector, ref);

  const verdict = `<section class="verdict verdict-${e(audit.verdict)}">
${heading(tr('evidenceReport_verdictTitle'))}
<p class="grade"><span class="grade-letter">${e(audit.grade === 'N/A' ? '–' : audit.grade)}</span> ${e(scoreName(scoreOf(audit), locale))} · ${e(verdictName(audit.verdict, locale))}</p>
<p>${e(tr('evidenceReport_counts', counts))}</p>
</section>`;

  const findings = SECTIONS.map((s) => {
    const results = sortByArticle(audit.results.filter(s.includes));
    if (results.length === 0 && s.key !== 'evidenceReport_sectionFailed') return '';
    const body = results.length
      ? results.map((r, j) => renderFinding(r, j + 1, locale, selectors, crops)).join('')
      : `<p class="none">${e(tr('evidenceReport_none'))}</p>`;
    return `<section class="findings">${heading(tr(s.key, { count: results.length }))}${body}</section>`;
  }).join('');

  const notApplicable = audit.results.filter((r) => r.status === 'na');
  const naSection = notApplicable.length
    ? `<section class="na">${heading(tr('evidenceReport_sectionNotApplicable', { count: notApplicable.length, pageType: pageTypeName(audit.pageType, locale) }))}<p>${e(
        joinList(notApplicable.map((r) => ruleTitle(r.ruleId, locale)), locale),
      )}</p></section>`
    : '';

  const demand = counts.fail
    ? `<section class="demand">${heading(tr('evidenceReport_demandTitle'))}<p>${e(tr('evidenceReport_demand', { count: counts.fail }))}</p></section>`
    : '';

  const legend = citationLegend(audit.results.flatMap((r) => r.basis), locale);
  const basis = legend.length
    ? `<section class="basis">${heading(tr('evidenceReport_basisTitle'))}<ol>${legend.map((line) => `<li>${e(line)}</li>`).join('')}</ol></section>`
    : '';

  return `<main>
<header>
<h1>${e(tr('evidenceReport_title'))}</h1>
<p class="subtitle">${e(tr('evidenceReport_subtitle'))}</p>
</header>
${caseAndPage}
${screenshot}
${verdict}
${findings}
${input.terms ? renderTermsSection(input.terms, locale, heading) : ''}
${naSection}
${demand}
${basis}
<section class="signatures">
<p><span>${e(tr('evidenceReport_signInspector'))}</span><span class="line"></span><span>${e(tr('evidenceReport_signDate'))}</span><span class="line short"></span></p>
<p><span>${e(tr('evidenceReport_signParty'))}</span><span class="line"></span><span>${e(tr('evidenceReport_signDate'))}</span><span class="line short"></span></p>
</section>
${renderAppendix(input, selectors)}
<footer><p>${e(tr('evidenceReport_footer', { time: formatIsoTime(input.generatedAt, locale), ruleset: audit.rulesetVersion }))}</p></footer>
</main>`;
}

/** The document's versions, the one this audit saw marked, and its clause diff against the version before it. */
function renderTermsSection(trail: TermsTrail, locale: Locale, heading: (text: string) => string): string {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, locale, params);
  const versions = trail.versions
    .map((version, i) => {
      const seen = i === trail.seen ? ` <strong>${e(tr('evidenceReport_termsSeenHere'))}</strong>` : '';
      return `<li>${e(termsVersionLine(version, i + 1, locale))}${seen}<br><span class="muted">${e(termsDatesLine(version.dates, locale))} · ${e(version.digest.slice(0, 16))}</span></li>`;
    })
    .join('');
  const change = trail.change;
  const seenVersion = trail.seen === null ? null : trail.versions[trail.seen];
  const earlier = trail.seen === null ? null : trail.versions[trail.seen - 1];
  let diff: string;
  if (!change || !seenVersion || !earlier) {
    diff = `<p>${e(tr(trail.seen === null ? 'evidenceReport_termsNotStored' : 'terms_popup_first_version'))}</p>`;
  } else {
    const rows = change.rows
      .filter((row) => row.kind !== 'same')
      .map((row) => {
        const before = row.before === null ? undefined : earlier.clauses[row.before];
        const after = row.after === null ? undefined : seenVersion.clauses[row.after];
        const left = clauseHtml(before, row.kind === 'removed' ? null : (row.removedSentences ?? []), 'del');
        const right = clauseHtml(after, row.kind === 'added' ? null : (row.addedSentences ?? []), 'ins');
        return `<tr class="diff-${e(row.kind)}"><td><span class="diff-kind">${e(tr(`terms_change_${row.kind}`))}</span> ${left}</td><td>${right}</td></tr>`;
      })
      .join('');
    diff = `<p>${e(termsChangeSummary(change, locale))}</p>
${termsNoticeLines(change, locale).map((line) => `<p class="notice">${e(line)}</p>`).join('')}
${rows ? `<table class="terms-diff"><thead><tr><th>${e(tr('terms_view_before'))}</th><th>${e(tr('terms_view_after'))}</th></tr></thead><tbody>${rows}</tbody></table>` : ''}`;
  }
  return `<section class="terms-versions" data-section="terms-versions">${heading(tr('evidenceReport_termsTitle'))}
<p>${e(tr('evidenceReport_termsDocument', { url: trail.canonicalUrl }))}</p>
<ol class="versions">${versions}</ol>
${diff}
</section>`;
}

/** A clause's text, escaped, with the sentences only its side has marked (`null`: the whole clause). */
function clauseHtml(clause: TermsClause | undefined, marked: readonly string[] | null, tag: 'del' | 'ins'): string {
  if (!clause) return '';
  const set = new Set(marked ?? []);
  return clause.text
    .split('\n')
    .map((line) => `<div>${splitSentences(line).map((sentence) => (marked === null || set.has(sentence) ? `<${tag}>${e(sentence)}</${tag}>` : e(sentence))).join('')}</div>`)
    .join('');
}

function renderFinding(
  result: RuleResult,
  n: number,
  locale: Locale,
  selectors: SelectorIndex,
  crops: (selector: string, ref: number) => string,
): string {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, locale, params);
  const firstRef = selectors.rows.length + 1;
  const evidence = result.evidence.length
    ? `<table class="evidence"><thead><tr><th class="text">${e(tr('evidenceReport_evidenceText'))}</th><th class="link">${e(tr('evidenceReport_evidenceLink'))}</th><th class="seen">${e(tr('evidenceReport_evidenceVisible'))}</th><th class="ref">${e(tr('evidenceReport_evidenceRef'))}</th></tr></thead><tbody>${result.evidence
        .map((ev) => {
          selectors.rows.push({ n: selectors.rows.length + 1, ruleId: result.ruleId, selector: ev.selector, rootPath: ev.rootPath });
          return evidenceRow(ev, locale, selectors.rows.length);
        })
        .join('')}</tbody></table>`
    : `<p class="none">${e(tr(result.status === 'pass' ? 'evidenceReport_noEvidence' : 'evidenceReport_nothingFound'))}</p>`;
  const cropped = result.evidence.map((ev, i) => crops(ev.selector, firstRef + i)).join('');
  // An encouraged practice the page lacks is advice, as in the checklist, not a failure.
  const outcome = result.status === 'fail' && result.level === 'encouraged' ? 'advice' : result.status;
  return `<article class="finding status-${e(outcome)}">
<h3>${n}. ${e(ruleTitle(result.ruleId, locale))}</h3>
<p class="meta">${e(statusName(outcome, locale))} · ${e(levelName(result.level, locale))} · ${e(groupName(result.group, locale))}</p>
<p class="cite">${e(tr('evidenceReport_basisLine', { basis: citations(result.basis, locale) }))}</p>
<p class="message">${e(resultMessage(result, locale))}</p>
<p class="help">${e(ruleHelp(result.ruleId, locale))}</p>
${evidence}
${cropped ? `<div class="crops">${cropped}</div>` : ''}
</article>`;
}

/** The ids the screenshots are drawn under, so crops reuse each image instead of repeating its bytes. */
interface ScreenshotIds {
  visible: string | null;
  fullPage: string | null;
}

function screenshotIds(input: ReportInput): ScreenshotIds {
  // Several audits' reports can share a file: the capture's digest keeps their ids apart.
  const stem = `shot-${(input.capture?.digest ?? 'none').slice(0, 16)}`;
  return {
    visible: input.screenshot && isImageDataUrl(input.screenshot.dataUrl) ? `${stem}-visible` : null,
    fullPage: input.fullPage && isImageDataUrl(input.fullPage.dataUrl) ? `${stem}-full` : null,
  };
}

/** An image as inline SVG, defined once under `id` for the crops' `<use>`. */
function imageSvg(image: ReportImage, id: string, alt: string): string {
  return `<svg class="shot" viewBox="0 0 ${image.width} ${image.height}" width="${image.width}" height="${image.height}" role="img" aria-label="${e(alt)}"><image id="${e(id)}" href="${e(image.dataUrl)}" width="${image.width}" height="${image.height}"/></svg>`;
}

/** The full-page screenshot with how much of the page it holds, whether it was cut, or why there is none. */
function renderFullPage(input: ReportInput, id: string | null): string {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, input.locale, params);
  const record = input.capture?.record;
  if (!record) return '';
  const info = record.fullPage;
  if (id && info) {
    const size = { frames: info.frames, pageHeight: info.pageHeight, capturedHeight: info.capturedHeight };
    const cut = info.cut ? `<p class="cut">${e(tr('evidenceReport_fullPageCut', { max: FULL_PAGE_MAX_HEIGHT, capturedHeight: info.capturedHeight, pageHeight: info.pageHeight }))}</p>` : '';
    return `<figure class="fullpage">${imageSvg(input.fullPage!, id, tr('evidenceReport_fullPageAlt'))}<figcaption>${e(tr('evidenceReport_fullPageCaption', size))}</figcaption>${cut}</figure>`;
  }
  const absent = record.absent.find((a) => a.kind === 'fullpage-screenshot');
  // A capture made before full-page screenshots (liangzhao.evidence/1) says nothing of one.
  if (!absent) return '';
  return `<p class="none">${e(tr('evidenceReport_noFullPage', { reason: absentReason(absent, input.locale) }))}</p>`;
}

/** A crop of the screenshot around one piece of evidence, with its box framed; empty when it is on neither image. */
function renderCrop(input: ReportInput, shots: ScreenshotIds, selector: string, ref: number): string {
  const rect = input.elementRects?.get(selector);
  const record = input.capture?.record;
  if (!rect || !record) return '';
  const images = { screenshot: shots.visible ? input.screenshot! : null, fullPage: shots.fullPage ? input.fullPage! : null };
  const crop = cropFor(rect, record.viewport, images, record.fullPage);
  if (!crop) return '';
  const tr = (key: string, params?: Record<string, string | number>) => t(key, input.locale, params);
  const source = tr(crop.source === 'visible' ? 'evidenceReport_cropSourceVisible' : 'evidenceReport_cropSourceFull');
  return `<figure class="crop">${cropSvg(crop, crop.source === 'visible' ? shots.visible! : shots.fullPage!, tr('evidenceReport_cropAlt', { ref }))}<figcaption>${e(tr('evidenceReport_cropCaption', { ref, source }))}</figcaption></figure>`;
}

const CROP_SHOWN_WIDTH = 520;

function cropSvg(crop: Crop, id: string, alt: string): string {
  const width = Math.min(crop.width, CROP_SHOWN_WIDTH);
  const height = Math.max(1, Math.round((crop.height * width) / crop.width));
  const stroke = Math.max(2, Math.round(crop.width / 260));
  const { box } = crop;
  return `<svg viewBox="${crop.x} ${crop.y} ${crop.width} ${crop.height}" width="${width}" height="${height}" role="img" aria-label="${e(alt)}"><use href="#${e(id)}"/><rect class="crop-box" x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" fill="none" stroke="#b91c1c" stroke-width="${stroke}"/></svg>`;
}

function absentReason(absent: { kind: string; reason: string }, locale: Locale): string {
  if (absent.reason !== 'unsupported') return absent.reason;
  return t(absent.kind === 'fullpage-screenshot' ? 'evidenceAbsent_fullPageUnsupported' : 'evidenceAbsent_unsupported', locale);
}

function evidenceRow(ev: Evidence, locale: Locale, ref: number): string {
  const hidden = ev.visible === false && ev.hiddenReason ? t('evidenceReport_hiddenBecause', locale, { reason: hiddenReasonName(ev.hiddenReason, locale) }) : '';
  return `<tr><td>${e(ev.context ?? ev.text)}</td><td class="url">${e(ev.href ?? '')}</td><td>${e(visibilityName(ev.visible, locale) + hidden)}</td><td class="ref">S${ref}</td></tr>`;
}

/** Appendix: where each piece of evidence is on the page, then the digests that seal the record. */
function renderAppendix(input: ReportInput, selectors: SelectorIndex): string {
  const tr = (key: string) => t(key, input.locale);
  const rows = selectors.rows
    .map((row) => `<tr><td class="ref">S${row.n}</td><td>${e(ruleTitle(row.ruleId, input.locale))}</td><td class="code">${e([...(row.rootPath ?? []), row.selector].join(' ⟩ '))}</td></tr>`)
    .join('');
  const selectorTable = rows
    ? `<table class="selectors"><thead><tr><th class="ref">${e(tr('evidenceReport_evidenceRef'))}</th><th>${e(tr('evidenceReport_appendixRule'))}</th><th>${e(tr('evidenceReport_evidenceSelector'))}</th></tr></thead><tbody>${rows}</tbody></table>`
    : `<p class="none">${e(tr('evidenceReport_none'))}</p>`;
  return `<section class="appendix"><h2>${e(tr('evidenceReport_appendixTitle'))}</h2><h3>${e(tr('evidenceReport_appendixSelectors'))}</h3>${selectorTable}${renderIntegrity(input)}</section>`;
}

function renderIntegrity(input: ReportInput): string {
  const tr = (key: string, params?: Record<string, string | number>) => t(key, input.locale, params);
  const rows: Array<[string, string]> = [];
  if (input.auditSha256) rows.push([tr('evidenceReport_auditDigest'), input.auditSha256]);
  const capture = input.capture;
  if (capture) {
    const r = capture.record;
    rows.push([tr('evidenceReport_recordDigest'), capture.digest]);
    rows.push([tr('evidenceReport_chainLink'), tr('evidenceReport_chainLinkValue', { chain: r.chainId, sequence: r.sequence })]);
    rows.push([tr('evidenceReport_previousDigest'), r.previous ?? tr('evidenceReport_chainStart')]);
    for (const a of r.artefacts) rows.push([a.name, `SHA-256 ${a.sha256} (${a.size} B)`]);
    for (const a of r.absent) rows.push([a.kind, tr('evidenceReport_absent', { reason: absentReason(a, input.locale) })]);
    rows.push([tr('evidenceReport_userAgent'), r.userAgent]);
    rows.push([tr('evidenceReport_extensionVersion'), r.extensionVersion]);
  }
  rows.push([tr('evidenceReport_rulesetVersion'), input.audit.rulesetVersion]);
  return `<section class="integrity"><h3>${e(tr('evidenceReport_integrityTitle'))}</h3>${table(rows, 'code-values')}<p class="note">${e(tr('evidenceReport_integrityNote'))}</p></section>`;
}

function table(rows: Array<[string, string]>, className = ''): string {
  return `<table class="fields ${className}"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</tbody></table>`;
}

function pageTypeWithOverride(audit: AuditResult, locale: Locale): string {
  const chosen = pageTypeName(audit.pageType, locale);
  if (!audit.detectedPageType || audit.detectedPageType === audit.pageType) return chosen;
  return t('evidenceReport_pageTypeOverride', locale, { chosen, detected: pageTypeName(audit.detectedPageType, locale) });
}

/** Article by article: results citing the same first article sit together. */
function sortByArticle(results: RuleResult[]): RuleResult[] {
  return [...results].sort((a, b) => {
    const level = (r: RuleResult) => (r.level === 'mandatory' ? 0 : 1);
    return level(a) - level(b) || (a.basis[0] ?? '').localeCompare(b.basis[0] ?? '', 'en', { numeric: true }) || a.ruleId.localeCompare(b.ruleId);
  });
}

const STYLE = `
.terms-versions .versions li{margin:.3em 0}.terms-versions .muted{color:var(--muted)}.terms-diff{width:100%;border-collapse:collapse;font-size:12px}.terms-diff td,.terms-diff th{border:1px solid var(--line);padding:4px;vertical-align:top;width:50%}.terms-diff tr{break-inside:avoid}.terms-diff del{background:#fde2e2}.terms-diff ins{background:#dcfce7;text-decoration:none}.diff-kind{font-weight:bold}.terms-versions .notice{font-weight:bold}
:root{color-scheme:light;--ink:#111;--muted:#555;--line:#999;--fail:${VERDICT_COLOURS.fail};--review:${VERDICT_COLOURS.review};--pass:${VERDICT_COLOURS.pass}}
*{box-sizing:border-box}
body{margin:0;background:#eee;color:var(--ink);font:14px/1.6 "Noto Serif CJK SC","Songti SC",SimSun,"WenQuanYi Micro Hei",serif}
main{max-width:210mm;margin:0 auto;background:#fff;padding:20mm 18mm}
main+main{margin-top:8mm}
header{text-align:center;border-bottom:2px solid var(--ink);margin-bottom:1.5em}
h1{font-size:22px;letter-spacing:.1em;margin:0 0 .2em}
.subtitle{color:var(--muted);margin:0 0 .8em}
h2{font-size:16px;margin:1.4em 0 .5em;border-left:4px solid var(--ink);padding-left:.5em}
h3{font-size:14px;margin:.8em 0 .2em}
table{border-collapse:collapse;width:100%;margin:.3em 0 .8em;table-layout:fixed}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}
table.fields th{width:28%;background:#f4f4f4;font-weight:600}
table.evidence th{background:#f4f4f4;font-size:12px}
table.evidence td{font-size:12px}
.code,.url,.code-values td{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:11px}
figure{margin:.5em 0;text-align:center}
figure img,figure svg.shot{max-width:100%;height:auto;border:1px solid var(--line)}
.fullpage svg.shot{max-width:60%}
.cut{color:var(--fail);font-size:12px;margin:.2em 0}
.crops{display:flex;flex-wrap:wrap;gap:.5em 1em;margin:.3em 0 .6em}
figure.crop{margin:0;text-align:left}
figure.crop svg{max-width:100%;height:auto;border:1px solid var(--line);display:block}
figcaption{color:var(--muted);font-size:12px}
.grade{font-size:16px}
.grade-letter{display:inline-block;min-width:2em;text-align:center;font-size:24px;font-weight:700;border:2px solid currentColor;border-radius:4px}
.verdict-fail .grade-letter{color:var(--fail)}.verdict-review .grade-letter{color:var(--review)}.verdict-pass .grade-letter{color:var(--pass)}
.finding{border-bottom:1px dashed var(--line);padding-bottom:.4em}
.status-fail h3{color:var(--fail)}.status-review h3,.status-error h3,.status-advice h3{color:var(--review)}
.meta{color:var(--muted);font-size:12px;margin:0}
.message{margin:.2em 0}
.cite{margin:.1em 0;font-size:13px}
.help{margin:.2em 0;color:var(--muted);font-size:12px}
.ref{width:11%}
table.evidence .text{width:37%}table.evidence .link{width:34%}table.evidence .seen{width:18%}
table.selectors .ref{width:11%}table.selectors th:nth-child(2){width:25%}
table.selectors td{font-size:11px}
.none{color:var(--muted)}
.demand{border:1px solid var(--ink);padding:.2em 1em}
.note{color:var(--muted);font-size:12px}
.signatures{margin-top:2em}
.signatures p{display:flex;gap:.5em;align-items:flex-end;margin:1.6em 0}
.signatures .line{flex:1;border-bottom:1px solid var(--ink);height:1.2em}
.signatures .line.short{flex:.5}
footer{margin-top:2em;border-top:1px solid var(--line);color:var(--muted);font-size:11px}
@media print{
  @page{size:A4;margin:15mm}
  body{background:#fff}
  main{max-width:none;padding:0}
  main+main{margin-top:0;break-before:page}
  .appendix{break-before:page}
  .finding,figure,table.fields,.signatures,tr,.demand,.basis{break-inside:avoid}
  h2,h3{break-after:avoid}
  figure img,figure svg.shot{max-height:160mm;width:auto}
  .fullpage{break-before:page}
  .fullpage svg.shot{max-height:240mm;max-width:100%}
  figure.crop svg{max-height:70mm;width:auto}
}
`;
