import { Model } from 'survey-core';
const cases: Record<string, unknown>[] = [
  {}, { rateMin: 6, rateMax: 10 }, { rateMax: 10, rateMin: 6 }, { rateCount: 10 }, { rateMin: 0, rateCount: 11 },
  { rateMax: 7, rateCount: 3 }, { rateMin: 1, rateMax: 10, rateCount: 4 }, { rateType: 'smileys', rateMax: 12 },
  { rateMin: 5, rateMax: 3 }, { rateStep: 0.5, rateMax: 3 }, { rateStep: 0 }, { rateMax: 30 }, { rateCount: 1 },
  { rateValues: [1, 2, 3], rateCount: 2 }, { rateType: 'smileys', rateValues: [1,2,3,4,5,6,7,8,9,10,11,12] },
  { rateValues: [1,2,3], autoGenerate: true }, { autoGenerate: false }, { rateStep: 3, rateMax: 10 }, { rateStep: 7 }, { rateType: 'stars', rateMax: 12},
  { rateCount: 3, rateStep: 2 }, { rateMin: 0.1, rateStep: 0.1, rateMax: 0.5 }, { rateValues: [] }, { rateMin: -3, rateMax: 3 },
];
for (const c of cases) {
  const m = new Model({ elements: [{ type: 'rating', name: 'r', ...c }] });
  const q: any = m.getQuestionByName('r');
  console.log(JSON.stringify(c), '=>', JSON.stringify(q.visibleChoices.map((v: any) => v.value)));
}
