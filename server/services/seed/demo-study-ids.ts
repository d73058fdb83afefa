// The demo's study ids, apart from the seed itself, so the start-up can print links without loading the seed's modules.

/** The demo study respondents reach by agency link. */
export const demoStudyId = 'netralitas-asn-2021';
/** The demo study that takes one submission per invitation token. */
export const demoTokenStudyId = 'netralitas-asn-token';
/** The demo study whose agency links carry an unguessable per-wave code. */
export const demoLinkCodeStudyId = 'netralitas-asn-kode';
