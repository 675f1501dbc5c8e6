/**
 * The user's copy of the address book, at the top of the data folder. Its own module,
 * free of imports, so the folder layout (crypto/folderLayout) can name it without
 * importing the store.
 */
export const ADDRESSEES_FILE = 'addressees.json';
