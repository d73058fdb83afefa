import { Model } from 'survey-core';
const m = new Model({ elements: [
  { type: 'checkbox', name: 'S', choices: ['a', 'b', { value: 'x', isExclusive: true }], showOtherItem: true, showNoneItem: true },
  { type: 'radiogroup', name: 'T', choicesFromQuestion: 'S', choicesFromQuestionMode: 'selected', hideIfChoicesEmpty: true, isRequired: true },
  { type: 'checkbox', name: 'U', choicesFromQuestion: 'S', choicesFromQuestionMode: 'unselected', minSelectedChoices: 2 },
  { type: 'checkbox', name: 'V', choicesFromQuestion: 'S' },
  { type: 'matrix', name: 'M', rows: ['a', 'b', 'c'], columns: [1, 2], rowsVisibleIf: '{S} contains {item}', hideIfRowsEmpty: true },
]});
const show = (label: string) => {
  const q = (n: string) => m.getQuestionByName(n) as any;
  console.log(label, JSON.stringify(m.data), 'T', q('T').isVisible, q('T').visibleChoices.map((c: any) => c.value),
    'U', q('U').visibleChoices.map((c: any) => c.value + (c.isExclusive ? '!' : '')),
    'V', q('V').visibleChoices.map((c: any) => c.value + (c.isExclusive ? '!' : '')),
    'M', q('M').isVisible, q('M').visibleRows.map((r: any) => r.name));
};
show('empty');
m.setValue('S', ['a', 'other']); m.setComment('S', 'apa');
show('a+other');
m.setValue('T', 'other'); m.setValue('M', { a: 1, b: 2 }); show('T=other, M a b');
m.setValue('S', ['b']); show('S=b');
m.setValue('S', ['x']); show('S=x');
m.setValue('T', 'x'); m.setValue('U', ['a']); console.log('U errors', m.getQuestionByName('U').validate(), m.getQuestionByName('T').validate());
m.setValue('S', ['a','b']); m.setValue('V', ['x']); m.setValue('M', {a:1, b:2, c:1}); console.log(JSON.stringify(m.data), m.validate());
m.doComplete(); console.log(JSON.stringify(m.data));
