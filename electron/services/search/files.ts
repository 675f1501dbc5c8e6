/**
 * The saved search index, at the top of the data folder. Its own module, free of
 * imports, so the folder layout (crypto/folderLayout) and restore can name it.
 */
export const SEARCH_INDEX_FILE = 'search-index.bin';
