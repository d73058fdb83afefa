// Interface text shared by every page (the frame, the landing page), in Indonesian and English.

import type { Lang } from './lang';

const id = {
  projectName: 'Survei Netralitas ASN',
  languageGroup: 'Bahasa',
  languageNames: { id: 'Bahasa Indonesia', en: 'English' },
  landingIntro:
    'Survei persepsi netralitas Aparatur Sipil Negara. Jawaban disimpan tanpa nama, NIP, atau alamat IP.',
  openStudies: 'Survei yang sedang dibuka',
  noOpenStudies: 'Saat ini tidak ada survei yang dibuka.',
  useAgencyLink: 'Untuk mengisi survei, gunakan tautan yang Anda terima dari instansi Anda.',
  loading: 'Memuat…',
  loadFailed: 'Daftar survei tidak dapat dimuat. Periksa koneksi Anda, lalu muat ulang halaman.',
};

export type FrameMessages = typeof id;

const en: FrameMessages = {
  projectName: 'ASN Neutrality Survey',
  languageGroup: 'Language',
  languageNames: { id: 'Bahasa Indonesia', en: 'English' },
  landingIntro:
    'A perception survey on the political neutrality of Indonesian civil servants. Answers are stored without a name, NIP or IP address.',
  openStudies: 'Open surveys',
  noOpenStudies: 'No survey is open at the moment.',
  useAgencyLink: 'To take part, use the link you received from your agency.',
  loading: 'Loading…',
  loadFailed: 'The list of surveys could not be loaded. Check your connection and reload the page.',
};

export const frameMessages: Record<Lang, FrameMessages> = { id, en };
