// React state for the interface language, kept in step with <html lang> and the device's choice.

import { useCallback, useEffect, useState } from 'react';
import { applyLang, browserStorage, initialLang, type Lang } from './lang';

/**
 * @example
 * const [lang, setLang] = useLang();
 * <LanguageSwitch lang={lang} onChange={setLang} />
 */
export function useLang(): [Lang, (lang: Lang) => void] {
  const [lang, setLangState] = useState<Lang>(() =>
    initialLang(new URLSearchParams(window.location.search), browserStorage()),
  );
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    applyLang(next, browserStorage());
    setLangState(next);
  }, []);
  return [lang, setLang];
}
