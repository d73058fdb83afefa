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
  noticeTitle: 'Sebelum Anda mulai',
  noticeOrganizer: 'Penyelenggara',
  noticePurpose: 'Tujuan survei',
  noticeTime: (minutes: number) => `Perkiraan waktu pengisian: sekitar ${minutes} menit.`,
  noticeProtectionTitle: 'Bagaimana jawaban Anda dilindungi',
  noticeRecorded:
    'Yang disimpan: jawaban Anda, instansi yang tercantum di tautan, dan tanggal pengiriman (tanpa jam).',
  noticeNotRecorded:
    'Yang tidak disimpan: nama, NIP, e-mail, alamat IP, serta jenis perangkat atau browser Anda.',
  noticeTokenUnlinked:
    'Undangan Anda hanya ditandai sudah dipakai; tanda itu tidak dihubungkan dengan jawaban Anda.',
  noticeAggregates: (k: number) =>
    `Instansi hanya melihat ringkasan gabungan dari sedikitnya ${k} responden; kelompok yang lebih kecil tidak ditampilkan.`,
  noticeAggregatesNoK:
    'Instansi hanya melihat ringkasan gabungan; kelompok yang terlalu kecil tidak ditampilkan.',
  noticeDevice:
    'Sampai Anda mengirimnya, jawaban hanya tersimpan di perangkat ini, dan draf yang tidak dilanjutkan dihapus setelah 3 hari.',
  noticeLegalBasis: 'Dasar hukum',
  noticeRetention: 'Lama penyimpanan',
  noticeContact: 'Kontak tim survei',
  noticeConsent:
    'Keikutsertaan bersifat sukarela. Anda dapat berhenti kapan saja sebelum mengirim; jawaban baru terkirim ke server setelah Anda menekan Selesai pada halaman pemeriksaan.',
  noticeStart: 'Saya setuju, mulai mengisi',
  resumeTitle: 'Ada jawaban yang belum selesai di perangkat ini',
  resumeBody:
    'Seseorang mulai mengisi survei ini di perangkat ini tetapi belum mengirimnya. Jika itu Anda, lanjutkan. Jika bukan, mulai dari awal: jawaban itu akan dihapus tanpa ditampilkan.',
  resumeContinue: 'Lanjutkan jawaban saya',
  resumeFresh: 'Mulai dari awal',
  sentBeforeTitle: 'Jawaban sudah dikirim dari browser ini',
  sentBeforeBody:
    'Sebuah jawaban untuk tautan ini sudah dikirim dari browser ini. Jika Anda orang lain yang memakai perangkat ini, Anda dapat mengisi survei sebagai responden baru.',
  sentBeforeFresh: 'Isi sebagai responden baru',
  reviewTitle: 'Periksa jawaban Anda',
  reviewBody:
    'Inilah jawaban yang akan dikirim. Tekan Ubah pada sebuah bagian untuk memperbaikinya. Setelah Anda menekan Selesai, jawaban terkirim dan tidak dapat diubah lagi.',
  sendingTitle: 'Mengirim jawaban…',
  sendingBody: 'Mohon tunggu dan jangan tutup halaman ini.',
  retryingTitle: 'Tersimpan, akan dikirim',
  retryingBody: (attempt: number) =>
    `Belum ada koneksi ke server. Jawaban Anda aman tersimpan di perangkat ini dan akan dikirim otomatis begitu koneksi pulih (percobaan ke-${attempt}).`,
  retryingLater:
    'Jika halaman ini tertutup, buka lagi tautan yang sama saat ada koneksi; pengiriman akan dilanjutkan.',
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
  receiptHelp:
    'Simpan kode ini jika Anda ingin menanyakan jawaban Anda kepada tim survei. Jangan berikan kepada atasan atau siapa pun selain tim survei: tidak ada yang berhak memintanya sebagai bukti.',
  doneContact: (name: string, code: string) =>
    `Untuk pertanyaan tentang survei atau jawaban Anda, hubungi ${name} dan sebutkan kode ${code}:`,
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
  noticeTitle: 'Before you begin',
  noticeOrganizer: 'Run by',
  noticePurpose: 'Purpose of the survey',
  noticeTime: (minutes: number) => `Estimated time to complete: about ${minutes} minutes.`,
  noticeProtectionTitle: 'How your answers are protected',
  noticeRecorded:
    'Recorded: your answers, the agency named in the link, and the day of sending (not the time).',
  noticeNotRecorded:
    'Not recorded: your name, NIP, e-mail, IP address, or the kind of device or browser you use.',
  noticeTokenUnlinked:
    'Your invitation is only marked as used; that mark is not linked to your answers.',
  noticeAggregates: (k: number) =>
    `Agencies see only combined figures of at least ${k} respondents; smaller groups are not shown.`,
  noticeAggregatesNoK:
    'Agencies see only combined figures; groups that are too small are not shown.',
  noticeDevice:
    'Until you send them, your answers are kept only on this device, and a draft left unfinished is deleted after 3 days.',
  noticeLegalBasis: 'Legal basis',
  noticeRetention: 'How long answers are kept',
  noticeContact: 'Contact the survey team',
  noticeConsent:
    'Taking part is voluntary. You may stop at any time before sending; answers reach the server only when you press Complete on the review page.',
  noticeStart: 'I agree, start',
  resumeTitle: 'Unfinished answers on this device',
  resumeBody:
    'Someone started this survey on this device but did not send it. If that was you, continue. If not, start afresh: those answers will be deleted without being shown.',
  resumeContinue: 'Continue my answers',
  resumeFresh: 'Start afresh',
  sentBeforeTitle: 'A response was already sent from this browser',
  sentBeforeBody:
    'A response to this link has already been sent from this browser. If you are someone else using this device, you can take the survey as a new respondent.',
  sentBeforeFresh: 'Start a new response',
  reviewTitle: 'Check your answers',
  reviewBody:
    'These are the answers that will be sent. Press Edit on a part to correct it. Once you press Complete, the answers are sent and can no longer be changed.',
  sendingTitle: 'Sending your answers…',
  sendingBody: 'Please wait and keep this page open.',
  retryingTitle: 'Saved — will be sent',
  retryingBody: (attempt: number) =>
    `There is no connection to the server yet. Your answers are safely kept on this device and will be sent automatically once the connection is back (attempt ${attempt}).`,
  retryingLater:
    'If this page closes, open the same link again when you are online; sending will continue.',
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
  receiptHelp:
    'Keep this code if you want to ask the survey team about your submission. Do not give it to a superior or anyone but the survey team: no one may demand it as proof.',
  doneContact: (name: string, code: string) =>
    `For questions about the survey or your answers, contact ${name} and quote the code ${code}:`,
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
