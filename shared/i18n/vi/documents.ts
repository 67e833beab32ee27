// Words every exported PDF carries (summary table, rosters, results tables): the page numbers at
// the foot and the file's creator metadata.
export const viDocuments = {
  /** "Trang 2/5" at the foot of each page. */
  pageOf: (page: number, pages: number) => `Trang ${page}/${pages}`,
  creator: 'Kiểm Chứng',
  producer: 'Kiểm Chứng (pdf-lib)',
};
