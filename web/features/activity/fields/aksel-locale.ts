/** Aksel's own texts (calendar, counters, close buttons) follow the page's language. */
export type PickerLocale = 'nb' | 'nn' | 'en';

export function asPickerLocale(language: string): PickerLocale {
  return language === 'nn' || language === 'en' ? language : 'nb';
}
