import { defineCommand, noArguments, reportError } from '../command';
import { EXIT } from '../io';
import { runVaultCommand } from '../vaultDoor';

export default defineCommand({
  name: 'change-passphrase',
  usage: 'change-passphrase',
  summary: 'change the passphrase (no file is rewritten)',
  details: 'The current passphrase comes from $CASEFILE_PASSPHRASE, the new one from $CASEFILE_NEW_PASSPHRASE; else each is typed at the prompt (the new one twice).',
  options: {},
  plan(args, _values, io) {
    noArguments('change-passphrase', args);
    return {
      own: (dataDir) =>
        runVaultCommand('change-passphrase', dataDir, io, ({ current, next }) => ({
          opensWith: current,
          call: async (dispatch) => {
            const result = await dispatch('vault.changePassphrase', { passphrase: current, newPassphrase: next });
            if (!result.ok) return reportError(io, result.error);
            io.stdout('The passphrase was changed (no case file was rewritten). The old passphrase no longer opens the folder.');
            return EXIT.ok;
          },
        })),
    };
  },
});
