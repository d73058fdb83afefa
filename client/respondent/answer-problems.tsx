// The summary above the questionnaire listing what the server rejected, each linked to its question.

import type { SurveyModel } from 'survey-core';
import type { Lang } from '../lang';
import { respondentMessages } from './messages';
import { problemText } from './problem-text';
import { focusProblem, problemLabel, type AnswerProblem } from './server-problems';

export interface AnswerProblemsProps {
  lang: Lang;
  model: SurveyModel;
  problems: readonly AnswerProblem[];
}

/** `lang` is a prop so the titles re-render in the new language after a switch. */
export function AnswerProblems({ lang, model, problems }: AnswerProblemsProps) {
  const m = respondentMessages[lang];
  return (
    <section className="notice notice-problems" role="alert" data-answer-problems>
      <h2>{m.problemsTitle}</h2>
      <p>{m.problemsIntro}</p>
      <ul>
        {problems.map((problem, i) => {
          const label = problemLabel(model, problem) ?? m.generalProblem;
          return (
            <li key={`${problem.question}:${i}`} data-question={problem.question}>
              {problem.question ? (
                <button type="button" className="link" onClick={() => focusProblem(model, problem)}>
                  {label}
                </button>
              ) : (
                <strong>{label}</strong>
              )}
              <span className="problem-text">{problemText(problem.problem, lang)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
