import { netralitasAsnV2 } from '../surveys/netralitas-asn-v2.ts';
import { netralitasAsn } from '../surveys/netralitas-asn.ts';
import { compileQuestionnaire } from '../server/services/validation/compile-questionnaire.ts';
import { demoAnswerGenerator } from '../server/services/seed/demo-answers.ts';
import { buildCodebook } from '../surveys/codebook.ts';
import { canonicalJson } from '../server/services/questionnaires/canonical-json.ts';
import { createHash } from 'node:crypto';
const c = compileQuestionnaire(netralitasAsnV2.json);
compileQuestionnaire(netralitasAsn.json);
const next = demoAnswerGenerator(netralitasAsnV2.json, c, 'x');
for (let i = 0; i < 5; i++) { const a = next(); console.log(JSON.stringify({ D2: a.D2, D3: a.D3, E1: a.E1, E2: a.E2 })); }
console.log(buildCodebook(netralitasAsnV2).filter(r => r.question === 'E2' || r.question === 'D3').map(r => r.variable + ':' + r.options.map(o => o.value).join(',')));
console.log(createHash('sha256').update(canonicalJson(netralitasAsn)).digest('hex'));
