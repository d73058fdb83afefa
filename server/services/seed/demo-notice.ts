// The respondent notice of the demo studies: an example of what a study team states before the first question.
import type { StudyNotice } from '../../storage/repositories/study-notices.ts';

/**
 * Modelled on what the KASN 2021 survey told respondents, with the legal basis of Indonesia's
 * personal data protection law (UU No. 27 Tahun 2022, in force since 17 October 2022; research
 * and statistics are a legitimate purpose, and data must be kept no longer than needed). The
 * organizer and contact are placeholders: a real study team replaces them.
 *
 * @example
 * await setStudyNotice(trx, demoStudyId, demoNotice);
 */
export const demoNotice: StudyNotice = {
  organizer: {
    id: 'Tim survei Netralitas ASN (contoh penyelenggara untuk demo)',
    en: 'The ASN Neutrality survey team (an example organizer for the demo)',
  },
  purpose: {
    id: 'Mengukur pemahaman dan pengalaman ASN tentang netralitas dalam pemilihan umum dan pilkada, untuk memperbaiki pembinaan dan pengawasan netralitas di instansi pemerintah.',
    en: 'To measure how civil servants understand and experience neutrality in general and regional elections, so that guidance and oversight of neutrality in government agencies can be improved.',
  },
  contact: {
    name: { id: 'Sekretariat tim survei', en: 'Survey team secretariat' },
    email: 'survei-netralitas@example.go.id',
    phone: '+62 21 000 0000',
  },
  legalBasis: {
    id: 'Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Jawaban diolah untuk tujuan penelitian dan statistik dengan persetujuan Anda; Anda dapat berhenti kapan saja sebelum mengirim.',
    en: 'Law No. 27 of 2022 on Personal Data Protection. Answers are processed for research and statistics with your consent; you may stop at any time before sending.',
  },
  retention: {
    id: 'Jawaban disimpan paling lama 5 tahun setelah survei ditutup untuk analisis dan perbandingan antargelombang, lalu dihapus.',
    en: 'Answers are kept for at most 5 years after the survey closes, for analysis and comparison between waves, then deleted.',
  },
  estimatedMinutes: 15,
  minimumGroupSize: 10,
};
