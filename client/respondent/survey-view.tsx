// Renders a SurveyJS model with survey-react-ui and the fontless theme; the only file that imports them.

import { useEffect, useRef } from 'react';
import { SurveyProgressModel, type SurveyModel } from 'survey-core';
import { ReactElementFactory, Survey, SurveyProgress } from 'survey-react-ui';
import 'survey-core/survey-core.fontless.css';
import './survey-overrides.css';

/**
 * SurveyJS's progress bar has role="progressbar" but no value; this one also gives
 * `aria-valuenow` (percent) and the visible caption as `aria-valuetext`, so a screen reader
 * says "12 dari 57 pertanyaan terjawab" rather than nothing.
 */
class AccessibleProgress extends SurveyProgress {
  override render() {
    return (
      <div className={this.model.getProgressCssClasses(this.props.container)}>
        <div
          style={{ width: `${this.progress}%` }}
          className={this.model.css.progressBar}
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(this.progress)}
          aria-valuetext={this.progressText}
          aria-label={this.progressBarAriaLabel}
        >
          <span className={SurveyProgressModel.getProgressTextInBarCss(this.model.css)}>
            {this.progressText}
          </span>
        </div>
        <span
          className={SurveyProgressModel.getProgressTextUnderBarCss(this.model.css)}
          aria-hidden="true"
        >
          {this.progressText}
        </span>
      </div>
    );
  }
}
for (const type of ['pages', 'questions']) {
  ReactElementFactory.Instance.registerElement(`sv-progress-${type}`, (props) => (
    <AccessibleProgress {...(props as ConstructorParameters<typeof SurveyProgress>[0])} />
  ));
}

export interface SurveyViewProps {
  model: SurveyModel;
  /** Kept mounted but out of sight while answers are sent, so returning to it loses nothing. */
  hidden?: boolean;
}

export function SurveyView({ model, hidden = false }: SurveyViewProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    labelOtherFields(element);
    const observer = new MutationObserver(() => labelOtherFields(element));
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div className="survey-view" hidden={hidden} ref={root}>
      <Survey model={model} />
    </div>
  );
}

/**
 * SurveyJS leaves the text field of an "other (please specify)" answer without a label when
 * its question has a title; name it after the question and the option, e.g. "Dari mana Anda
 * memperoleh informasi…: Lainnya (jelaskan)", as the option's label reads on screen.
 */
function labelOtherFields(root: HTMLElement): void {
  for (const field of root.querySelectorAll<HTMLTextAreaElement>(
    '.sd-question textarea:not([aria-label]):not([aria-labelledby])',
  )) {
    const question = field.closest('.sd-question');
    const title = question
      ?.querySelector('.sd-question__title')
      ?.textContent?.replace(/\s*\*$/, '');
    const other = question?.querySelector('input[value="other"]')?.closest('label')?.textContent;
    const name = [title, other].filter(Boolean).join(': ');
    if (name) field.setAttribute('aria-label', name);
  }
}
