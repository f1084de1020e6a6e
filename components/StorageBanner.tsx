import { t } from '@/i18n';
import type { Locale } from '@/rules/types';
import type { WriteStatus } from '@/storage/audit-writer';

/** Says which audits are not saved yet, and why: a refused write is never silent. */
export function StorageBanner({ status, locale }: { status: WriteStatus | null; locale: Locale }) {
  if (!status || (status.pending === 0 && status.dropped === 0)) return null;
  return (
    <div class="banner banner--warning" role="alert">
      {status.pending > 0 && (
        <p>
          {status.lastError
            ? t('storage_pending', locale, { count: status.pending, error: status.lastError })
            : t('storage_pending_no_reason', locale, { count: status.pending })}
        </p>
      )}
      {status.dropped > 0 && <p>{t('storage_dropped', locale, { count: status.dropped })}</p>}
    </div>
  );
}
