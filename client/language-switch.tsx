// The two-button Indonesian/English toggle shown in every page's header.

import { languages, type Lang } from './lang';
import { frameMessages } from './messages';

export interface LanguageSwitchProps {
  lang: Lang;
  onChange: (lang: Lang) => void;
}

/**
 * Short labels keep it on one line at 360 px; the full names go to screen readers, after the
 * visible code so speech-input users can say what they see (WCAG 2.5.3, label in name).
 */
export function LanguageSwitch({ lang, onChange }: LanguageSwitchProps) {
  const m = frameMessages[lang];
  return (
    <div className="language-switch" role="group" aria-label={`${m.languageGroup} / Language`}>
      {languages.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === lang}
          aria-label={`${option.toUpperCase()} — ${m.languageNames[option]}`}
          onClick={() => onChange(option)}
        >
          {option.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
