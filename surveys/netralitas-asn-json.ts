// SurveyJS JSON of the ASN political-neutrality questionnaire (netralitas-asn, version 1).
//
// Value conventions, relied on by the codebook, the scoring keys and the reference figures:
// - choice values are short snake_case Indonesian words (`melanggar`, `tidak_setuju`);
// - every Likert scale (ratings and matrix columns) stores the numbers 1–4, 1 the most
//   negative pole, so the KASN "setuju" share is the top-2 box (3, 4) and the index is mean × 25;
// - "Lainnya" is SurveyJS's built-in other item: value `other`, text in `<name>-Comment`;
// - matrix rows have short names (F1, I1, `medsos`) and are reported as `question.row`.

import type { SurveyJson } from './types.ts';
import { choice, exclusiveChoice, tx } from './survey-json-builders.ts';
import type { JsonChoice } from './survey-json-builders.ts';

const agree4: JsonChoice[] = [
  choice(1, 'Sangat tidak setuju', 'Strongly disagree'),
  choice(2, 'Tidak setuju', 'Disagree'),
  choice(3, 'Setuju', 'Agree'),
  choice(4, 'Sangat setuju', 'Strongly agree'),
];

const influence4: JsonChoice[] = [
  choice(1, 'Tidak berpengaruh', 'No influence'),
  choice(2, 'Kurang berpengaruh', 'Little influence'),
  choice(3, 'Berpengaruh', 'Some influence'),
  choice(4, 'Sangat berpengaruh', 'Strong influence'),
];

const otherText = tx('Lainnya (sebutkan)', 'Other (please specify)');

const scenarioChoices: JsonChoice[] = [
  choice('melanggar', 'Melanggar netralitas', 'Violates neutrality'),
  choice('tidak_melanggar', 'Tidak melanggar', 'Does not violate'),
  choice('tidak_tahu', 'Tidak tahu', "Don't know"),
];

const dontKnow = choice('tidak_tahu', 'Tidak tahu', "Don't know");

/** Parties that may push civil servants to take sides; shared by D2, D3 and H3. */
const influencingParties: JsonChoice[] = [
  choice('tim_sukses', 'Tim sukses pasangan calon', "Candidates' campaign teams"),
  choice('atasan_langsung', 'Atasan langsung', 'Direct superior'),
  choice(
    'pimpinan_instansi',
    'Pimpinan instansi / Sekretaris Daerah',
    'Head of the agency / regional secretary',
  ),
  choice('kepala_daerah', 'Kepala daerah (petahana)', 'Regional head (incumbent)'),
  choice('pasangan_calon', 'Pasangan calon', 'Candidates themselves'),
  choice('parpol', 'Partai politik', 'Political parties'),
  choice('keluarga', 'Keluarga atau kerabat', 'Family or relatives'),
  choice('rekan_kerja', 'Rekan kerja', 'Colleagues'),
  choice(
    'tokoh_masyarakat',
    'Tokoh masyarakat, adat, atau agama',
    'Community, customary or religious leaders',
  ),
  choice('media', 'Media massa atau media sosial', 'Mass media or social media'),
];

/** The prohibited acts of the 2020 joint decree (SKB), shortened; rows of H1 and choices of H8. */
const prohibitedActs: JsonChoice[] = [
  choice(
    'medsos',
    'Berkampanye di media sosial (mengunggah, mengomentari, membagikan, menyukai)',
    'Campaigning on social media (posting, commenting, sharing, liking)',
  ),
  choice('deklarasi', 'Menghadiri deklarasi bakal calon', "Attending a candidate's declaration"),
  choice(
    'foto',
    'Berfoto dengan calon sambil memperagakan simbol dukungan',
    "Posing for photos with a candidate while making a supporter's sign",
  ),
  choice(
    'narasumber',
    'Menjadi pembicara di acara partai politik tanpa tugas resmi',
    'Speaking at a party event without an official assignment',
  ),
  choice(
    'pendekatan',
    'Mendekati partai atau masyarakat untuk mencari dukungan pencalonan',
    'Approaching parties or the public to seek backing for a candidacy',
  ),
  choice(
    'deklarasi_diri',
    'Mendeklarasikan diri sebagai bakal calon tanpa cuti di luar tanggungan negara',
    'Declaring oneself a candidate without taking unpaid leave',
  ),
  choice(
    'spanduk',
    'Memasang spanduk atau baliho calon',
    'Putting up candidate banners or billboards',
  ),
  choice(
    'keberpihakan',
    'Mengadakan ajakan, pertemuan, imbauan, atau pemberian barang yang berpihak',
    'Holding partisan appeals, meetings, calls or handing out goods',
  ),
  choice('pelaksana_kampanye', 'Menjadi pelaksana kampanye', 'Acting as a campaign organiser'),
  choice(
    'peserta_kampanye',
    'Menjadi peserta kampanye atau mengerahkan ASN lain',
    'Joining a campaign rally or mobilising other civil servants',
  ),
  choice(
    'kampanye_pasangan',
    'Ikut kampanye suami/istri yang menjadi calon tanpa cuti',
    "Campaigning for one's candidate spouse without taking leave",
  ),
  choice(
    'ktp',
    'Menyerahkan atau mengumpulkan fotokopi KTP untuk calon perseorangan',
    'Handing in or collecting ID-card copies for an independent candidate',
  ),
  choice(
    'kampanye_fasilitas',
    'Ikut kampanye dengan memakai fasilitas negara',
    'Campaigning while using state facilities',
  ),
  choice(
    'fasilitas_jabatan',
    'Memakai fasilitas jabatan (kendaraan, ruang, anggaran) untuk kampanye',
    'Using office resources (vehicles, rooms, budget) for a campaign',
  ),
  choice(
    'keputusan',
    'Membuat keputusan yang menguntungkan atau merugikan calon',
    'Taking decisions that favour or harm a candidate',
  ),
  choice(
    'anggota_parpol',
    'Menjadi anggota atau pengurus partai politik',
    'Being a member or officer of a political party',
  ),
];

const anonymityNote = tx(
  'Pertanyaan ini boleh dilewati. Jawaban Anda tidak disimpan bersama nama, NIP, atau alamat IP dan hanya dilaporkan secara agregat.',
  'You may skip this question. Your answer is never stored with your name, NIP or IP address and is only reported in aggregate.',
);

function scenario(name: string, indonesian: string, english: string): Record<string, unknown> {
  return {
    type: 'radiogroup',
    name,
    title: tx(indonesian, english),
    isRequired: true,
    choices: scenarioChoices,
  };
}

function likertRating(name: string, indonesian: string, english: string): Record<string, unknown> {
  return {
    type: 'rating',
    name,
    title: tx(indonesian, english),
    isRequired: true,
    rateValues: agree4,
  };
}

const rankChoices: JsonChoice[] = (['I', 'II', 'III', 'IV'] as const).flatMap((group) =>
  (group === 'IV' ? ['a', 'b', 'c', 'd', 'e'] : ['a', 'b', 'c', 'd']).map((step) =>
    choice(`${group}_${step}`, `${group}/${step}`, `${group}/${step}`),
  ),
);

const pppkGrades = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
  'XVI',
  'XVII',
].map((grade) => choice(grade, grade, grade));

const pageA = {
  name: 'bagian_a',
  title: tx('Bagian A — Profil Responden', 'Part A — About you'),
  description: tx(
    'Kami tidak menanyakan nama atau NIP Anda. Instansi Anda sudah tercatat dari tautan survei.',
    'We do not ask for your name or NIP. Your agency is already known from the survey link.',
  ),
  elements: [
    {
      type: 'radiogroup',
      name: 'A4',
      title: tx('Jenis kelamin', 'Sex'),
      isRequired: true,
      choices: [
        choice('laki_laki', 'Laki-laki', 'Male'),
        choice('perempuan', 'Perempuan', 'Female'),
      ],
    },
    {
      type: 'radiogroup',
      name: 'A5',
      title: tx('Usia', 'Age'),
      isRequired: true,
      choices: [
        choice('lte_25', '25 tahun atau kurang', '25 or younger'),
        choice('26_35', '26–35 tahun', '26–35'),
        choice('36_45', '36–45 tahun', '36–45'),
        choice('46_55', '46–55 tahun', '46–55'),
        choice('gt_55', 'Di atas 55 tahun', 'Over 55'),
      ],
    },
    {
      type: 'radiogroup',
      name: 'A6',
      title: tx('Pendidikan terakhir', 'Highest education completed'),
      isRequired: true,
      choices: [
        choice('sd', 'SD', 'Primary school'),
        choice('smp', 'SMP', 'Junior secondary'),
        choice('sma', 'SMA/SMK', 'Senior secondary'),
        choice('d1_d3', 'D1/D2/D3', 'Diploma (D1–D3)'),
        choice('d4_s1', 'D4/S1', "Bachelor's (D4/S1)"),
        choice('s2', 'S2', "Master's (S2)"),
        choice('s3', 'S3', 'Doctorate (S3)'),
      ],
    },
    {
      type: 'radiogroup',
      name: 'A7',
      title: tx('Status kepegawaian', 'Employment status'),
      isRequired: true,
      choices: [
        choice('pns', 'PNS', 'Civil servant (PNS)'),
        choice('cpns', 'CPNS', 'Civil-servant candidate (CPNS)'),
        choice('pppk', 'PPPK', 'Contract government employee (PPPK)'),
      ],
    },
    {
      type: 'dropdown',
      name: 'A8',
      title: tx('Golongan ruang', 'Civil-service rank (golongan)'),
      visibleIf: "{A7} = 'pns' or {A7} = 'cpns'",
      isRequired: true,
      choices: rankChoices,
    },
    {
      type: 'dropdown',
      name: 'A8b',
      title: tx('Golongan PPPK', 'PPPK grade'),
      visibleIf: "{A7} = 'pppk'",
      isRequired: true,
      choices: pppkGrades,
    },
    {
      type: 'radiogroup',
      name: 'A9',
      title: tx('Jenis jabatan', 'Position type'),
      isRequired: true,
      choices: [
        choice('jpt', 'Jabatan Pimpinan Tinggi (Madya/Pratama)', 'Senior executive (JPT)'),
        choice('administrator', 'Administrator', 'Administrator'),
        choice('pengawas', 'Pengawas', 'Supervisor (pengawas)'),
        choice('fungsional', 'Fungsional', 'Functional'),
        choice('pelaksana', 'Pelaksana', 'Staff (pelaksana)'),
      ],
    },
    {
      type: 'radiogroup',
      name: 'A10',
      title: tx('Masa kerja sebagai ASN', 'Years of service'),
      isRequired: true,
      choices: [
        choice('lt_5', 'Kurang dari 5 tahun', 'Less than 5 years'),
        choice('5_10', '5–10 tahun', '5–10 years'),
        choice('11_20', '11–20 tahun', '11–20 years'),
        choice('21_30', '21–30 tahun', '21–30 years'),
        choice('gt_30', 'Lebih dari 30 tahun', 'More than 30 years'),
      ],
    },
    {
      type: 'radiogroup',
      name: 'A11',
      title: tx(
        'Apakah Anda memiliki hubungan keluarga dengan salah satu calon dalam pemilihan di daerah Anda?',
        'Are you related to any candidate standing in your region’s election?',
      ),
      description: anonymityNote,
      choices: [
        choice('ya', 'Ya', 'Yes'),
        choice('tidak', 'Tidak', 'No'),
        choice('tidak_ingin_menjawab', 'Tidak ingin menjawab', 'Prefer not to say'),
      ],
    },
  ],
};

const pageB = {
  name: 'bagian_b',
  title: tx('Bagian B — Sosialisasi Netralitas', 'Part B — Information on neutrality'),
  elements: [
    {
      type: 'radiogroup',
      name: 'B1',
      title: tx(
        'Apakah Anda pernah menerima sosialisasi tentang netralitas ASN dalam pemilihan?',
        'Have you ever been briefed on civil-servant neutrality in elections?',
      ),
      isRequired: true,
      choices: [choice('ya', 'Ya', 'Yes'), choice('tidak', 'Tidak', 'No')],
    },
    {
      type: 'checkbox',
      name: 'B2',
      title: tx('Siapa yang memberikan sosialisasi tersebut?', 'Who gave the briefing?'),
      description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
      visibleIf: "{B1} = 'ya'",
      isRequired: true,
      choices: [
        choice('kasn', 'KASN', 'KASN (Civil Service Commission)'),
        choice('kemenpanrb', 'KemenPANRB', 'Ministry of Administrative Reform (KemenPANRB)'),
        choice('bkn', 'BKN / Kantor Regional BKN', 'National Civil Service Agency (BKN)'),
        choice('bawaslu', 'Bawaslu / Panwas', 'Election supervisory body (Bawaslu)'),
        choice('kemendagri', 'Kemendagri', 'Ministry of Home Affairs'),
        choice('bkd', 'BKD / BKPSDM', 'Regional personnel agency (BKD/BKPSDM)'),
        choice('inspektorat', 'Inspektorat', 'Inspectorate'),
        choice('atasan', 'Pimpinan atau atasan langsung', 'Head of unit or direct superior'),
        choice('rekan_kerja', 'Rekan kerja', 'Colleagues'),
        choice('media_massa', 'Media massa', 'Mass media'),
        choice('media_sosial', 'Media sosial', 'Social media'),
      ],
      showOtherItem: true,
      otherText,
    },
    {
      type: 'checkbox',
      name: 'B3',
      title: tx('Dalam bentuk apa sosialisasi itu diberikan?', 'In what form was it given?'),
      description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
      visibleIf: "{B1} = 'ya'",
      isRequired: true,
      choices: [
        choice('tatap_muka', 'Tatap muka atau saat apel', 'In person or at roll-call'),
        choice('daring', 'Webinar atau pertemuan daring', 'Webinar or online meeting'),
        choice('surat_edaran', 'Surat edaran atau SKB', 'Circular or joint decree'),
        choice(
          'pakta_integritas',
          'Penandatanganan pakta integritas',
          'Signing an integrity pledge',
        ),
        choice(
          'media_cetak',
          'Spanduk, poster, atau infografis',
          'Banners, posters or infographics',
        ),
        choice(
          'pesan_grup',
          'Pesan di grup WhatsApp atau sejenisnya',
          'Messages in WhatsApp or similar groups',
        ),
      ],
      showOtherItem: true,
      otherText,
    },
    {
      type: 'radiogroup',
      name: 'B4',
      title: tx(
        'Berapa kali Anda menerima sosialisasi selama satu tahapan pemilihan?',
        'How often were you briefed during one election cycle?',
      ),
      visibleIf: "{B1} = 'ya'",
      isRequired: true,
      choices: [
        choice('1_kali', 'Satu kali', 'Once'),
        choice('2_3_kali', '2–3 kali', '2–3 times'),
        choice('gt_3_kali', 'Lebih dari 3 kali', 'More than 3 times'),
        choice('tidak_ingat', 'Tidak ingat', "Don't remember"),
      ],
    },
    {
      ...likertRating(
        'B5',
        'Sosialisasi itu membuat saya paham apa yang boleh dan tidak boleh dilakukan ASN.',
        'The briefing made clear to me what civil servants may and may not do.',
      ),
      visibleIf: "{B1} = 'ya'",
    },
    {
      type: 'radiogroup',
      name: 'B6',
      title: tx(
        'Apakah Anda pernah menandatangani pakta integritas atau ikrar netralitas?',
        'Have you ever signed a neutrality pledge or integrity pact?',
      ),
      isRequired: true,
      choices: [choice('ya', 'Ya', 'Yes'), choice('tidak', 'Tidak', 'No'), dontKnow],
    },
  ],
};

const pageC = {
  name: 'bagian_c',
  title: tx('Bagian C — Pemahaman Aturan Netralitas', 'Part C — Knowing the neutrality rules'),
  description: tx(
    'Untuk setiap contoh, nilailah apakah tindakan ASN tersebut melanggar netralitas. Jika ragu, pilih "Tidak tahu"; ini bukan ujian.',
    'For each example, judge whether what the civil servant did breaches neutrality. If unsure, choose "Don\'t know"; this is not an exam.',
  ),
  elements: [
    scenario(
      'C1',
      'Rudi, staf dinas, menyukai dan membagikan ulang unggahan kampanye seorang calon di akun Facebook pribadinya.',
      "Rudi, a department officer, likes and reshares a candidate's campaign post on his personal Facebook account.",
    ),
    scenario(
      'C2',
      'Wati berfoto bersama calon bupati sambil mengacungkan jari sesuai nomor urut calon itu, lalu mengunggah fotonya.',
      "Wati poses with a regent candidate holding up fingers for the candidate's ballot number, then posts the photo.",
    ),
    scenario(
      'C3',
      'Seorang camat datang ke acara deklarasi bakal pasangan calon di sebuah hotel pada hari Minggu.',
      "A district head attends a prospective candidate pair's declaration at a hotel on a Sunday.",
    ),
    scenario(
      'C4',
      'Seorang guru berstatus PNS memasang baliho calon wali kota di pagar rumahnya sendiri.',
      "A civil-servant teacher hangs a mayoral candidate's billboard on the fence of his own house.",
    ),
    scenario(
      'C5',
      'Seorang kepala bidang mengumpulkan fotokopi KTP para stafnya untuk mendukung calon perseorangan.',
      "A section head collects copies of his staff's ID cards to back an independent candidate.",
    ),
    scenario(
      'C6',
      'Seorang pejabat memakai mobil dinas untuk mengantar anggota tim kampanye.',
      'An official uses a government car to drive campaign team members around.',
    ),
    scenario(
      'C7',
      'Selama masa kampanye, kepala dinas mendahulukan penyaluran bantuan ke desa-desa basis pendukung petahana.',
      "During the campaign, a department head fast-tracks aid to villages where the incumbent's supporters live.",
    ),
    scenario(
      'C8',
      'Saat apel pagi, seorang atasan meminta bawahannya memilih calon tertentu.',
      'At morning roll-call, a superior asks his staff to vote for a particular candidate.',
    ),
    scenario(
      'C9',
      'Seorang ASN menjadi admin grup WhatsApp relawan pemenangan salah satu calon.',
      "A civil servant administers a WhatsApp group of one candidate's campaign volunteers.",
    ),
    scenario(
      'C10',
      'Seorang ASN tercatat sebagai pengurus partai politik di tingkat ranting.',
      'A civil servant is registered as an officer of a local party branch.',
    ),
    scenario(
      'C11',
      'Seorang ASN datang ke TPS dan memberikan suaranya pada hari pemungutan suara.',
      'A civil servant goes to the polling station and casts a vote on election day.',
    ),
    scenario(
      'C12',
      'Dengan surat tugas, Kepala Bappeda menjadi narasumber di acara partai politik untuk menjelaskan program pemerintah daerah.',
      "On an official assignment letter, the head of the planning agency speaks at a party event to explain the regional government's programmes.",
    ),
    scenario(
      'C13',
      'Seorang ASN melaporkan dugaan pelanggaran netralitas yang dilakukan rekan kerjanya kepada Bawaslu.',
      "A civil servant reports a colleague's suspected neutrality breach to Bawaslu.",
    ),
    scenario(
      'C14',
      'Seorang ASN membaca visi dan misi semua calon di laman KPU sebelum menentukan pilihannya.',
      "A civil servant reads every candidate's vision and programme on the election commission's website before deciding how to vote.",
    ),
    {
      type: 'radiogroup',
      name: 'C15',
      title: tx(
        'Apa sanksi bagi PNS yang menjadi anggota atau pengurus partai politik?',
        'What is the sanction for a civil servant who becomes a party member or officer?',
      ),
      isRequired: true,
      choices: [
        choice('teguran_tertulis', 'Teguran tertulis', 'A written reprimand'),
        choice(
          'potong_tukin',
          'Pemotongan tunjangan kinerja 25%',
          'A 25% cut in performance allowance',
        ),
        choice('penurunan_jabatan', 'Penurunan jabatan', 'Demotion'),
        choice('ptdh', 'Pemberhentian tidak dengan hormat', 'Dishonourable dismissal'),
        choice('tidak_ada_sanksi', 'Tidak ada sanksi', 'No sanction'),
        dontKnow,
      ],
    },
    {
      type: 'radiogroup',
      name: 'C16',
      title: tx(
        'Menurut PP 94/2021, hukuman disiplin tingkat sedang berupa…',
        'Under Government Regulation 94/2021, a moderate disciplinary penalty is…',
      ),
      isRequired: true,
      choices: [
        choice('teguran_lisan', 'Teguran lisan', 'An oral reprimand'),
        choice(
          'potong_tukin_25',
          'Pemotongan tunjangan kinerja 25% selama 6, 9, atau 12 bulan',
          'A 25% cut in performance allowance for 6, 9 or 12 months',
        ),
        choice('pembebasan_jabatan', 'Pembebasan dari jabatan', 'Removal from office'),
        choice(
          'penundaan_kgb',
          'Penundaan kenaikan gaji berkala 1 tahun',
          'A one-year delay of the periodic pay rise',
        ),
        dontKnow,
      ],
    },
    {
      type: 'radiogroup',
      name: 'C17',
      title: tx(
        'Menurut PP 42/2004, apa sanksi atas pelanggaran kode etik netralitas?',
        'Under Government Regulation 42/2004, what is the sanction for breaching the neutrality code of ethics?',
      ),
      isRequired: true,
      choices: [
        choice(
          'sanksi_moral',
          'Sanksi moral berupa pernyataan tertutup atau terbuka',
          'A moral sanction: a private or public statement',
        ),
        choice('pidana_penjara', 'Pidana penjara', 'Imprisonment'),
        choice('denda', 'Denda', 'A fine'),
        choice('mutasi', 'Mutasi', 'Transfer to another post'),
        dontKnow,
      ],
    },
    {
      type: 'checkbox',
      name: 'C18',
      title: tx(
        'Ke mana dugaan pelanggaran netralitas ASN dalam pemilihan dapat dilaporkan?',
        'Where can a suspected breach of civil-servant neutrality in an election be reported?',
      ),
      description: tx('Pilih semua yang benar.', 'Tick every correct answer.'),
      isRequired: true,
      choices: [
        choice('bawaslu', 'Bawaslu / Panwas', 'Election supervisory body (Bawaslu)'),
        choice(
          'instansi_ppk',
          'Instansi sendiri (PPK) atau Inspektorat',
          'Own agency (personnel authority) or the inspectorate',
        ),
        choice(
          'kasn_bkn',
          'KASN (sebelum dibubarkan), BKN, atau KemenPANRB',
          'KASN (before its dissolution), BKN or KemenPANRB',
        ),
        choice('kpu', 'KPU', 'Election commission (KPU)'),
        choice('polisi', 'Polisi', 'Police'),
        exclusiveChoice('tidak_tahu', 'Tidak tahu', "Don't know"),
      ],
    },
    {
      type: 'radiogroup',
      name: 'C19',
      title: tx(
        'Bolehkah ASN "hanya menyukai" (like) unggahan kampanye seorang calon?',
        "May a civil servant 'just like' a candidate's campaign post?",
      ),
      isRequired: true,
      choices: [
        choice('boleh', 'Boleh', 'Yes'),
        choice('tidak_boleh', 'Tidak boleh', 'No'),
        choice(
          'boleh_akun_pribadi',
          'Boleh, asalkan dari akun pribadi',
          'Yes, from a personal account',
        ),
        dontKnow,
      ],
    },
    {
      type: 'rating',
      name: 'C20',
      title: tx(
        'Secara keseluruhan, seberapa paham Anda tentang aturan netralitas ASN?',
        'Overall, how well do you understand the civil-servant neutrality rules?',
      ),
      isRequired: true,
      rateValues: [
        choice(1, 'Tidak paham', 'Not at all'),
        choice(2, 'Kurang paham', 'Not well'),
        choice(3, 'Paham', 'Well'),
        choice(4, 'Sangat paham', 'Very well'),
      ],
    },
  ],
};

const pageD = {
  name: 'bagian_d',
  title: tx('Bagian D — Pihak yang Memengaruhi', 'Part D — Who exerts influence'),
  elements: [
    {
      type: 'radiogroup',
      name: 'D1',
      title: tx(
        'Menurut Anda, pihak mana yang PALING memengaruhi ASN untuk melanggar netralitas?',
        'In your view, who MOST influences civil servants to breach neutrality?',
      ),
      description: tx('Pilih satu.', 'Choose one.'),
      isRequired: true,
      choicesOrder: 'random',
      choices: [
        choice('tim_sukses', 'Tim sukses pasangan calon', "Candidates' campaign teams"),
        choice('atasan', 'Atasan atau pimpinan ASN', 'Superiors or agency heads'),
        choice(
          'pasangan_calon',
          'Pasangan calon (termasuk petahana)',
          'Candidates (including the incumbent)',
        ),
        choice('parpol_pengusung', 'Partai politik pengusung calon', "Candidates' backing parties"),
      ],
      showOtherItem: true,
      otherText: tx(
        'Lainnya, mis. diri sendiri, keluarga, lingkungan, media, tidak ada (sebutkan)',
        'Other, e.g. oneself, family, surroundings, media, nobody (please specify)',
      ),
    },
    {
      type: 'checkbox',
      name: 'D2',
      title: tx(
        'Pihak mana saja yang menurut Anda memengaruhi ASN untuk tidak netral?',
        'Which parties, in your view, influence civil servants to take sides?',
      ),
      description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
      isRequired: true,
      choices: [
        ...influencingParties,
        choice('diri_sendiri', 'Diri ASN sendiri', 'Civil servants themselves'),
        exclusiveChoice('tidak_ada', 'Tidak ada', 'Nobody'),
        exclusiveChoice('tidak_tahu', 'Tidak tahu', "Don't know"),
      ],
      showOtherItem: true,
      otherText,
    },
    {
      type: 'matrix',
      name: 'D3',
      title: tx(
        'Seberapa besar pengaruh masing-masing pihak berikut? (boleh dilewati)',
        'How strong is the influence of each of these? (optional)',
      ),
      columns: influence4,
      rows: influencingParties,
    },
  ],
};

const pageE = {
  name: 'bagian_e',
  title: tx('Bagian E — Penyebab Ketidaknetralan', 'Part E — Why civil servants take sides'),
  elements: [
    {
      type: 'checkbox',
      name: 'E1',
      title: tx(
        'Menurut Anda, apa penyebab ASN tidak netral dalam pemilihan?',
        'In your view, why do civil servants fail to stay neutral in elections?',
      ),
      description: tx('Pilih paling banyak 3.', 'Choose up to 3.'),
      isRequired: true,
      maxSelectedChoices: 3,
      choicesOrder: 'random',
      choices: [
        choice(
          'ikatan_persaudaraan',
          'Ikatan persaudaraan atau kekerabatan dengan calon',
          'Kinship with a candidate',
        ),
        choice(
          'kepentingan_karier',
          'Kepentingan karier (mendapat atau mempertahankan jabatan)',
          'Career interest (gaining or keeping a post)',
        ),
        choice(
          'kesamaan_latar_belakang',
          'Kesamaan latar belakang (pendidikan, profesi, daerah asal)',
          'Shared background (schooling, profession, home region)',
        ),
        choice('utang_budi', 'Utang budi kepada calon', 'A debt of gratitude to a candidate'),
        choice(
          'tekanan_paslon',
          'Tekanan dari pasangan calon atau tim sukses',
          'Pressure from candidates or their teams',
        ),
        choice(
          'tekanan_atasan',
          'Tekanan atau intervensi atasan',
          'Pressure or interference from superiors',
        ),
        choice(
          'imbalan_materi',
          'Imbalan uang, barang, atau proyek',
          'Rewards in money, goods or projects',
        ),
        choice('kurang_paham_regulasi', 'Kurang memahami aturan', 'Not knowing the rules well'),
        choice('kurang_integritas', 'Kurangnya integritas', 'Lack of integrity'),
        choice(
          'dianggap_lumrah',
          'Ketidaknetralan dianggap hal biasa',
          'Taking sides is seen as normal',
        ),
        choice('sanksi_lemah', 'Sanksi yang lemah', 'Weak sanctions'),
        choice(
          'kepala_daerah_ppk',
          'Kepala daerah sekaligus menjadi pejabat pembina kepegawaian',
          'The regional head is also the personnel authority',
        ),
      ],
      showOtherItem: true,
      otherText,
    },
    likertRating(
      'E3',
      'Kedudukan kepala daerah sebagai Pejabat Pembina Kepegawaian (PPK) membuat ASN sulit bersikap netral.',
      "The regional head's role as personnel authority (PPK) makes it hard for civil servants to stay neutral.",
    ),
    likertRating(
      'E4',
      'ASN yang netral khawatir kariernya terhambat bila calon yang tidak didukung atasan menang.',
      'Neutral civil servants fear for their careers if a candidate their superiors did not back wins.',
    ),
  ],
};

const pageF = {
  name: 'bagian_f',
  title: tx('Bagian F — Efek Jera dan Sanksi', 'Part F — Deterrence and sanctions'),
  elements: [
    {
      type: 'matrix',
      name: 'F',
      title: tx(
        'Seberapa setuju Anda dengan pernyataan berikut?',
        'How far do you agree with the following statements?',
      ),
      isRequired: true,
      eachRowRequired: true,
      rowsOrder: 'random',
      columns: agree4,
      rows: [
        choice(
          'F1',
          'Sanksi yang dijatuhkan kepada ASN pelanggar netralitas belum menimbulkan efek jera.',
          'Sanctions imposed on civil servants who breach neutrality have not yet deterred others.',
        ),
        choice(
          'F2',
          'Penindakan terhadap pasangan calon yang memobilisasi ASN belum tegas.',
          'Action against candidates who mobilise civil servants is not yet firm.',
        ),
        choice(
          'F3',
          'PPK menindaklanjuti rekomendasi sanksi netralitas dengan cepat.',
          'The personnel authority acts quickly on recommended neutrality sanctions.',
        ),
        choice(
          'F4',
          'Sanksi bagi pelanggar netralitas perlu diperberat.',
          'Sanctions for neutrality breaches should be harsher.',
        ),
        choice(
          'F5',
          'Atasan yang membiarkan bawahannya melanggar netralitas perlu ikut dikenai sanksi.',
          'Superiors who let their staff breach neutrality should be sanctioned too.',
        ),
        choice(
          'F6',
          'Saya merasa aman apabila melaporkan pelanggaran netralitas.',
          'I would feel safe reporting a neutrality breach.',
        ),
      ],
    },
    {
      type: 'checkbox',
      name: 'F7',
      title: tx(
        'Upaya apa yang paling efektif untuk menjaga netralitas ASN?',
        'What would best keep civil servants neutral?',
      ),
      description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
      isRequired: true,
      choices: [
        choice('sanksi_diperberat', 'Sanksi yang lebih berat', 'Harsher sanctions'),
        choice(
          'penegakan_konsisten',
          'Penegakan sanksi yang konsisten oleh PPK',
          'Consistent enforcement by the personnel authority',
        ),
        choice(
          'ppk_dialihkan',
          'Kewenangan PPK dialihkan dari kepala daerah kepada pejabat karier',
          'Moving personnel authority from the regional head to a career official',
        ),
        choice(
          'pengawasan_medsos',
          'Pengawasan media sosial ASN',
          "Monitoring civil servants' social media",
        ),
        choice('pengaduan_anonim', 'Saluran pengaduan anonim', 'An anonymous reporting channel'),
        choice('sosialisasi_berkala', 'Sosialisasi berkala', 'Regular briefings'),
        choice('pakta_integritas', 'Pakta integritas netralitas', 'Neutrality integrity pledges'),
        choice(
          'cabut_hak_pilih',
          'Pencabutan hak pilih ASN',
          "Removing civil servants' right to vote",
        ),
      ],
      showOtherItem: true,
      otherText,
    },
  ],
};

const pageG = {
  name: 'bagian_g',
  title: tx('Bagian G — Hak Pilih ASN', "Part G — Civil servants' right to vote"),
  elements: [
    {
      type: 'radiogroup',
      name: 'G1',
      title: tx(
        'Setujukah Anda jika hak pilih ASN dalam pilkada dicabut demi menjaga netralitas?',
        "Would you agree to removing civil servants' right to vote in regional elections to protect neutrality?",
      ),
      isRequired: true,
      choices: [
        choice('setuju', 'Setuju', 'Agree'),
        choice('tidak_setuju', 'Tidak setuju', 'Disagree'),
      ],
    },
    {
      type: 'checkbox',
      name: 'G2',
      title: tx('Apa alasan Anda setuju?', 'Why do you agree?'),
      description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
      visibleIf: "{G1} = 'setuju'",
      isRequired: true,
      choices: [
        choice(
          'hindari_tekanan',
          'Menghindarkan ASN dari tekanan dan mobilisasi',
          'Shields civil servants from pressure and mobilisation',
        ),
        choice(
          'profesionalitas',
          'Menjaga profesionalitas ASN',
          'Keeps the civil service professional',
        ),
        choice(
          'cegah_konflik_kepentingan',
          'Mencegah konflik kepentingan',
          'Prevents conflicts of interest',
        ),
        choice(
          'seperti_tni_polri',
          'Disamakan dengan TNI/Polri',
          'Treats civil servants like the military and police',
        ),
      ],
      showOtherItem: true,
      otherText,
    },
    {
      type: 'checkbox',
      name: 'G3',
      title: tx('Apa alasan Anda tidak setuju?', 'Why do you disagree?'),
      description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
      visibleIf: "{G1} = 'tidak_setuju'",
      isRequired: true,
      choices: [
        choice(
          'hak_konstitusional',
          'Memilih adalah hak konstitusional warga negara',
          'Voting is a constitutional right',
        ),
        choice(
          'cukup_bilik_suara',
          'Netralitas cukup dijaga di bilik suara',
          'Neutrality ends at the ballot box',
        ),
        choice(
          'bukan_akar_masalah',
          'Tidak menyelesaikan akar masalah',
          'It does not address the root cause',
        ),
      ],
      showOtherItem: true,
      otherText,
    },
    {
      type: 'radiogroup',
      name: 'G4',
      title: tx(
        'Apakah pencabutan hak pilih itu juga perlu berlaku untuk pemilu presiden dan legislatif?',
        'Should such a removal also apply to presidential and legislative elections?',
      ),
      isRequired: true,
      choices: [
        choice('setuju', 'Setuju', 'Agree'),
        choice('tidak_setuju', 'Tidak setuju', 'Disagree'),
      ],
    },
  ],
};

const pageH = {
  name: 'bagian_h',
  title: tx('Bagian H — Pengalaman dan Pelanggaran yang Diamati', 'Part H — What you have seen'),
  elements: [
    {
      type: 'matrix',
      name: 'H1',
      title: tx(
        'Selama tahapan pemilihan terakhir, seberapa sering Anda melihat atau mengetahui ASN di lingkungan kerja Anda melakukan hal berikut?',
        'During the last election cycle, how often did you see or learn of civil servants in your workplace doing the following?',
      ),
      isRequired: true,
      eachRowRequired: true,
      columns: [
        choice('tidak_pernah', 'Tidak pernah', 'Never'),
        choice('satu_kali', 'Satu kali', 'Once'),
        choice('beberapa_kali', 'Beberapa kali', 'A few times'),
        choice('sering', 'Sering', 'Often'),
      ],
      rows: prohibitedActs,
    },
    {
      type: 'panel',
      name: 'tekanan',
      title: tx('Tekanan untuk mendukung calon', 'Pressure to back a candidate'),
      description: tx(
        'Bagian ini bersifat sensitif dan boleh dilewati. Jawaban tidak dapat ditelusuri kembali kepada Anda dan hanya dilaporkan secara agregat.',
        'This part is sensitive and may be skipped. Answers cannot be traced back to you and are only reported in aggregate.',
      ),
      elements: [
        {
          type: 'radiogroup',
          name: 'H2',
          title: tx(
            'Apakah Anda pernah diajak, diminta, atau ditekan untuk mendukung calon tertentu?',
            'Have you ever been asked, urged or pressured to support a particular candidate?',
          ),
          choices: [
            choice('ya', 'Ya', 'Yes'),
            choice('tidak', 'Tidak', 'No'),
            choice('tidak_ingin_menjawab', 'Tidak ingin menjawab', 'Prefer not to say'),
          ],
        },
        {
          type: 'checkbox',
          name: 'H3',
          title: tx('Oleh siapa?', 'By whom?'),
          description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
          visibleIf: "{H2} = 'ya'",
          choices: influencingParties,
          showOtherItem: true,
          otherText,
        },
        {
          type: 'checkbox',
          name: 'H4',
          title: tx('Dalam bentuk apa?', 'In what form?'),
          description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
          visibleIf: "{H2} = 'ya'",
          choices: [
            choice('ajakan_lisan', 'Ajakan lisan', 'A spoken request'),
            choice(
              'pesan_daring',
              'Pesan WhatsApp atau media sosial',
              'WhatsApp or social-media messages',
            ),
            choice(
              'instruksi_rapat',
              'Instruksi dalam rapat atau apel',
              'Instructions at a meeting or roll-call',
            ),
            choice(
              'janji_jabatan',
              'Janji jabatan atau promosi',
              'A promise of a post or promotion',
            ),
            choice(
              'ancaman_mutasi',
              'Ancaman mutasi atau dinonjobkan',
              'A threat of transfer or removal from post',
            ),
            choice('uang_barang', 'Pemberian uang atau barang', 'Money or goods'),
            choice('permintaan_ktp', 'Permintaan fotokopi KTP', 'A request for an ID-card copy'),
          ],
          showOtherItem: true,
          otherText,
        },
        {
          type: 'radiogroup',
          name: 'H5',
          title: tx('Apakah Anda melaporkannya?', 'Did you report it?'),
          visibleIf: "{H2} = 'ya'",
          choices: [
            choice(
              'ya_atasan_inspektorat',
              'Ya, kepada atasan atau Inspektorat',
              'Yes, to a superior or the inspectorate',
            ),
            choice('ya_bawaslu', 'Ya, kepada Bawaslu', 'Yes, to Bawaslu'),
            choice('ya_kasn_bkn', 'Ya, kepada KASN atau BKN', 'Yes, to KASN or BKN'),
            choice('tidak', 'Tidak', 'No'),
          ],
        },
        {
          type: 'checkbox',
          name: 'H6',
          title: tx('Mengapa Anda tidak melaporkannya?', 'Why did you not report it?'),
          description: tx('Pilih semua yang sesuai.', 'Tick all that apply.'),
          visibleIf: "{H5} = 'tidak'",
          choices: [
            choice('takut_karier', 'Takut kariernya terdampak', 'Fear for my career'),
            choice('tidak_tahu_caranya', 'Tidak tahu cara melapor', 'Did not know how to report'),
            choice(
              'tidak_yakin_ditindak',
              'Tidak yakin akan ditindaklanjuti',
              'Doubted anything would be done',
            ),
            choice('dianggap_lumrah', 'Menganggapnya hal biasa', 'Saw it as normal'),
            choice(
              'pelaku_atasan_keluarga',
              'Pelakunya atasan atau keluarga sendiri',
              'It was my superior or a relative',
            ),
          ],
          showOtherItem: true,
          otherText,
        },
      ],
    },
    {
      type: 'radiogroup',
      name: 'H7',
      title: tx(
        'Pada tahapan mana pelanggaran netralitas ASN paling rawan terjadi?',
        'At which stage are neutrality breaches most likely?',
      ),
      isRequired: true,
      choices: [
        choice('pra_pendaftaran', 'Sebelum pendaftaran calon', 'Before candidate registration'),
        choice('pendaftaran', 'Pendaftaran calon', 'Candidate registration'),
        choice('penetapan_calon', 'Penetapan calon', 'Confirmation of candidates'),
        choice('kampanye', 'Masa kampanye', 'Campaign period'),
        choice('masa_tenang', 'Masa tenang', 'Quiet period'),
        choice(
          'pemungutan_penghitungan',
          'Pemungutan dan penghitungan suara',
          'Voting and counting',
        ),
        choice('pasca_penetapan', 'Setelah penetapan pemenang', 'After the winner is declared'),
      ],
    },
    {
      type: 'checkbox',
      name: 'H8',
      title: tx(
        'Bentuk pelanggaran netralitas apa yang paling sering terjadi di daerah Anda?',
        'Which neutrality breaches are most common in your region?',
      ),
      description: tx('Pilih paling banyak 3.', 'Choose up to 3.'),
      isRequired: true,
      maxSelectedChoices: 3,
      choices: prohibitedActs,
    },
    {
      type: 'comment',
      name: 'H9',
      title: tx(
        'Saran atau masukan Anda untuk menjaga netralitas ASN (boleh dikosongkan)',
        'Any suggestions for keeping civil servants neutral? (optional)',
      ),
      description: tx(
        'Mohon tidak menuliskan nama orang atau informasi yang dapat mengenali Anda.',
        'Please do not write names or anything that could identify you.',
      ),
      maxLength: 2000,
    },
  ],
};

const pageI = {
  name: 'bagian_i',
  title: tx('Bagian I — Netralitas di Instansi Anda', 'Part I — Neutrality in your agency'),
  elements: [
    {
      type: 'matrix',
      name: 'I',
      title: tx(
        'Seberapa setuju Anda dengan pernyataan berikut tentang instansi tempat Anda bekerja?',
        'How far do you agree with these statements about the agency you work for?',
      ),
      isRequired: true,
      eachRowRequired: true,
      columns: agree4,
      rows: [
        choice(
          'I1',
          'Pimpinan instansi memberi teladan bersikap netral.',
          'Agency leaders set an example of neutrality.',
        ),
        choice(
          'I2',
          'Tidak ada tekanan kepada pegawai untuk mendukung calon.',
          'Staff are not pressed to support candidates.',
        ),
        choice(
          'I3',
          'Fasilitas kantor tidak dipakai untuk kampanye.',
          'Office facilities are not used for campaigning.',
        ),
        choice(
          'I4',
          'Pelayanan publik tetap tidak diskriminatif selama tahapan pemilihan.',
          'Public services stay non-discriminatory during the election cycle.',
        ),
        choice('I5', 'Pelanggaran netralitas ditindak.', 'Neutrality breaches are acted upon.'),
        choice(
          'I6',
          'Tersedia saluran pengaduan pelanggaran netralitas.',
          'There is a channel for reporting neutrality breaches.',
        ),
        choice(
          'I7',
          'Sosialisasi netralitas di instansi sudah memadai.',
          'Briefings on neutrality in the agency are adequate.',
        ),
        choice(
          'I8',
          'Informasi tentang aturan netralitas mudah diperoleh.',
          'Information on the neutrality rules is easy to find.',
        ),
        choice(
          'I9',
          'Pegawai merasa aman untuk bersikap netral.',
          'Staff feel safe staying neutral.',
        ),
      ],
    },
  ],
};

/**
 * The questionnaire as SurveyJS JSON: one page per part (Bagian A–I), Indonesian by default with
 * complete English strings.
 */
export const netralitasAsnJson: SurveyJson = {
  title: tx('Survei Persepsi Netralitas ASN', 'Civil-Servant Neutrality Perception Survey'),
  description: tx(
    'Survei ini menanyakan pengalaman dan pendapat Anda tentang netralitas ASN dalam pemilihan. Jawaban bersifat anonim: kami tidak mencatat nama, NIP, atau alamat IP, dan hasil hanya dilaporkan secara agregat.',
    'This survey asks about your experience of and views on civil-servant neutrality in elections. It is anonymous: we record no name, NIP or IP address, and results are only reported in aggregate.',
  ),
  showProgressBar: true,
  progressBarType: 'pages',
  showQuestionNumbers: 'off',
  completedHtml: tx(
    '<h3>Terima kasih.</h3><p>Jawaban Anda sudah kami terima.</p>',
    '<h3>Thank you.</h3><p>Your answers have been received.</p>',
  ),
  pages: [pageA, pageB, pageC, pageD, pageE, pageF, pageG, pageH, pageI],
};
