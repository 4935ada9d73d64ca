/** One thing deploy:check found wrong in a site folder (messages: ./messages.ts). */
export interface Problem {
  kind: 'missing_index' | 'missing_404' | 'broken_link' | 'outside_base' | 'outside_allowance' | 'not_a_site';
  /** the folder, file or page it is about */
  path: string;
  /** the link, the token found, or the file expected */
  detail: string;
}
