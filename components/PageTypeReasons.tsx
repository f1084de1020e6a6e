import { t } from '@/i18n';
import { pageFeatureName, pageTypeName } from '@/i18n/text';
import { netFeatures } from '@/rules/page-type';
import type { Locale, PageClassification } from '@/rules/types';

const percent = (share: number) => Math.round(share * 100);

/**
 * 判断依据: how sure the page-type model is, the runner-up, and the features that decided between the two, each once
 * with its net direction (for or against the winner), strongest first.
 */
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
        {netFeatures(classification.features, classification.type).map((feature) => (
          <li key={feature.feature} class={feature.net > 0 ? 'reason--for' : 'reason--against'}>
            {t(feature.net > 0 ? 'popup_reasons_for' : 'popup_reasons_against', locale, {
              feature: pageFeatureName(feature.feature, locale),
              value: feature.value,
              type: pageTypeName(classification.type, locale),
              other: pageTypeName(second?.type ?? classification.type, locale),
            })}
          </li>
        ))}
      </ul>
    </details>
  );
}
