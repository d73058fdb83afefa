// Respondent-page text outside the questionnaire itself, in Indonesian and English.

import type { Lang } from '../lang';

/** Why a link cannot show a questionnaire; each has its own explanation page. */
export type LinkProblem = 'unknown-link' | 'closed' | 'token-used' | 'load-failed' | 'send-refused';

interface ProblemText {
  title: string;
  body: string;
}

const id = {
  agencyLine: (name: string) => `Instansi: ${name}`,
  loading: 'Memuat kuesioner…',
  anonymityNote:
    'Jawaban Anda bersifat anonim: tidak ada nama, NIP, e-mail, atau alamat IP yang disimpan bersama jawaban.',
  autosaveNote:
    'Jawaban tersimpan otomatis di perangkat ini; jika halaman tertutup, Anda dapat melanjutkan dari bagian terakhir.',
  sendingTitle: 'Mengirim jawaban…',
  sendingBody: 'Mohon tunggu dan jangan tutup halaman ini.',
  retryingTitle: 'Koneksi bermasalah',
  retryingBody: (attempt: number) =>
    `Jawaban Anda aman tersimpan di perangkat ini dan akan dikirim otomatis begitu koneksi pulih (percobaan ke-${attempt}).`,
  retryNow: 'Coba kirim sekarang',
  tryAgain: 'Coba lagi',
  problemsTitle: 'Beberapa jawaban perlu diperbaiki sebelum dikirim',
  problemsIntro: 'Server menolak jawaban berikut. Perbaiki, lalu tekan Selesai lagi.',
  generalProblem: 'Jawaban secara keseluruhan',
  doneTitle: 'Terima kasih!',
  doneBody: 'Jawaban Anda sudah diterima dan disimpan.',
  doneAnonymity:
    'Jawaban disimpan tanpa nama, NIP, atau alamat IP, dan tidak dapat ditelusuri kembali kepada Anda. Salinan di perangkat ini sudah dihapus.',
  receiptLabel: 'Kode tanda terima',
  receiptHelp: 'Simpan kode ini jika Anda ingin menanyakan jawaban Anda kepada tim survei.',
  doneClose: 'Anda boleh menutup halaman ini.',
  problems: {
    'unknown-link': {
      title: 'Tautan tidak dikenal',
      body: 'Tautan ini tidak mengarah ke survei yang ada. Periksa kembali tautan yang Anda terima dari instansi Anda; mungkin ada huruf yang salah atau terpotong.',
    },
    closed: {
      title: 'Survei sudah ditutup',
      body: 'Periode pengisian survei ini telah berakhir, sehingga jawaban baru tidak dapat diterima. Terima kasih atas kesediaan Anda.',
    },
    'token-used': {
      title: 'Undangan sudah digunakan',
      body: 'Tautan undangan ini sudah dipakai untuk mengirim jawaban. Setiap undangan hanya dapat digunakan satu kali.',
    },
    'load-failed': {
      title: 'Halaman tidak dapat dimuat',
      body: 'Kuesioner tidak dapat diambil dari server. Periksa koneksi internet Anda, lalu coba lagi.',
    },
    'send-refused': {
      title: 'Jawaban tidak dapat dikirim',
      body: 'Server menolak kiriman ini. Jawaban Anda tetap tersimpan di perangkat ini; coba lagi nanti atau hubungi tim survei.',
    },
  } satisfies Record<LinkProblem, ProblemText>,
};

export type RespondentMessages = typeof id;

const en: RespondentMessages = {
  agencyLine: (name: string) => `Agency: ${name}`,
  loading: 'Loading the questionnaire…',
  anonymityNote:
    'Your answers are anonymous: no name, NIP, e-mail or IP address is stored with them.',
  autosaveNote:
    'Answers are saved on this device as you go; if the page closes, you can continue where you stopped.',
  sendingTitle: 'Sending your answers…',
  sendingBody: 'Please wait and keep this page open.',
  retryingTitle: 'Connection problem',
  retryingBody: (attempt: number) =>
    `Your answers are safely kept on this device and will be sent automatically once the connection is back (attempt ${attempt}).`,
  retryNow: 'Try sending now',
  tryAgain: 'Try again',
  problemsTitle: 'Some answers need correcting before they can be sent',
  problemsIntro:
    'The server did not accept the answers below. Correct them, then press Complete again.',
  generalProblem: 'The answers as a whole',
  doneTitle: 'Thank you!',
  doneBody: 'Your answers have been received and stored.',
  doneAnonymity:
    'They are stored without a name, NIP or IP address and cannot be traced back to you. The copy on this device has been deleted.',
  receiptLabel: 'Receipt code',
  receiptHelp: 'Keep this code if you want to ask the survey team about your submission.',
  doneClose: 'You may close this page.',
  problems: {
    'unknown-link': {
      title: 'Unknown link',
      body: 'This link does not lead to an existing survey. Check the link you received from your agency; a character may be wrong or missing.',
    },
    closed: {
      title: 'This survey is closed',
      body: 'The response period for this survey has ended, so new answers cannot be accepted. Thank you for your willingness to take part.',
    },
    'token-used': {
      title: 'Invitation already used',
      body: 'This invitation link has already been used to submit answers. Each invitation can be used only once.',
    },
    'load-failed': {
      title: 'The page could not be loaded',
      body: 'The questionnaire could not be fetched from the server. Check your internet connection, then try again.',
    },
    'send-refused': {
      title: 'Your answers could not be sent',
      body: 'The server refused this submission. Your answers are still kept on this device; try again later or contact the survey team.',
    },
  },
};

export const respondentMessages: Record<Lang, RespondentMessages> = { id, en };
