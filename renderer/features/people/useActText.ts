import { useTranslation } from 'react-i18next';
import type { AppearanceAct } from '../../../shared/people';
import { enumLabel } from '../../lib/enumLabels';
import { usePenaltyText } from '../../lib/penaltyText';

/** What an actor did in a case, in the interface's language, from the core's data (never its words). */
export function useActText(): (act: AppearanceAct) => string {
  const { t } = useTranslation();
  const penaltyText = usePenaltyText();
  return (act) => {
    switch (act.kind) {
      case 'decision': {
        const stage = enumLabel(t, 'decisionStage', act.stage);
        return act.penalty ? `${stage}: ${penaltyText(act.penalty)}` : stage;
      }
      case 'detention':
        return enumLabel(t, 'detention', act.status);
      case 'recognition':
        return enumLabel(t, 'recognition', act.label);
      case 'measure':
        return `${enumLabel(t, 'measure', act.type)} (${enumLabel(t, 'measureStatus', act.status)})`;
      case 'event':
        return enumLabel(t, 'event', act.type);
      default:
        return t(`people.act.${act.kind}`);
    }
  };
}
