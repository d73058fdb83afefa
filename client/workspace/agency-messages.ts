// Interface text of the agency dashboard (/agency), in Indonesian and English.

import type { Lang } from '../lang';
import type { SuppressionReason } from '../../server/services/results/results-types';

/** What the grade letters of PermenPANRB 14/2017 mean (A is best). */
type GradeWords = Record<'A' | 'B' | 'C' | 'D', string>;

const id = {
  title: 'Dasbor instansi',
  intro:
    'Hasil tertimbang survei untuk instansi Anda, di samping angka nasional dan kelompok sejawat. Setiap sel sudah melalui pengendalian pengungkapan: sel yang terlalu kecil disembunyikan.',
  notReleased:
    'Belum ada hasil yang dirilis. Hasil satu gelombang ditampilkan setelah gelombang itu ditutup, agar jawaban seorang responden tidak dapat diketahui dari perubahan angka di antara dua kunjungan.',
  loading: 'Memuat hasil… (perhitungan pertama dapat memakan waktu hingga satu menit)',
  synthetic: 'Data sintetis (demo)',
  wave: (name: string, opensOn: string) => `${name} (dibuka ${opensOn})`,
  agencyFacts: 'Profil instansi',
  type: 'Jenis instansi',
  province: 'Provinsi',
  islandRegion: 'Wilayah kepulauan',
  respondents: 'Responden',
  agencyTypes: {
    provinsi: 'Pemerintah provinsi',
    kabupaten: 'Pemerintah kabupaten',
    kota: 'Pemerintah kota',
  } as Record<string, string>,
  respondentsCount: (n: string) => `${n} responden`,
  peerGroup: 'Kelompok sejawat',
  peerGroupText: (type: string, region: string, others: number | null) =>
    others === null
      ? `${type} di ${region} (kelompok terlalu kecil untuk ditampilkan)`
      : `${type} di ${region}: ${others} instansi lain dengan responden`,
  belowKTitle: 'Hasil belum dapat ditampilkan',
  belowK: (n: string, k: number) =>
    `Instansi Anda baru memiliki ${n} responden. Hasil sebuah instansi hanya ditampilkan bila ada sedikitnya k = ${k} responden, agar jawaban perorangan tidak dapat dikenali. Hanya jumlah respons yang ditampilkan.`,
  indexTitle: 'Indeks persepsi netralitas',
  grade: 'Mutu',
  grades: { A: 'Sangat baik', B: 'Baik', C: 'Kurang baik', D: 'Tidak baik' } as GradeWords,
  indexOf: (who: string) => `Indeks ${who}`,
  indexBase: (n: string) => `n = ${n}`,
  countsTitle: 'Responden instansi',
  countsTotal: 'Jumlah responden',
  comparisonTitle: 'Hasil per pertanyaan',
  question: 'Pertanyaan',
  option: 'Pilihan',
  agency: 'Instansi',
  national: 'Nasional',
  peer: 'Kelompok sejawat',
  peerShort: 'Sejawat',
  difference: 'Beda dengan nasional',
  higher: 'lebih tinggi',
  lower: 'lebih rendah',
  significant: (direction: string, points: string, p: string) =>
    `${direction}, beda nyata (${points} poin persen, p = ${p})`,
  notSignificant: '–',
  chartAlt: (question: string, options: number) =>
    `Diagram titik persentase tertimbang dengan interval kepercayaan 95% untuk "${question}": instansi, nasional dan kelompok sejawat untuk ${options} pilihan. Angkanya ada di tabel berikut.`,
  legendAgency: 'Instansi (lingkaran)',
  legendNational: 'Nasional (bujur sangkar)',
  legendPeer: 'Kelompok sejawat (belah ketupat)',
  legendSignificant: '▲▼ beda nyata dengan nasional',
  significantTitle: 'Beda nyata dengan angka nasional',
  significantNone: 'Tidak ada pilihan yang berbeda nyata dari angka nasional.',
  significantCount: (n: number) => `${n} pilihan berbeda nyata dari angka nasional:`,
  breakdownsTitle: 'Rincian responden instansi',
  breakdownsIntro:
    'Hasil pertanyaan yang dipilih di atas menurut jenis kelamin, pendidikan dan jenis jabatan responden instansi Anda, dibaca terhadap angka nasional kelompok yang sama.',
  breakdownBy: (label: string) => `Menurut ${label.toLocaleLowerCase('id')}`,
  category: 'Kelompok',
  noBreakdowns: 'Tidak ada rincian untuk pertanyaan ini.',
  suppressed: 'disembunyikan',
  reasons: {
    'below-minimum': (k: number) => `di bawah k: dasar kurang dari ${k} responden`,
    complementary: () => 'komplementer: agar sel lain yang disembunyikan tidak dapat dihitung',
    'peer-group-too-small': () => 'kelompok sejawat terlalu kecil',
    'agency-below-minimum': (k: number) => `instansi di bawah k = ${k} responden`,
  } as Record<SuppressionReason, (k: number) => string>,
  lowReliability: 'reliabilitas rendah',
  atLeast: '≥',
  atMost: '≤',
  ci: 'IK 95%',
  downloadCsv: 'Unduh CSV (isi yang sama dengan halaman ini)',
  print: 'Cetak ringkasan',
  footnotesTitle: 'Catatan kaki',
  technicalNotes: 'Catatan teknis lengkap (desain, interval) ada di dasbor dan di berkas CSV.',
  moreDifferences: (n: number) => `… dan ${n} lainnya: lihat dasbor atau berkas CSV.`,
  disclosureRule: (k: number, sensitiveK: number, sensitive: string, peers: number) =>
    `Pengendalian pengungkapan: sel dengan dasar kurang dari k = ${k} responden disembunyikan (k = ${sensitiveK} untuk butir sensitif ${sensitive}); sel lain ikut disembunyikan bila sel tersembunyi dapat dihitung dari selisihnya (komplementer). Angka kelompok sejawat ditampilkan hanya bila ada sedikitnya ${peers} instansi lain dengan responden. Angka 0% atau 100% dari butir sensitif dengan dasar di bawah 50 ditampilkan sebagai batas (≥ / ≤).`,
  intervalsNote:
    'Garis mendatar pada diagram adalah interval kepercayaan 95%; titik berongga menandai reliabilitas rendah.',
};

export type AgencyMessages = typeof id;

const en: AgencyMessages = {
  title: 'Agency dashboard',
  intro:
    "The survey's weighted results for your agency, beside the national figure and your peer group. Every cell has been through disclosure control: cells that are too small are suppressed.",
  notReleased:
    "No results are released yet. A wave's results are shown once it closes, so that no respondent's answers can be read from how the figures change between two visits.",
  loading: 'Loading results… (the first computation can take up to a minute)',
  synthetic: 'Synthetic data (demo)',
  wave: (name: string, opensOn: string) => `${name} (opened ${opensOn})`,
  agencyFacts: 'Agency profile',
  type: 'Agency type',
  province: 'Province',
  islandRegion: 'Island region',
  respondents: 'Respondents',
  agencyTypes: {
    provinsi: 'Provincial government',
    kabupaten: 'Regency government',
    kota: 'City government',
  },
  respondentsCount: (n: string) => `${n} respondents`,
  peerGroup: 'Peer group',
  peerGroupText: (type: string, region: string, others: number | null) =>
    others === null
      ? `${type} in ${region} (group too small to show)`
      : `${type} in ${region}: ${others} other agencies with respondents`,
  belowKTitle: 'Results cannot be shown yet',
  belowK: (n: string, k: number) =>
    `Your agency has ${n} respondents so far. An agency's results are shown only from k = ${k} respondents, so that no individual's answers can be recognised. Only the response count is shown.`,
  indexTitle: 'Neutrality perception index',
  grade: 'Grade',
  grades: { A: 'Very good', B: 'Good', C: 'Poor', D: 'Very poor' },
  indexOf: (who: string) => `${who} index`,
  indexBase: (n: string) => `n = ${n}`,
  countsTitle: "The agency's respondents",
  countsTotal: 'Respondents',
  comparisonTitle: 'Results by question',
  question: 'Question',
  option: 'Option',
  agency: 'Agency',
  national: 'National',
  peer: 'Peer group',
  peerShort: 'Peers',
  difference: 'Difference from national',
  higher: 'higher',
  lower: 'lower',
  significant: (direction: string, points: string, p: string) =>
    `${direction}, significant (${points} percentage points, p = ${p})`,
  notSignificant: '–',
  chartAlt: (question: string, options: number) =>
    `Dot chart of weighted percentages with 95% confidence intervals for "${question}": agency, national and peer group for ${options} options. The figures are in the table that follows.`,
  legendAgency: 'Agency (circle)',
  legendNational: 'National (square)',
  legendPeer: 'Peer group (diamond)',
  legendSignificant: '▲▼ significantly different from national',
  significantTitle: 'Significant differences from the national figure',
  significantNone: 'No option differs significantly from the national figure.',
  significantCount: (n: number) => `${n} options differ significantly from the national figure:`,
  breakdownsTitle: "Breakdowns of the agency's respondents",
  breakdownsIntro:
    "The question chosen above by your agency's respondents' sex, education and position type, read against the national figure of the same group.",
  breakdownBy: (label: string) => `By ${label.toLocaleLowerCase('en')}`,
  category: 'Group',
  noBreakdowns: 'No breakdowns for this question.',
  suppressed: 'suppressed',
  reasons: {
    'below-minimum': (k: number) => `below k: base under ${k} respondents`,
    complementary: () => 'complementary: so that another suppressed cell cannot be worked out',
    'peer-group-too-small': () => 'peer group too small',
    'agency-below-minimum': (k: number) => `agency below k = ${k} respondents`,
  },
  lowReliability: 'low reliability',
  atLeast: '≥',
  atMost: '≤',
  ci: '95% CI',
  downloadCsv: 'Download CSV (the same content as this page)',
  print: 'Print summary',
  footnotesTitle: 'Footnotes',
  technicalNotes:
    'The full technical notes (design, intervals) are on the dashboard and in the CSV file.',
  moreDifferences: (n: number) => `… and ${n} more: see the dashboard or the CSV file.`,
  disclosureRule: (k: number, sensitiveK: number, sensitive: string, peers: number) =>
    `Disclosure control: cells with a base under k = ${k} respondents are suppressed (k = ${sensitiveK} for the sensitive items ${sensitive}); other cells are suppressed too where a suppressed cell could be worked out by subtraction (complementary). Peer-group figures are shown only with at least ${peers} other agencies with respondents. A 0% or 100% of a sensitive item on a base under 50 is shown as a bound (≥ / ≤).`,
  intervalsNote:
    'The horizontal lines in the charts are 95% confidence intervals; hollow points mark low reliability.',
};

export const agencyMessages: Record<Lang, AgencyMessages> = { id, en };
