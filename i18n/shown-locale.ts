import { computed, effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Locale } from '@/utils/locale';
import { isLocaleLoaded, loadLocale } from './index';

/**
 * The language a page shows: the one chosen, once its messages are loaded. A page draws in a language whose
 * catalogue it holds; when the choice changes (the settings, or the database's answer correcting the stored copy),
 * it keeps the language it had until the other's chunk has arrived. `stop` ends the following.
 */
export function shownLocale(chosen: ReadonlySignal<Locale>): { locale: ReadonlySignal<Locale>; stop: () => void } {
  const shown = signal<Locale>(chosen.peek());
  const stop = effect(() => {
    const wanted = chosen.value;
    if (isLocaleLoaded(wanted)) shown.value = wanted;
    else
      void loadLocale(wanted).then(
        () => {
          if (chosen.peek() === wanted) shown.value = wanted;
        },
        () => undefined,
      );
  });
  return { locale: computed(() => shown.value), stop };
}
