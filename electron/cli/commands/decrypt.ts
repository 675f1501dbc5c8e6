import { defineCommand, noArguments, reportError } from '../command';
import { fileProgress, printReport } from '../passphrase';
import { EXIT } from '../io';
import { runVaultCommand } from '../vaultDoor';

export default defineCommand({
  name: 'decrypt',
  usage: 'decrypt',
  summary: 'turn an encrypted data folder back into plain files',
  details: 'The passphrase comes from $CASEFILE_PASSPHRASE, else it is typed at the prompt. A snapshot is taken first.',
  options: {},
  plan(args, _values, io) {
    noArguments('decrypt', args);
    return {
      own: (dataDir) =>
        runVaultCommand('decrypt', dataDir, io, ({ current }) => ({
          opensWith: current,
          call: async (dispatch) => {
            const result = await dispatch('vault.decrypt', { passphrase: current }, { onProgress: fileProgress(io, 'Decrypting') });
            if (!result.ok) return reportError(io, result.error);
            printReport(io, result.value.conversion, false);
            io.stdout(`Decrypted ${result.value.conversion.converted} file(s) in ${dataDir}. The data folder is no longer encrypted.`);
            return EXIT.ok;
          },
        })),
    };
  },
});
