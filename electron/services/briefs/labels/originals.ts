import type { BriefLang } from '../../../../shared/model/brief';

// The words of the originals' annex and of a quote's page. English is the reference:
// its shape is the type. Page cites as each language's legal writing abbreviates them:
// "p. 3" / "pp. 3–4", «с. 3» / «с. 3–4», «3-бет» / «3–4-беттер» (docs/brief-glossary.md).

const en = {
  page: (first: number, last: number) => (first === last ? `p. ${first}` : `pp. ${first}–${last}`),
  annex: 'Annex: original files',
  annexIntro: 'Each original file behind the sources of this document, kept unchanged since it was added, with its fingerprint (SHA-256): the fingerprint of a copy you receive must match it.',
  attachedIntro: 'The files listed are attached to this document under the names given.',
  zippedIntro: 'The files listed travel with this document in the same archive, in its folder “files”, under the names given.',
  source: 'Source',
  fileName: 'File',
  type: 'Type',
  size: 'Size',
  bytes: (n: string) => `${n} bytes`,
  sha256: 'SHA-256',
  capturedFrom: 'Captured from',
  capturedAt: 'Captured at',
  addedAt: 'Added to the file',
  addedBy: 'Added by',
  copyStripped: 'The copy sent has its location data (EXIF/XMP) removed; the original is kept unchanged.',
  sha256Copy: 'SHA-256 of the copy sent',
  sizeCopy: 'Size of the copy sent',
  sha256Kept: 'SHA-256 of the original',
  dateTime: (date: string, time: string) => `${date}, ${time} UTC`,
};

export type OriginalsLabels = typeof en;

const ru: OriginalsLabels = {
  page: (first, last) => (first === last ? `с. ${first}` : `с. ${first}–${last}`),
  annex: 'Приложение: исходные файлы',
  annexIntro: 'Каждый исходный файл, из которого взяты источники настоящего документа, хранящийся без изменений с момента добавления, с его отпечатком (SHA-256): отпечаток полученной вами копии должен с ним совпадать.',
  attachedIntro: 'Перечисленные файлы приложены к настоящему документу под указанными именами.',
  zippedIntro: 'Перечисленные файлы направляются вместе с настоящим документом в одном архиве, в папке «files», под указанными именами.',
  source: 'Источник',
  fileName: 'Файл',
  type: 'Тип',
  size: 'Размер',
  bytes: (n) => `${n} байт`,
  sha256: 'SHA-256 файла',
  capturedFrom: 'Откуда получен',
  capturedAt: 'Когда получен',
  addedAt: 'Добавлен в дело',
  addedBy: 'Кем добавлен',
  copyStripped: 'Из направляемой копии удалены сведения о местоположении; исходный файл хранится без изменений.',
  sha256Copy: 'SHA-256 направляемой копии',
  sizeCopy: 'Размер направляемой копии',
  sha256Kept: 'SHA-256 исходного файла',
  dateTime: (date, time) => `${date}, ${time} (всемирное координированное время)`,
};

const kk: OriginalsLabels = {
  page: (first, last) => (first === last ? `${first}-бет` : `${first}–${last}-беттер`),
  annex: 'Қосымша: түпнұсқа файлдар',
  annexIntro: 'Осы құжаттың дереккөздері алынған, қосылған сәттен бері өзгеріссіз сақталған әрбір түпнұсқа файл өз таңбасымен (SHA-256) берілген: сізге келген көшірменің таңбасы онымен сәйкес келуі тиіс.',
  attachedIntro: 'Аталған файлдар осы құжатқа көрсетілген атаулармен тіркелген.',
  zippedIntro: 'Аталған файлдар осы құжатпен бірге бір мұрағатта, оның «files» қалтасында, көрсетілген атаулармен жіберіледі.',
  source: 'Дереккөз',
  fileName: 'Файл',
  type: 'Түрі',
  size: 'Көлемі',
  bytes: (n) => `${n} байт`,
  sha256: 'Файлдың SHA-256',
  capturedFrom: 'Қайдан алынды',
  capturedAt: 'Қашан алынды',
  addedAt: 'Іс материалдарына қосылған уақыты',
  addedBy: 'Кім қосты',
  copyStripped: 'Жіберілген көшірмеден орналасқан жері туралы мәліметтер алынып тасталды; түпнұсқа өзгеріссіз сақталады.',
  sha256Copy: 'Жіберілген көшірменің SHA-256',
  sizeCopy: 'Жіберілген көшірменің көлемі',
  sha256Kept: 'Түпнұсқаның SHA-256',
  dateTime: (date, time) => `${date}, ${time} (үйлестірілген әлемдік уақыт)`,
};

export const originalsLabels: Record<BriefLang, OriginalsLabels> = { en, ru, kk };
