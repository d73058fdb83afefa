// Corrections to SurveyJS's stock Indonesian interface strings, owned by the project and applied over survey-core's.

import { surveyLocalization } from 'survey-core';
// Registers survey-core's Indonesian strings as "id"; the corrections below go over them.
import 'survey-core/i18n/indonesian';

/**
 * Where survey-core 3.0's Indonesian is wrong or reads as a machine translation: "Silahkan"
 * is non-standard (KBBI: "silakan"), "lainnnya" and "petanyaan" are typos, "PSilahkan" and
 * "YAnda" carry stray letters, "Membatalkan" (the verb) labels a Cancel button where Indonesian
 * interfaces say "Batal", "Berlaku" (is valid) labels Apply ("Terapkan"), "varian" means a
 * variant, not an option, "barang" is goods, "Iya" is colloquial, "OKE" is not how Indonesian
 * interfaces write OK, "Loading..." was never translated, and the answered-questions progress
 * text reads "Answering question 3 / 57".
 */
export const indonesianCorrections: Readonly<Record<string, string>> = {
  editText: 'Ubah',
  noneItemText: 'Tidak ada',
  refuseItemText: 'Tidak ingin menjawab',
  selectAllItemText: 'Pilih semua',
  deselectAllItemText: 'Batalkan semua pilihan',
  panelDynamicProgressText: '{0} dari {1}',
  questionsProgressText: '{0} dari {1} pertanyaan terjawab',
  loadingSurvey: 'Memuat survei…',
  requiredError: 'Pertanyaan ini wajib dijawab.',
  requiredErrorInPanel: 'Jawab setidaknya satu pertanyaan.',
  requiredInAllRowsError: 'Jawab pertanyaan ini pada setiap baris.',
  textNoDigitsAllow: 'Angka tidak diperbolehkan.',
  textMinLength: 'Silakan masukkan setidaknya {0} karakter.',
  textMaxLength: 'Silakan masukkan paling banyak {0} karakter.',
  textMinMaxLength: 'Silakan masukkan paling sedikit {0} dan paling banyak {1} karakter.',
  minRowCountError: 'Silakan isi setidaknya {0} baris.',
  minSelectError: 'Silakan pilih setidaknya {0} pilihan.',
  maxSelectError: 'Silakan pilih paling banyak {0} pilihan.',
  invalidEmail: 'Silakan masukkan alamat e-mail yang benar.',
  noUploadFilesHandler:
    "Berkas tidak dapat diunggah. Tambahkan penangan untuk peristiwa 'onUploadFiles'.",
  otherRequiredError: 'Silakan tuliskan jawaban lainnya.',
  uploadingFile: 'Berkas Anda sedang diunggah. Silakan tunggu beberapa saat, lalu coba lagi.',
  confirmDelete: 'Apakah Anda yakin ingin menghapus data ini?',
  choices_Item: 'pilihan',
  savingDataError: 'Terjadi kesalahan sehingga hasil tidak dapat disimpan.',
  savingDataSuccess: 'Hasil berhasil disimpan.',
  timerSpentPage: 'Anda telah menghabiskan {0} pada halaman ini.',
  clearCaption: 'Hapus',
  booleanCheckedLabel: 'Ya',
  modalCancelButtonText: 'Batal',
  modalApplyButtonText: 'Terapkan',
  loadingPage: 'Memuat…',
  loadingData: 'Memuat…',
  more: 'Selengkapnya',
  tagboxDoneButtonCaption: 'OK',
  ok: 'OK',
  cancel: 'Batal',
  toc: 'Daftar isi',
  progressbar: 'Kemajuan pengisian',
};

const locales = surveyLocalization.locales as Record<string, Record<string, string> | undefined>;
const indonesian = locales['id'];
if (!indonesian) throw new Error('survey-core did not register its Indonesian strings');
Object.assign(indonesian, indonesianCorrections);

/**
 * Every interface string SurveyJS can show in Indonesian, after the corrections, by key.
 *
 * @example
 * indonesianInterfaceStrings().cancel // 'Batal'
 */
export function indonesianInterfaceStrings(): Readonly<Record<string, string>> {
  return { ...indonesian };
}
