import { t } from '@/i18n';
import type { Locale } from '@/rules/types';
import type { SortColumn } from '@/storage/audits';
import type { StoredAuditRow } from '@/storage/db';
import type { SortState } from '@/entrypoints/dashboard/model';
import { formatTime } from '@/i18n/dates';
import { GradeBadge } from '../../components/GradeBadge';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EvidenceMark } from '../../components/EvidenceMark';
import { pageTypeName, ruleTitle } from '@/i18n/text';
import { SortHeading } from './SortHeading';

/** The history's columns, each sortable by its index; the batch results show the same ones. */
export const AUDIT_COLUMNS: Array<{ column: SortColumn; key: string }> = [
  { column: 'host', key: 'col_site' },
  { column: 'url', key: 'col_page' },
  { column: 'pageType', key: 'col_type' },
  { column: 'grade', key: 'col_grade' },
  { column: 'score', key: 'col_score' },
  { column: 'failedCount', key: 'col_failed' },
  { column: 'auditedAtMs', key: 'col_time' },
];

/** Rule names shown per row; the rest are counted. */
const FAILED_SHOWN = 3;

interface AuditTableProps {
  rows: StoredAuditRow[];
  locale: Locale;
  caption: string;
  sort?: SortState;
  onSort?: (column: SortColumn) => void;
  onOpenSite?: (host: string) => void;
  onCompare?: (url: string) => void;
  onDelete: (id: number) => Promise<unknown>;
  /** The warning for deleting an audit with captured evidence: the chain break it leaves, by capture. */
  evidenceWarning: (auditId: number) => Promise<string | null>;
}

export function AuditTable(props: AuditTableProps) {
  const { rows, locale, sort } = props;
  return (
    <table class="audits">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead>
        <tr>
          {AUDIT_COLUMNS.map(({ column, key }) => (
            <SortHeading key={column} column={column} label={t(key, locale)} sort={sort} onSort={props.onSort} />
          ))}
          <th scope="col">{t('col_actions', locale)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((audit) => (
          <AuditRow key={audit.id} audit={audit} {...props} />
        ))}
      </tbody>
    </table>
  );
}

function AuditRow({ audit, locale, onOpenSite, onCompare, onDelete, evidenceWarning }: AuditTableProps & { audit: StoredAuditRow }) {
  const time = formatTime(audit.auditedAtMs, locale);
  const failed = audit.failedRules.slice(0, FAILED_SHOWN).map((id) => ruleTitle(id, locale));
  const more = audit.failedRules.length - failed.length;
  return (
    <tr data-audit-id={audit.id}>
      <td>
        {onOpenSite ? (
          <button
            type="button"
            class="link-button"
            aria-label={t('action_open_site_named', locale, { host: audit.host })}
            onClick={() => onOpenSite(audit.host)}
          >
            {audit.host}
          </button>
        ) : (
          audit.host
        )}
      </td>
      <td class="page-cell">
        <span class="page-cell__title">
          {audit.title}
          {audit.captureId !== undefined && (
            <>
              {' '}
              <EvidenceMark locale={locale} />
            </>
          )}
        </span>
        <span class="page-cell__url">{audit.url}</span>
      </td>
      <td>{pageTypeName(audit.pageType, locale)}</td>
      <td>
        <GradeBadge grade={audit.grade} verdict={audit.verdict} locale={locale} />
      </td>
      <td class="num">{audit.score ?? '–'}</td>
      <td class="failed-cell">
        {audit.failedRules.length === 0
          ? t('failed_none', locale)
          : failed.join(t('list_separator', locale)) + (more > 0 ? ` +${more}` : '')}
      </td>
      <td>
        <time dateTime={new Date(audit.auditedAtMs).toISOString()}>{time}</time>
      </td>
      <td class="actions">
        {onCompare && (
          <button type="button" class="link-button" onClick={() => onCompare(audit.url)}>
            {t('action_compare', locale)}
          </button>
        )}
        <ConfirmButton
          label={t('action_delete', locale)}
          ariaLabel={t('action_delete_audit', locale, { host: audit.host, time })}
          question={t('confirm_delete_audit', locale)}
          locale={locale}
          onConfirm={() => onDelete(audit.id!)}
          warning={audit.captureId === undefined ? undefined : () => evidenceWarning(audit.id!)}
        />
      </td>
    </tr>
  );
}
