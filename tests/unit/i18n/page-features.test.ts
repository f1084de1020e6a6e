import { describe, expect, it } from 'vitest';
import { hasMessage } from '@/i18n';
import { pageFeatureName } from '@/i18n/text';
import { PAGE_TYPE_MODEL } from '@/rules/page-type-model';

describe('page-type features in words', () => {
  it('names every feature the page-type model weighs, in Chinese and English', () => {
    const features = [...new Set(PAGE_TYPE_MODEL.features.map((entry) => entry.feature))];
    expect(features.length).toBeGreaterThan(20);
    for (const feature of features) {
      expect(hasMessage(`page_feature_${feature}`), feature).toBe(true);
      expect(pageFeatureName(feature, 'zh_CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(pageFeatureName(feature, 'en')).not.toBe(feature);
    }
  });

  it('shows a feature this version does not know as written', () => {
    expect(pageFeatureName('fromTheFuture', 'en')).toBe('fromTheFuture');
  });
});
