import { PAGE_TYPES, type Locale } from '@/rules/types';
import { pageTypeName } from '@/i18n/text';

/** One `<option>` per page type, named in `locale`: the popup's correction and the dashboard's filter share them. */
export function PageTypeOptions({ locale }: { locale: Locale }) {
  return (
    <>
      {PAGE_TYPES.map((type) => (
        <option key={type} value={type}>
          {pageTypeName(type, locale)}
        </option>
      ))}
    </>
  );
}
