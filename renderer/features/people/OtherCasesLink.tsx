import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useToast } from '../../components/Toasts';
import { useErrorText } from '../../lib/errors';
import { navigate, routeHref } from '../../lib/router';
import { actorForSpelling } from './actorLookup';
import './people.css';

type Which = 'decision' | 'measure' | 'arrest';

/**
 * "Other cases of this court": from a field naming a court, agency or authority to its
 * page in People and bodies. The index is asked only when the link is followed, so a
 * case with many decisions costs nothing to show.
 */
export function OtherCasesLink({ spelling, which }: { spelling: string | undefined; which: Which }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorOf = useErrorText();
  const name = spelling?.trim() ?? '';
  if (!name) return null;
  const follow = async () => {
    const found = await api['people.list']({ text: name.slice(0, 200), includeConfidential: true, limit: 50 });
    if (!found.ok) return toast({ kind: 'error', message: t('people.loadFailed', { message: errorOf(found.error) }) });
    const actor = actorForSpelling(found.value, name);
    if (actor) navigate({ name: 'actor', key: actor.key });
    else toast({ message: t('people.otherCases.missing', { name }) });
  };
  return (
    <a
      className="actor-link"
      href={routeHref({ name: 'people' })}
      onClick={(e) => {
        e.preventDefault();
        void follow();
      }}
    >
      {t(`people.otherCases.${which}`)}
    </a>
  );
}
