export { ADDRESSEES_FILE } from '../disk/folderLayout';
export { readAddressBook, writeAddressBook, addresseesFor, type AddressBookRead } from './addressBook';
export { loadSeedAddressBook } from './seed';
