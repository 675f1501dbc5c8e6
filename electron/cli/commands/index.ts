import type { Command } from '../command';
import agenda from './agenda';
import annotations from './annotations';
import backup from './backup';
import backups from './backups';
import brief from './brief';
import calendar from './calendar';
import changePassphrase from './change-passphrase';
import conflicts from './conflicts';
import decrypt from './decrypt';
import encrypt from './encrypt';
import exportCommand from './export';
import exportTable from './export-table';
import history from './history';
import importCommand from './import';
import importTable from './import-table';
import info from './info';
import list from './list';
import migrate from './migrate';
import people from './people';
import person from './person';
import purge from './purge';
import recover from './recover';
import restore from './restore';
import search from './search';
import settings from './settings';
import show from './show';
import source from './source';
import verify from './verify';

/** Every command, in the order the help lists them. A new command is a module here: the help, the parser and the tests take it from this list. */
export const COMMANDS: readonly Command[] = [
  importCommand,
  exportCommand,
  importTable,
  exportTable,
  list,
  show,
  annotations,
  source,
  search,
  people,
  person,
  brief,
  agenda,
  calendar,
  history,
  verify,
  conflicts,
  backup,
  backups,
  restore,
  recover,
  purge,
  encrypt,
  changePassphrase,
  decrypt,
  info,
  settings,
  migrate,
] as Command[];

export const commandNamed = (name: string): Command | undefined => COMMANDS.find((c) => c.name === name);
