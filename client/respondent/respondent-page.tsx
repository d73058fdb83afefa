// The respondent page for /s/:study/:agency, /s/:study/l/:code and /s/:study/t/:token: load, answer, autosave, send, thank.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SurveyModel } from 'survey-core';
import { api, type Agency, type ResponseSubmission } from '../api-client';
import { browserStorage, type Lang } from '../lang';
import { frameMessages } from '../messages';
import { PageFrame } from '../page-frame';
import type { RespondentLink } from '../routes';
import { useLang } from '../use-lang';
import { AnswerProblems } from './answer-problems';
import { CompletionView } from './completion-view';
import { createSurveyModel } from './create-survey-model';
import { createDraftStore } from './draft-store';
import { agencyOfLink, submissionFor } from './link-access';
import { LinkProblemView } from './link-problem-view';
import { linkProblemOf, loadProblemOf } from './link-problem-of';
import { linkRefusal } from './link-refusal';
import { respondentMessages, type LinkProblem } from './messages';
import { newResponseId } from './new-response-id';
import { problemText } from './problem-text';
import { createRetryWaker } from './retry-waker';
import { sendWithRetry } from './send-with-retry';
import { SendingView } from './sending-view';
import { applyServerProblems, type AnswerProblem } from './server-problems';
import { SurveyView } from './survey-view';

type Phase =
  | { kind: 'loading' }
  | { kind: 'problem'; problem: LinkProblem }
  | { kind: 'answering'; problems: readonly AnswerProblem[] }
  | { kind: 'sending'; retryAttempt?: number }
  | { kind: 'done'; responseId: string };

export interface RespondentPageProps {
  link: RespondentLink;
}

export default function RespondentPage({ link }: RespondentPageProps) {
  const [lang, setLang] = useLang();
  const m = respondentMessages[lang];
  const drafts = useMemo(() => createDraftStore(browserStorage(), link), [link]);
  const waker = useMemo(() => createRetryWaker(window), []);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [agency, setAgency] = useState<Agency>();
  const [model, setModel] = useState<SurveyModel>();
  const [loadAttempt, setLoadAttempt] = useState(0);
  // Chosen once per page load (or taken from the draft) and reused by every send attempt.
  const responseId = useRef('');
  // Read when the model is created, without making the load effect depend on the language.
  const langRef = useRef(lang);
  langRef.current = lang;
  // Aborted when the page unmounts, ending any retry loop still waiting.
  const alive = useRef<AbortController>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    alive.current = controller;
    return () => controller.abort();
  }, []);

  const send = useCallback(
    async (survey: SurveyModel, idRenewed = false): Promise<void> => {
      const answers = survey.data as Record<string, unknown>;
      const id = responseId.current;
      drafts.save({ responseId: id, answers, pageNo: survey.currentPageNo, submitting: true });
      setPhase({ kind: 'sending' });
      const submission: ResponseSubmission = submissionFor(link, id, answers);
      let result;
      try {
        result = await sendWithRetry(() => api.submitResponse(link.study, submission), {
          wait: waker.wait,
          signal: alive.current?.signal,
          onRetry: ({ attempt }) => setPhase({ kind: 'sending', retryAttempt: attempt + 1 }),
        });
      } catch {
        return; // The page was left; the draft still says "submitting", so the next visit resumes.
      }
      if (!result.ok && result.error.code === 'RESPONSE_ID_CONFLICT' && !idRenewed) {
        // Another study already holds this id (a practically impossible clash): take a new one.
        responseId.current = newResponseId();
        return send(survey, true);
      }
      if (result.ok) {
        drafts.clear();
        setPhase({ kind: 'done', responseId: id });
        return;
      }
      if (result.status === 422) {
        const problems = result.error.details ?? [];
        if (survey.state === 'completed') survey.clear(false, false);
        drafts.save({ responseId: id, answers, pageNo: survey.currentPageNo, submitting: false });
        applyServerProblems(survey, problems, (text) => problemText(text, langRef.current));
        setPhase({ kind: 'answering', problems });
        // The summary of what to correct sits above the questionnaire.
        window.scrollTo({ top: 0 });
        return;
      }
      const problem = linkProblemOf(result.status, result.error);
      // Answers for a closed study, a used invitation or an unknown link can never be sent.
      if (problem !== 'send-refused') drafts.clear();
      setPhase({ kind: 'problem', problem });
    },
    [drafts, link, waker],
  );

  useEffect(() => {
    let cancelled = false;
    setPhase({ kind: 'loading' });
    const load = async (): Promise<Phase> => {
      const draft = drafts.load();
      // Requested at once but awaited only for a usable link, so a refused link is explained
      // without waiting for the questionnaire; a failure of it is reported where it is awaited.
      const questionnaireLoad = api.getQuestionnaire(link.study);
      questionnaireLoad.catch(() => undefined);
      const agencyLoad = agencyOfLink(link).then((r) => {
        // Shown as soon as it is known, while the questionnaire is still on its way.
        if (!cancelled && r.ok) setAgency(r.value);
        return r;
      });
      const [study, agencyResult] = await Promise.all([api.getStudy(link.study), agencyLoad]);
      const refusal = linkRefusal(link, study, agencyResult, draft?.submitting === true);
      if (refusal) {
        // Answers for a spent invitation can never be sent; keeping them would only mislead.
        if (refusal === 'token-used') drafts.clear();
        return { kind: 'problem', problem: refusal };
      }
      const questionnaire = await questionnaireLoad;
      if (!questionnaire.ok) {
        return {
          kind: 'problem',
          problem: loadProblemOf(questionnaire.status, questionnaire.error),
        };
      }
      if (cancelled) return { kind: 'loading' };
      responseId.current = draft?.responseId ?? newResponseId();
      const survey = createSurveyModel(questionnaire.value, langRef.current, draft);
      setModel(survey);
      if (draft?.submitting) void send(survey);
      return draft?.submitting ? { kind: 'sending' } : { kind: 'answering', problems: [] };
    };
    load()
      .catch((): Phase => ({ kind: 'problem', problem: 'load-failed' }))
      .then((next) => {
        if (!cancelled) setPhase((current) => (current.kind === 'loading' ? next : current));
      });
    return () => {
      cancelled = true;
    };
  }, [link, drafts, send, loadAttempt]);

  useEffect(() => {
    if (!model) return;
    const save = (): void => {
      // Completion clears hidden answers; `send` saves that final state itself.
      if (model.state !== 'running') return;
      drafts.save({
        responseId: responseId.current,
        answers: model.data as Record<string, unknown>,
        pageNo: model.currentPageNo,
        submitting: false,
      });
    };
    const complete = (): void => void send(model);
    model.onValueChanged.add(save);
    model.onCurrentPageChanged.add(save);
    model.onComplete.add(complete);
    return () => {
      model.onValueChanged.remove(save);
      model.onCurrentPageChanged.remove(save);
      model.onComplete.remove(complete);
    };
  }, [model, drafts, send]);

  useEffect(() => {
    if (model) model.locale = lang;
    document.title = frameTitle(lang, phase);
  }, [model, lang, phase]);

  const retry = (): void => {
    if (phase.kind === 'problem' && phase.problem === 'send-refused' && model) void send(model);
    else setLoadAttempt((n) => n + 1);
  };

  return (
    <PageFrame
      lang={lang}
      onLangChange={setLang}
      context={agency ? <span data-agency={agency.code}>{m.agencyLine(agency.name)}</span> : null}
    >
      {phase.kind === 'loading' ? (
        <p className="page-loading" aria-busy="true">
          {m.loading}
        </p>
      ) : null}
      {phase.kind === 'problem' ? (
        <LinkProblemView
          lang={lang}
          problem={phase.problem}
          onRetry={
            phase.problem === 'load-failed' || phase.problem === 'send-refused' ? retry : undefined
          }
        />
      ) : null}
      {phase.kind === 'sending' ? (
        <SendingView lang={lang} retryAttempt={phase.retryAttempt} onRetryNow={waker.wakeNow} />
      ) : null}
      {phase.kind === 'done' ? <CompletionView lang={lang} responseId={phase.responseId} /> : null}
      {phase.kind === 'answering' && phase.problems.length > 0 && model ? (
        <AnswerProblems lang={lang} model={model} problems={phase.problems} />
      ) : null}
      {model && (phase.kind === 'answering' || phase.kind === 'sending') ? (
        <>
          <SurveyView model={model} hidden={phase.kind === 'sending'} />
          {phase.kind === 'answering' ? (
            <footer className="respondent-notes">
              <p>{m.anonymityNote}</p>
              <p>{m.autosaveNote}</p>
            </footer>
          ) : null}
        </>
      ) : null}
    </PageFrame>
  );
}

function frameTitle(lang: Lang, phase: Phase): string {
  const m = respondentMessages[lang];
  if (phase.kind === 'problem') return m.problems[phase.problem].title;
  if (phase.kind === 'done') return m.doneTitle;
  return frameMessages[lang].projectName;
}
