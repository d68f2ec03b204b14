/** The data browser's pages; page 1 is left out of the URL. */
export function dataPath(projectId: string): string {
  return `/projects/${projectId}/data`;
}

export function collectionPath(projectId: string, collection: string, page = 1): string {
  const path = `${dataPath(projectId)}/${encodeURIComponent(collection)}`;
  return page > 1 ? `${path}?page=${page}` : path;
}
