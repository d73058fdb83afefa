// Published KASN 2021 figures that items of netralitas-asn replicate, for "vs nasional 2021" comparisons.

import type { ReferenceFigure } from './types.ts';
import { text } from './localized-text.ts';

const detik = {
  publisher: 'detik.com',
  title: 'Survei KASN: 51,16% Responden Setuju Hak Pilih ASN Dicabut di Pilkada',
  url: 'https://news.detik.com/berita/d-5857678/survei-kasn-5116-responden-setuju-hak-pilih-asn-dicabut-di-pilkada',
  published: '2021-12-16',
};

const netizenku = {
  publisher: 'netizenku.com',
  title: 'KASN Rilis Hasil Survei Netralitas Birokrasi di Pilkada Serentak 2020',
  url: 'https://netizenku.com/kasn-rilis-hasil-survei-netralitas-birokrasi-di-pilkada-serentak-2020',
  published: '2021-12-16',
};

const tribunnews = {
  publisher: 'tribunnews.com',
  title: 'KASN Terima 2.007 Laporan, Hasilnya 1.365 ASN Dijatuhi Hukuman Disiplin',
  url: 'https://m.tribunnews.com/nasional/2021/12/17/kasn-terima-2007-laporan-hasilnya-1365-asn-dijatuhi-hukuman-disiplin?page=2',
  published: '2021-12-17',
};

// The Bengkulu Tengah Bawaslu write-up of the release webinar has no retrievable address; the
// figures tagged B come from it alone, so their url stays empty rather than pointing elsewhere.
const bawasluBengkuluTengah = {
  publisher: 'Bawaslu Kabupaten Bengkulu Tengah',
  title: 'Laporan webinar rilis Survei Nasional Netralitas ASN KASN, 16 Desember 2021',
  url: '',
  published: '2021-12-16',
};

const influence = (option: string, percent: number, id: string, en: string): ReferenceFigure => ({
  variable: 'D1',
  options: [option],
  percent,
  label: text(id, en),
  source: netizenku,
  confidence: 'V',
});

const cause = (option: string, percent: number, id: string, en: string): ReferenceFigure => ({
  variable: 'E1',
  options: [option],
  percent,
  label: text(id, en),
  source: tribunnews,
  confidence: 'V',
});

/**
 * KASN's Survei Nasional Netralitas ASN (Pilkada 2020, fieldwork July 2021, n = 10,617). Agree
 * shares of Likert items are the top-2 box (values 3 and 4). The PPK item (E3) was published only
 * by region, so it has no national figure here.
 */
export const netralitasAsnReferenceFigures: ReferenceFigure[] = [
  {
    variable: 'B1',
    options: ['ya'],
    percent: 96.49,
    label: text('Pernah menerima sosialisasi netralitas', 'Had been briefed on neutrality'),
    source: detik,
    confidence: 'V',
  },
  {
    variable: 'C20',
    options: ['3', '4'],
    percent: 93.35,
    label: text(
      'Pemahaman baik setelah sosialisasi (KASN mengukurnya dengan cara yang tidak dipublikasikan)',
      'Good understanding after briefing (KASN did not publish how it measured this)',
    ),
    source: bawasluBengkuluTengah,
    confidence: 'B',
  },
  influence(
    'tim_sukses',
    31.96,
    'Paling memengaruhi: tim sukses',
    'Most influential: campaign teams',
  ),
  influence('atasan', 27.99, 'Paling memengaruhi: atasan ASN', 'Most influential: superiors'),
  influence(
    'pasangan_calon',
    24.17,
    'Paling memengaruhi: pasangan calon',
    'Most influential: candidates',
  ),
  influence(
    'parpol_pengusung',
    4.74,
    'Paling memengaruhi: partai pengusung',
    'Most influential: backing parties',
  ),
  influence('other', 11.14, 'Paling memengaruhi: lainnya', 'Most influential: others'),
  cause('ikatan_persaudaraan', 50.76, 'Penyebab: ikatan persaudaraan', 'Cause: kinship'),
  cause('kepentingan_karier', 49.72, 'Penyebab: kepentingan karier', 'Cause: career interest'),
  cause(
    'kesamaan_latar_belakang',
    16.84,
    'Penyebab: kesamaan latar belakang',
    'Cause: shared background',
  ),
  cause('utang_budi', 9.5, 'Penyebab: utang budi', 'Cause: debt of gratitude'),
  cause(
    'tekanan_paslon',
    7.48,
    'Penyebab: tekanan pasangan calon',
    'Cause: pressure from candidates',
  ),
  {
    variable: 'F.F1',
    options: ['3', '4'],
    percent: 78.73,
    label: text('Sanksi belum menimbulkan efek jera', 'Sanctions have not deterred'),
    // detik.com reports the same finding rounded to 78%; the two decimals are from the Bawaslu report.
    source: bawasluBengkuluTengah,
    confidence: 'B',
  },
  {
    variable: 'F.F2',
    options: ['3', '4'],
    percent: 85.36,
    label: text(
      'Penindakan pasangan calon yang memobilisasi ASN belum tegas',
      'Action against candidates who mobilise civil servants is not firm',
    ),
    source: bawasluBengkuluTengah,
    confidence: 'B',
  },
  {
    variable: 'G1',
    options: ['setuju'],
    percent: 51.16,
    label: text(
      'Setuju hak pilih ASN di pilkada dicabut',
      'Agree to remove the vote in regional elections',
    ),
    source: detik,
    confidence: 'V',
  },
];
