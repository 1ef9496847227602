/** What the two readers (table, prose) hand to the importer before interpretation. */
export interface RawTask {
  id: string;
  /** id of the section as written (`(一)`), or null */
  section: string | null;
  /** the task as it is to be listed: the table cell, or the first sentence of a prose task */
  text: string;
  /** everything the task says (where targets and deadlines are looked for) */
  body: string;
  /** the 完成时限和目标 cell, for tables */
  scheduleText?: string;
  /** the responsibility texts, one per group, as written */
  groups: string[];
  line: number;
  /** a 完成时限 cell without yearly steps (`全年`, `年底前`, `持续推进`) */
  deadlineText?: string;
  /** 1-based line the task's text ends on */
  endLine?: number;
  /** unit names the reader had to tell apart itself (`教育局经开区…` run together): shown for checking */
  unclear?: string[];
}

export interface RawSection {
  id: string;
  title: string;
}

export interface RawReading {
  sections: RawSection[];
  tasks: RawTask[];
  /** lines the reader could not place, with why */
  skipped: Array<{ line: number; text: string }>;
}
