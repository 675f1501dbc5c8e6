import { countryEntry } from '../../../../shared/model/addressees';
import { gap, type Gap, type GapCheck } from './gaps';

// What an urgent action needs that the case may lack: the sheet's number and the date
// to write by (Brief dialog), a country the address book lists officials for (the sheet
// names no body the book does not), and the case's own requests (the model letter asks
// nothing else).

export const checkUrgentAction: GapCheck = (cases, mode, env = {}) => {
  const c = cases[0];
  if (!c) return [];
  const out: Gap[] = [];
  const ua = c.briefing?.urgentAction;
  if (!ua?.number?.trim()) {
    out.push(gap('ua.number', {
      en: 'briefing.urgentAction.number: no UA number. Expected the number the network gives the action, such as "UA 12/26"; the sheet goes out without one.',
      ru: 'briefing.urgentAction.number: нет номера акции. Укажите номер, присвоенный акции, например «UA 12/26»; иначе акция выйдет без номера.',
      kk: 'briefing.urgentAction.number: акция нөмірі жоқ. Акцияға берілген нөмірді көрсетіңіз, мысалы «UA 12/26»; әйтпесе акция нөмірсіз шығады.',
    }, ['briefing', 'urgentAction', 'number']));
  }
  if (!ua?.sendBefore) {
    out.push(gap('ua.sendBefore', {
      en: 'briefing.urgentAction.sendBefore: no date to send appeals before. Expected a date (YYYY-MM-DD); the sheet will not say how long to act.',
      ru: 'briefing.urgentAction.sendBefore: не указана дата, до которой направлять обращения. Укажите дату (ГГГГ-ММ-ДД); иначе акция не скажет, как долго действовать.',
      kk: 'briefing.urgentAction.sendBefore: өтініштерді жіберудің соңғы күні көрсетілмеген. Күнді көрсетіңіз (ЖЖЖЖ-АА-КК); әйтпесе акция қанша уақыт әрекет ету керектігін айтпайды.',
    }, ['briefing', 'urgentAction', 'sendBefore']));
  }
  if (!c.country) {
    out.push(gap('ua.country', {
      en: 'country: the case names no country. Expected its ISO code (KZ, CN…): without it the sheet names no officials to write to.',
      ru: 'country: в деле не указана страна. Укажите её код ISO (KZ, CN…): без него в акции не будет адресатов.',
      kk: 'country: істе ел көрсетілмеген. Оның ISO кодын көрсетіңіз (KZ, CN…): онсыз акцияда хат жазылатын тұлғалар болмайды.',
    }, ['country']));
  } else if (env.addressBook) {
    const entry = countryEntry(env.addressBook, c.country);
    if (!entry || entry.addressees.length === 0) {
      out.push(gap('ua.notInBook', {
        en: `country: the address book lists no officials for ${c.country}. Add them in Settings → Address book; the sheet names no body the book does not list.`,
        ru: `country: в адресной книге нет адресатов для ${c.country}. Добавьте их в «Настройки → Адресная книга»; акция не называет органов, которых нет в книге.`,
        kk: `country: мекенжай кітабында ${c.country} үшін лауазымды тұлғалар жоқ. Оларды «Баптаулар → Мекенжай кітабы» бөлімінде қосыңыз; акция кітапта жоқ органды атамайды.`,
      }, ['country']));
    }
  }
  const requests = mode === 'internal' ? c.requests : c.requests.filter((r) => r.confidential !== true);
  if (requests.length === 0) {
    out.push(gap('ua.requests', {
      en: 'requests: the case has no request this brief may print. Expected at least one, in your words: the sheet asks nothing the case does not, so it goes out without a model letter.',
      ru: 'requests: в деле нет просьб, которые можно напечатать в этом документе. Запишите хотя бы одну своими словами: акция не просит ничего сверх того, о чём просит дело, и выйдет без образца письма.',
      kk: 'requests: істе осы құжатта басуға болатын өтініш жоқ. Кемінде біреуін өз сөзіңізбен жазыңыз: акция іс сұрамағанды сұрамайды және үлгі хатсыз шығады.',
    }, ['requests']));
  }
  return out;
};
