import { useState } from 'preact/hooks';
import { t } from '@/i18n';
import type { Locale } from '@/rules/types';

interface ConfirmButtonProps {
  label: string;
  /** An accessible name when the visible label is short ("删除" on every row). */
  ariaLabel?: string;
  question: string;
  locale: Locale;
  onConfirm: () => Promise<unknown> | void;
  /** What else the action breaks, looked up when it is asked (a deletion that removes captured evidence). */
  warning?: () => Promise<string | null>;
  class?: string;
}

/** A destructive action that asks first, inline, with the question read out when it appears. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const ask = () => {
    setWarning(null);
    setAsking(true);
    void props.warning?.().then(setWarning, () => undefined);
  };
  if (!asking) {
    return (
      <button type="button" class={props.class ?? 'danger'} aria-label={props.ariaLabel} onClick={ask}>
        {props.label}
      </button>
    );
  }
  return (
    <span class="confirm" role="group" aria-label={props.question}>
      <span role="alert">
        {props.question}
        {warning && (
          <>
            {' '}
            <strong class="confirm__warning">{warning}</strong>
          </>
        )}
      </span>{' '}
      <button
        type="button"
        class="danger"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await props.onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {t('confirm_yes', props.locale)}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('confirm_no', props.locale)}
      </button>
    </span>
  );
}
