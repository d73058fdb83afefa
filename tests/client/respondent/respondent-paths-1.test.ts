// Model-based path test, shard 1 of 2: survey-core driven as a respondent would, on every published questionnaire.

import { describePathShard } from './respondent-paths';

describePathShard(0, 2);
