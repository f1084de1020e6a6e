import { t } from '@/i18n';
import type { DashboardModel } from '@/entrypoints/dashboard/model';
import { formatTime } from '@/i18n/dates';
import { StatusChip } from '../../components/GradeBadge';
import { resultMessage, ruleTitle } from '@/i18n/text';
import { AuditTable } from './AuditTable';
import { ScoreChart } from './ScoreChart';

export function SiteView({ model }: { model: DashboardModel }) {
  const locale = model.locale.value;
  const host = model.site.value;
  const audits = model.siteAudits.value.filter((audit) => audit.host === host);
  const urls = [...new Set(audits.map((audit) => audit.url))];
  return (
    <section aria-labelledby="site-heading">
      <h2 id="site-heading">{host ? t('site_heading', locale, { host }) : t('nav_site', locale)}</h2>
      <label>
        {t('site_choose', locale)}{' '}
        <select
          name="site"
          value={host ?? ''}
          onChange={(event) => model.openSite((event.currentTarget as HTMLSelectElement).value)}
        >
          <option value="" disabled>
            {t('site_choose', locale)}
          </option>
          {model.hosts.value.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
      </label>
      {!host ? (
        <p>{t('site_none', locale)}</p>
      ) : (
        <>
          <ScoreChart host={host} locale={locale} points={audits.flatMap((a) => (a.score === null ? [] : [{ atMs: a.auditedAtMs, score: a.score }]))} />
          <section aria-labelledby="compare-heading" class="compare">
            <h3 id="compare-heading">{t('compare_heading', locale)}</h3>
            <label>
              {t('compare_page', locale)}{' '}
              <select
                name="comparePage"
                value={model.comparedUrl.value ?? ''}
                onChange={(event) => model.compare((event.currentTarget as HTMLSelectElement).value)}
              >
                <option value="" disabled>
                  {t('compare_choose_page', locale)}
                </option>
                {urls.map((url) => (
                  <option key={url} value={url}>
                    {url}
                  </option>
                ))}
              </select>
            </label>
            {model.comparedUrl.value && <Comparison model={model} />}
          </section>
          <h3>{t('site_audits_heading', locale)}</h3>
          <AuditTable
            rows={audits}
            locale={locale}
            caption={t('site_audits_heading', locale)}
            onCompare={(url) => model.compare(url)}
            onDelete={(id) => model.deleteAudit(id)}
          evidenceWarning={(auditId) => model.evidenceWarning({ auditId })}
          />
        </>
      )}
    </section>
  );
}

function Comparison({ model }: { model: DashboardModel }) {
  const locale = model.locale.value;
  const audits = model.pageAudits.value.filter((audit) => audit.url === model.comparedUrl.value);
  if (audits.length < 2) return <p>{t('compare_need_two', locale)}</p>;
  const { earlierId, laterId } = model.comparison.value;
  const diff = model.diff.value;
  const picker = (which: 'earlierId' | 'laterId', labelKey: string, selected: number | null) => (
    <label>
      {t(labelKey, locale)}{' '}
      <select
        name={which}
        value={selected ?? ''}
        onChange={(event) => model.choose(which, Number((event.currentTarget as HTMLSelectElement).value))}
      >
        {audits.map((audit) => (
          <option key={audit.id} value={audit.id}>
            {`${formatTime(audit.auditedAtMs, locale)} · ${audit.grade} · ${audit.score ?? '–'}`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="comparison">
      {picker('earlierId', 'compare_earlier', earlierId)} {picker('laterId', 'compare_later', laterId)}
      {diff && (
        <>
          <p data-testid="compare-score">
            {t('compare_score', locale, {
              before: diff.scoreBefore ?? '–',
              after: diff.scoreAfter ?? '–',
              gradeBefore: diff.gradeBefore,
              gradeAfter: diff.gradeAfter,
            })}
          </p>
          {diff.changes.length === 0 ? (
            <p>{t('compare_same', locale)}</p>
          ) : (
            <table class="diff">
              <thead>
                <tr>
                  <th scope="col">{t('compare_rule', locale)}</th>
                  <th scope="col">{t('compare_before', locale)}</th>
                  <th scope="col">{t('compare_after', locale)}</th>
                </tr>
              </thead>
              <tbody>
                {diff.changes.map((change) => (
                  <tr key={change.ruleId} data-rule={change.ruleId}>
                    <th scope="row">
                      {ruleTitle(change.ruleId, locale)}
                      <span class="muted"> {resultMessage(change, locale)}</span>
                    </th>
                    <td>{change.before ? <StatusChip status={change.before} locale={locale} /> : t('status_absent', locale)}</td>
                    <td>{change.after ? <StatusChip status={change.after} locale={locale} /> : t('status_absent', locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
