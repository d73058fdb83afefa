// Tests the respondent's SurveyJS model on the real questionnaire: language, draft restore, server problems.
import { describe, expect, it } from 'vitest';
import { createSurveyModel } from '../../../client/respondent/create-survey-model';
import { applyServerProblems, problemLabel } from '../../../client/respondent/server-problems';
import { netralitasAsn } from '../../../surveys/netralitas-asn';

const json = netralitasAsn.json;
const draftOn = (pageNo: number, answers: Record<string, unknown>) => ({
  responseId: '3b241101-e2bb-4255-8caf-4136c566a962',
  answers,
  pageNo,
  submitting: false,
});

describe('createSurveyModel', () => {
  it('shows the questionnaire and SurveyJS buttons in Indonesian by default', () => {
    const model = createSurveyModel(json, 'id', undefined);
    expect(model.title).toBe('Survei Persepsi Netralitas ASN');
    expect(model.getQuestionByName('A4').title).toBe('Jenis kelamin');
    expect(model.pageNextText).toBe('Selanjutnya');
    expect(model.completeText).toBe('Selesai');
  });

  it('switches questions and buttons to English and back', () => {
    const model = createSurveyModel(json, 'id', undefined);
    model.locale = 'en';
    expect(model.getQuestionByName('A4').title).toBe('Sex');
    expect(model.pageNextText).toBe('Next');
    model.locale = 'id';
    expect(model.getQuestionByName('A4').title).toBe('Jenis kelamin');
  });

  it('resumes a draft on its page with its answers and the branches they open', () => {
    const model = createSurveyModel(json, 'id', draftOn(1, { A7: 'pppk', B1: 'ya' }));
    expect(model.currentPageNo).toBe(1);
    expect(model.currentPage.name).toBe('bagian_b');
    expect(model.getQuestionByName('A8').isVisible).toBe(false);
    expect(model.getQuestionByName('A8b').isVisible).toBe(true);
    expect(model.getQuestionByName('B2').isVisible).toBe(true);
  });

  it('starts at the first page when a draft points past the last one', () => {
    const model = createSurveyModel(json, 'id', draftOn(99, { A4: 'perempuan' }));
    expect(model.currentPageNo).toBe(0);
    expect(model.data).toEqual({ A4: 'perempuan' });
  });

  it('turns progress on and leaves the completion page to the respondent page', () => {
    const model = createSurveyModel(json, 'id', undefined);
    expect(model.showProgressBar).toBe(true);
    expect(model.showCompletePage).toBe(false);
  });
});

describe('server problems', () => {
  it('puts each rejection under its question and opens the first one’s page', () => {
    const model = createSurveyModel(json, 'id', draftOn(8, { A7: 'pns' }));
    applyServerProblems(model, [
      { question: 'B1', problem: 'is required' },
      { question: 'F.F2', problem: 'is not one of the columns' },
    ]);
    expect(model.currentPage.name).toBe('bagian_b');
    expect(model.getQuestionByName('B1').errors.map((e) => e.text)).toEqual(['is required']);
    expect(model.getQuestionByName('F').errors).toHaveLength(1);
  });

  it('labels a problem with the question title, the matrix row, or nothing for the whole set', () => {
    const model = createSurveyModel(json, 'id', undefined);
    expect(problemLabel(model, { question: 'A4', problem: 'x' })).toBe('Jenis kelamin');
    const row = problemLabel(model, { question: 'F.F2', problem: 'x' });
    expect(row).toMatch(/^Seberapa setuju Anda dengan pernyataan berikut\? — \S+/);
    expect(problemLabel(model, { question: '', problem: 'x' })).toBeUndefined();
    expect(problemLabel(model, { question: 'ZZ', problem: 'x' })).toBe('ZZ');
  });
});
