// Interface text of the public dashboard at /, in Indonesian and English.

import type { Lang } from '../lang';

type Reason = 'below-minimum' | 'complementary' | 'peer-group-too-small' | 'agency-below-minimum';

const id = {
  title: 'Dasbor Nasional Netralitas ASN',
  intro:
    'Persepsi Aparatur Sipil Negara tentang netralitas politik: angka nasional dengan selang kepercayaan 95%, dibandingkan dengan angka KASN 2021 yang dipublikasikan, rincian per wilayah dan jenis jabatan, peringkat provinsi, dan pelanggaran yang tercatat.',
  loading: 'Memuat…',
  failed: 'Data dasbor tidak dapat dimuat. Periksa koneksi Anda, lalu muat ulang halaman.',
  noStudy: 'Belum ada survei publik dengan jawaban untuk ditampilkan.',
  study: 'Survei',
  synthetic: 'Data sintetis',
  syntheticNote:
    'Jawaban survei ini dibuat-buat untuk demonstrasi (disusun dari angka KASN 2021 yang dipublikasikan); bukan hasil survei nyata.',
  waveLine: (wave: string, respondents: string) => `${wave} · ${respondents} responden`,
  headlineTitle: 'Indikator utama',
  headlineIntro:
    'Titik: estimasi tertimbang dengan selang kepercayaan 95% (garis). Belah ketupat: angka KASN 2021 yang dipublikasikan.',
  indicator: 'Indikator',
  estimate: 'Estimasi',
  interval: 'Selang 95%',
  published: 'KASN 2021',
  source: 'Sumber',
  noInterval: 'tanpa selang (jumlah dua pilihan)',
  lowReliability: 'keandalan rendah',
  legendEstimate: 'Estimasi survei ini',
  legendPublished: 'Angka KASN 2021',
  breakdownTitle: 'Rincian per wilayah dan jenis jabatan',
  breakdownIndicator: 'Indikator yang dirinci',
  byIslandRegion: 'Per wilayah kepulauan',
  byPositionType: 'Per jenis jabatan',
  rankingTitle: 'Peringkat',
  rankingIndicator: 'Indikator peringkat',
  rankingBy: 'Urutkan',
  byProvince: 'Provinsi',
  byType: 'Jenis instansi',
  rank: 'Peringkat',
  tieGroup: 'Kelompok seri',
  groupLabel: (n: number) => `Kelompok ${n}`,
  tieNote:
    'Pita abu-abu mengelompokkan baris yang selangnya bertumpang tindih: peringkat di dalam satu kelompok tidak dapat dibedakan.',
  hidden: 'Disembunyikan',
  reasons: {
    'below-minimum': 'basis terlalu kecil',
    complementary: 'mencegah perhitungan balik sel tersembunyi',
    'peer-group-too-small': 'kelompok pembanding terlalu kecil',
    'agency-below-minimum': 'responden instansi terlalu sedikit',
  } satisfies Record<Reason, string>,
  disclosure: (k: number, sensitiveK: number) =>
    `Sel dengan basis di bawah ${k} responden (${sensitiveK} untuk butir sensitif) tidak ditampilkan, begitu pula sel yang dapat dipakai untuk menghitungnya kembali.`,
  violationsTitle: 'Pelanggaran tercatat dan persepsi',
  violationsIntro: (label: string) =>
    `Jumlah kasus pelanggaran netralitas yang tercatat per daerah, per 1.000 ASN bila jumlah ASN diketahui, di samping persepsi provinsinya (${label}).`,
  violationsNone: 'Belum ada pelanggaran tercatat.',
  region: 'Daerah',
  cases: 'Kasus',
  perThousand: 'per 1.000 ASN',
  perception: 'Persepsi provinsi',
  noPerception: 'tidak ada',
  illustrative: 'ilustratif',
  illustrativeNote:
    'Baris bertanda “ilustratif” berisi angka contoh demo, bukan data nyata; baris lain mengutip sumbernya.',
  year: 'Tahun pilkada',
  chartAltHeadline: (n: number) =>
    `Grafik ${n} indikator utama: estimasi dengan selang 95% dan angka KASN 2021. Angkanya ada di tabel berikut.`,
  chartAltBreakdown: (label: string, by: string) =>
    `Grafik ${label} ${by.toLowerCase()} dengan selang 95%. Angkanya ada di tabel berikut.`,
  chartAltRanking: (label: string, n: number) =>
    `Grafik peringkat ${n} baris untuk ${label}, dengan selang 95% dan kelompok seri. Angkanya ada di tabel berikut.`,
  openStudiesTitle: 'Ikut mengisi survei?',
  openStudies: 'Survei yang sedang dibuka',
  noOpenStudies: 'Saat ini tidak ada survei yang dibuka.',
  useAgencyLink: 'Untuk mengisi survei, gunakan tautan yang Anda terima dari instansi Anda.',
  openStudiesFailed: 'Daftar survei tidak dapat dimuat.',
  anonymity: 'Jawaban disimpan tanpa nama, NIP, atau alamat IP.',
  footnotes: 'Catatan',
  scrollTable: (caption: string) => `Tabel: ${caption}`,
};

export type DashboardMessages = typeof id;

const en: DashboardMessages = {
  title: 'National ASN Neutrality Dashboard',
  intro:
    "Civil servants' perceptions of political neutrality: national figures with 95% confidence intervals beside KASN's published 2021 figures, breakdowns by region and position type, a ranking of provinces, and recorded violations.",
  loading: 'Loading…',
  failed: 'The dashboard could not be loaded. Check your connection and reload the page.',
  noStudy: 'No public survey has responses to show yet.',
  study: 'Survey',
  synthetic: 'Synthetic data',
  syntheticNote:
    "This survey's responses are made up for demonstration (drawn from KASN's published 2021 figures); they are not real survey results.",
  waveLine: (wave: string, respondents: string) => `${wave} · ${respondents} respondents`,
  headlineTitle: 'Headline indicators',
  headlineIntro:
    "Dot: weighted estimate with its 95% confidence interval (line). Diamond: KASN's published 2021 figure.",
  indicator: 'Indicator',
  estimate: 'Estimate',
  interval: '95% interval',
  published: 'KASN 2021',
  source: 'Source',
  noInterval: 'no interval (sum of two options)',
  lowReliability: 'low reliability',
  legendEstimate: 'This survey’s estimate',
  legendPublished: 'KASN 2021 figure',
  breakdownTitle: 'By region and position type',
  breakdownIndicator: 'Indicator to break down',
  byIslandRegion: 'By island region',
  byPositionType: 'By position type',
  rankingTitle: 'Ranking',
  rankingIndicator: 'Ranking indicator',
  rankingBy: 'Rank',
  byProvince: 'Provinces',
  byType: 'Agency types',
  rank: 'Rank',
  tieGroup: 'Tie group',
  groupLabel: (n: number) => `Group ${n}`,
  tieNote:
    'Grey bands group rows whose intervals overlap: ranks within a group cannot be told apart.',
  hidden: 'Hidden',
  reasons: {
    'below-minimum': 'base too small',
    complementary: 'prevents recovering a hidden cell',
    'peer-group-too-small': 'comparison group too small',
    'agency-below-minimum': 'too few respondents in the agency',
  },
  disclosure: (k: number, sensitiveK: number) =>
    `Cells with a base under ${k} respondents (${sensitiveK} for sensitive items) are not shown, nor are cells that would let them be worked out.`,
  violationsTitle: 'Recorded violations and perceptions',
  violationsIntro: (label: string) =>
    `Recorded neutrality-violation cases by region, per 1,000 civil servants where their number is known, beside the province's perception figure (${label}).`,
  violationsNone: 'No violations recorded yet.',
  region: 'Region',
  cases: 'Cases',
  perThousand: 'per 1,000 civil servants',
  perception: 'Province perception',
  noPerception: 'none',
  illustrative: 'illustrative',
  illustrativeNote:
    'Rows marked “illustrative” hold made-up demo counts, not real data; the others cite their source.',
  year: 'Election year',
  chartAltHeadline: (n: number) =>
    `Chart of ${n} headline indicators: estimates with 95% intervals and KASN's 2021 figures. The figures are in the table that follows.`,
  chartAltBreakdown: (label: string, by: string) =>
    `Chart of ${label}, ${by.toLowerCase()}, with 95% intervals. The figures are in the table that follows.`,
  chartAltRanking: (label: string, n: number) =>
    `Ranking chart of ${n} rows for ${label}, with 95% intervals and tie groups. The figures are in the table that follows.`,
  openStudiesTitle: 'Taking part in a survey?',
  openStudies: 'Open surveys',
  noOpenStudies: 'No survey is open at the moment.',
  useAgencyLink: 'To take part, use the link you received from your agency.',
  openStudiesFailed: 'The list of surveys could not be loaded.',
  anonymity: 'Answers are stored without a name, NIP or IP address.',
  footnotes: 'Notes',
  scrollTable: (caption: string) => `Table: ${caption}`,
};

export const dashboardMessages: Record<Lang, DashboardMessages> = { id, en };
