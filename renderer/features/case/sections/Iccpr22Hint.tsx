import { useTranslation } from 'react-i18next';

// An NGO case is argued under ICCPR article 22(2), not the WGAD categories (those concern
// detention): the analysis section names the three tests the rights and argument below answer.

const TESTS = ['law', 'aim', 'necessity'] as const;

export function Iccpr22Hint() {
  const { t } = useTranslation();
  return (
    <div className="iccpr22-hint" role="note" aria-labelledby="iccpr22-hint-title">
      <p id="iccpr22-hint-title" className="field-label">
        {t('layout15.iccpr22Title')}
      </p>
      <p className="field-hint">{t('layout15.iccpr22Intro')}</p>
      <ol className="iccpr22-tests">
        {TESTS.map((test) => (
          <li key={test}>{t(`layout15.iccpr22Tests.${test}`)}</li>
        ))}
      </ol>
    </div>
  );
}
