// The layout every page shares: a header with the project name and language switch, then content.

import type { ReactNode } from 'react';
import type { Lang } from './lang';
import { LanguageSwitch } from './language-switch';
import { frameMessages } from './messages';

export interface PageFrameProps {
  lang: Lang;
  onLangChange: (lang: Lang) => void;
  /** A line under the project name, e.g. the respondent's agency. */
  context?: ReactNode;
  children: ReactNode;
}

export function PageFrame({ lang, onLangChange, context, children }: PageFrameProps) {
  return (
    <>
      <header className="page-header">
        <div className="page-header-text">
          <p className="project-name">{frameMessages[lang].projectName}</p>
          {context ? <p className="page-context">{context}</p> : null}
        </div>
        <LanguageSwitch lang={lang} onChange={onLangChange} />
      </header>
      <main className="page-main">{children}</main>
    </>
  );
}
