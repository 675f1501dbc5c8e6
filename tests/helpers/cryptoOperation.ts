// A child process for the encryption crash test: runs one folder operation
// (encrypt, decrypt, or a passphrase change) and then waits to be killed. It
// prints "begin" as the operation starts and "end <ms>" once it has finished,
// so the parent knows whether its kill landed mid-operation and how long one takes.
import { changePassphrase, decryptFolder, encryptFolder } from '../../electron/services/crypto/convert';
import { FAST_KDF } from './cryptoFolder';

const [dir, op, passphrase, newPassphrase] = process.argv.slice(2) as [string, 'encrypt' | 'decrypt' | 'rekey', string, string];

process.stdout.write('begin\n');
const start = performance.now();
if (op === 'encrypt') await encryptFolder(dir, passphrase, FAST_KDF);
else if (op === 'decrypt') await decryptFolder(dir, passphrase);
else await changePassphrase(dir, passphrase, newPassphrase);
process.stdout.write(`end ${Math.round(performance.now() - start)}\n`);
setInterval(() => undefined, 1 << 30);
