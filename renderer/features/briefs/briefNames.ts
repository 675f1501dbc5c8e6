import type { TFunction } from 'i18next';
import type { BriefLang, BriefTemplate } from '../../../shared/model/brief';

// The names the dialog shows for templates and languages (a language is named in itself).

export const LANG_NAMES: Record<BriefLang, string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

const TEMPLATE_KEY = { case: 'case', wgad: 'wgad', 'urgent-action': 'urgentAction', ngo: 'ngo', multi: 'multi' } as const;

export function templateName(t: TFunction, template: BriefTemplate): string {
  return t(`briefs.templates.${TEMPLATE_KEY[template]}.name`);
}

export function templateHint(t: TFunction, template: BriefTemplate): string {
  return t(`briefs.templates.${TEMPLATE_KEY[template]}.hint`);
}
