import { defineCommand, noArguments, reportError } from '../command';
import { fileProgress, printReport } from '../passphrase';
import { EXIT } from '../io';
import { runVaultCommand } from '../vaultDoor';

const KEEP_SAFE = 'Keep the passphrase safe: without it these cases cannot be read by anyone, including you.';

export default defineCommand({
  name: 'encrypt',
  usage: 'encrypt',
  summary: 'encrypt the data folder with a new passphrase',
  details: 'The new passphrase comes from $CASEFILE_NEW_PASSPHRASE, else it is typed twice at the prompt. A snapshot is taken first.',
  options: {},
  plan(args, _values, io) {
    noArguments('encrypt', args);
    return {
      own: (dataDir) =>
        runVaultCommand('encrypt', dataDir, io, ({ state, next }) => ({
          // A plain folder opens without a passphrase; one whose encryption was interrupted opens with it, and opening finishes the encryption.
          opensWith: state.state === 'plain' ? undefined : next,
          call: async (dispatch) => {
            if (state.state !== 'plain') {
              const status = await dispatch('vault.status', {});
              if (status.ok && status.value.encrypted) {
                io.stdout(`Finished the encryption of ${dataDir} that was interrupted. ${KEEP_SAFE}`);
                return EXIT.ok;
              }
            }
            const result = await dispatch('vault.encrypt', { passphrase: next }, { onProgress: fileProgress(io, 'Encrypting') });
            if (!result.ok) return reportError(io, result.error);
            printReport(io, result.value.conversion, true);
            io.stdout(`Encrypted ${result.value.conversion.converted} file(s) in ${dataDir}. ${KEEP_SAFE}`);
            return EXIT.ok;
          },
        })),
    };
  },
});
