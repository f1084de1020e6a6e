import { gradeName, statusName, verdictName } from '@/i18n/text';
import type { Grade, Locale, Verdict } from '@/rules/types';

/** The grade in the verdict's colour, with the verdict in words (colour is never the only signal). */
export function GradeBadge({ grade, verdict, locale }: { grade: Grade; verdict: Verdict; locale: Locale }) {
  const label = gradeName(grade, locale);
  return (
    <span class={`grade grade--${verdict}`} title={verdictName(verdict, locale)}>
      <span class="grade__letter" aria-hidden="true">
        {grade === 'N/A' ? '–' : grade}
      </span>
      <span class="visually-hidden">{label}</span>
    </span>
  );
}

export function StatusChip({ status, locale }: { status: string; locale: Locale }) {
  return <span class={`status status--${status}`}>{statusName(status, locale)}</span>;
}
