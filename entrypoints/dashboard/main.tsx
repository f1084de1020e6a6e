import '@/components/styles.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { ruleCatalogue } from '@/rules';
import { t } from '@/i18n';
import { LiangzhaoDatabase } from '@/storage/db';
import { createDashboardModel } from '@/entrypoints/dashboard/model';
import { langOf } from '@/i18n/dates';
import { DashboardApp } from '@/entrypoints/dashboard/App';
import { documentFromHash } from '@/entrypoints/dashboard/terms-model';

const db = new LiangzhaoDatabase();
const model = createDashboardModel(db);
// The popup links a terms page's versions as `#terms=<canonical URL>`.
if (documentFromHash(location.hash)) model.view.value = 'terms';

effect(() => {
  document.documentElement.lang = langOf(model.locale.value);
  document.title = t('dashboard_title', model.locale.value);
});
render(
  <DashboardApp model={model} db={db} ruleIds={ruleCatalogue.map((rule) => rule.id)} />,
  document.getElementById('app')!,
);
