import { t } from '@/i18n';
import { pageFeatureName, pageTypeName } from '@/i18n/text';
import type { Locale, PageClassification } from '@/rules/types';

const percent = (share: number) => Math.round(share * 100);

/** 判断依据: how sure the page-type model is, the runner-up, and the features that decided it, strongest first. */
export function PageTypeReasons({ classification, locale }: { classification: PageClassification; locale: Locale }) {
  const second = classification.candidates[1];
  return (
    <details class="page-type-reasons" data-testid="page-type-reasons">
      <summary>{t('popup_reasons_heading', locale)}</summary>
      <p>
        {t('popup_reasons_summary', locale, { type: pageTypeName(classification.type, locale), confidence: percent(classification.confidence) })}
        {second && ` ${t('popup_reasons_runner_up', locale, { type: pageTypeName(second.type, locale), probability: percent(second.probability) })}`}
      </p>
      <ul>
        {classification.features.map((feature) => (
          <li key={`${feature.feature}-${feature.type}`} class={feature.points >= 0 ? 'reason--for' : 'reason--against'}>
            {t(feature.points >= 0 ? 'popup_reasons_for' : 'popup_reasons_against', locale, {
              feature: pageFeatureName(feature.feature, locale),
              value: feature.value,
              type: pageTypeName(feature.type, locale),
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
