import '@/components/styles.css';
import { render } from 'preact';
import { effect } from '@preact/signals';
import { ruleCatalogue } from '@/rules';
import { t } from '@/i18n';
import { LiangzhaoDatabase } from '@/storage/db';
import { createDashboardModel } from '@/entrypoints/dashboard/model';
import { langOf } from '@/i18n/dates';
import { DashboardApp } from '@/entrypoints/dashboard/App';

const db = new LiangzhaoDatabase();
const model = createDashboardModel(db);

effect(() => {
  document.documentElement.lang = langOf(model.locale.value);
  document.title = t('dashboard_title', model.locale.value);
});
render(
  <DashboardApp model={model} db={db} ruleIds={ruleCatalogue.map((rule) => rule.id)} />,
  document.getElementById('app')!,
);
