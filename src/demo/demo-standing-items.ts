/** Section 15 of the source arrangements: the standing items of every Partnership agenda. */
export const PARTNERSHIP_STANDING_ITEMS = [
  'Quality of practice, performance and assurance activity',
  'Serious incidents resulting in local or national learning reviews',
  'Impact of multi-agency learning, development and training on practice and outcomes',
  'Learning from child death reviews',
  "Outcomes of the partnership's work and progress on strategic priorities",
  'Emerging themes from the reference groups',
  'Local and regional policy and procedures',
  'Regional and national safeguarding activity',
] as const;
