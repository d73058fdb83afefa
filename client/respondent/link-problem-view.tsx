// The page shown instead of a questionnaire: unknown link, closed study, used invitation, no connection.

import type { Lang } from '../lang';
import { respondentMessages, type LinkProblem } from './messages';

export interface LinkProblemViewProps {
  lang: Lang;
  problem: LinkProblem;
  /** Offered where trying again can help (a failed load or send), not for a closed study. */
  onRetry?: () => void;
}

export function LinkProblemView({ lang, problem, onRetry }: LinkProblemViewProps) {
  const m = respondentMessages[lang];
  const text = m.problems[problem];
  return (
    <section className="notice notice-problem" data-problem={problem} aria-live="polite">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {m.tryAgain}
        </button>
      ) : null}
    </section>
  );
}
