import { useTranslation } from 'react-i18next';
import type { OriginalMetadata } from '../../../shared/contract';
import type { SourceFile } from '../../../shared/model';
import { useFormat } from '../../i18n/format';

type Props = { file: SourceFile; metadata?: OriginalMetadata | undefined };

/** The original's intake record as it will be kept (Source.file), and what the photo itself says. */
export function IntakeRecord({ file, metadata }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const gps = metadata?.gps;
  const rows: [string, string][] = [
    [t('original.intake.name'), file.name],
    [t('original.intake.type'), file.mediaType],
    [t('original.intake.size'), t('original.intake.bytes', { n: format.number(file.size) })],
    [t('original.intake.sha256'), file.sha256],
    [t('original.intake.addedAt'), format.dateTime(file.addedAt)],
    ...(file.addedBy ? [[t('original.intake.addedBy'), file.addedBy] as [string, string]] : []),
    ...(file.textBy ? [[t('original.intake.textBy'), t(`original.intake.textByValue.${file.textBy}`)] as [string, string]] : []),
    ...(file.pages ? [[t('original.intake.pages'), format.number(file.pages)] as [string, string]] : []),
    ...(metadata?.camera ? [[t('original.intake.camera'), metadata.camera] as [string, string]] : []),
    ...(metadata?.takenAt ? [[t('original.intake.takenAt'), format.dateTime(metadata.takenAt)] as [string, string]] : []),
  ];
  return (
    <section className="intake-record" aria-label={t('original.intake.record')}>
      {gps && (
        <p className="intake-gps" role="alert">
          {t('original.intake.gpsWarning', { latitude: gps.latitude.toFixed(6), longitude: gps.longitude.toFixed(6) })}
        </p>
      )}
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd className={k === t('original.intake.sha256') ? 'is-hash' : undefined}>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
