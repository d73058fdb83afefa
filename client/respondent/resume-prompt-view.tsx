// Asks, before any earlier answers are shown, whether to continue them or start afresh (a shared PC's next user).

import type { Lang } from '../lang';
import { respondentMessages } from './messages';

export interface ResumePromptViewProps {
  lang: Lang;
  onContinue: () => void;
  /** Deletes the earlier answers without showing them. */
  onStartAfresh: () => void;
}

export function ResumePromptView({ lang, onContinue, onStartAfresh }: ResumePromptViewProps) {
  const m = respondentMessages[lang];
  return (
    <section className="notice notice-problem" aria-labelledby="resume-title" data-resume-prompt>
      <h1 id="resume-title" tabIndex={-1}>
        {m.resumeTitle}
      </h1>
      <p>{m.resumeBody}</p>
      <div className="actions">
        <button type="button" className="button" onClick={onContinue}>
          {m.resumeContinue}
        </button>
        <button type="button" className="button button-secondary" onClick={onStartAfresh}>
          {m.resumeFresh}
        </button>
      </div>
    </section>
  );
}
