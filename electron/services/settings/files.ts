/**
 * The data folder's settings file, at its top. Its own module, free of imports, so
 * the folder layout (crypto/folderLayout) can name it without importing the store.
 */
export const SETTINGS_FILE = 'settings.json';
