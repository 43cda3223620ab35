// Word lists for seeded people. Mixed origins so sorting and search behave like a real directory.

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Daniel', 'Nancy', 'Matthew', 'Lisa', 'Anthony', 'Betty', 'Mark', 'Sandra', 'Steven', 'Ashley',
  'Aarav', 'Priya', 'Wei', 'Mei', 'Hiroshi', 'Yuki', 'Mohammed', 'Fatima', 'Carlos', 'Lucia',
  'Mateo', 'Sofia', 'Liam', 'Emma', 'Noah', 'Olivia', 'Lukas', 'Hannah', 'Pierre', 'Camille',
  'Giulia', 'Marco', 'Olga', 'Dmitri', 'Ingrid', 'Sven', 'Chloé', 'José', 'Zoë', 'Siobhan',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Patel', 'Singh', 'Chen', 'Wang', 'Tanaka', 'Suzuki', 'Khan', 'Ali', 'Müller', 'Schmidt',
  'Schneider', 'Fischer', 'Dubois', 'Lefebvre', 'Rossi', 'Russo', 'Ivanov', 'Petrov', 'Nielsen', 'Larsen',
  "O'Brien", 'Murphy', 'Kelly', 'Nguyen', 'Tran', 'Kim', 'Park', 'Silva', 'Santos', 'Costa',
] as const;

/** Department → titles found in it. */
export const DEPARTMENTS: Readonly<Record<string, readonly string[]>> = {
  'Customer Service': ['Agent', 'Senior Agent', 'Team Lead', 'Quality Analyst'],
  Sales: ['Account Executive', 'Sales Representative', 'Sales Manager'],
  Support: ['Support Engineer', 'Technical Support Specialist', 'Support Manager'],
  IT: ['Systems Administrator', 'Telephony Engineer', 'IT Manager'],
  Operations: ['Workforce Analyst', 'Operations Manager', 'Scheduler'],
  Finance: ['Accountant', 'Billing Specialist'],
  'Human Resources': ['HR Partner', 'Recruiter'],
  Marketing: ['Campaign Manager', 'Content Specialist'],
};

/** Contact centres are mostly agents; weights keep that realistic. */
export const DEPARTMENT_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['Customer Service', 55], ['Sales', 12], ['Support', 14], ['IT', 5],
  ['Operations', 6], ['Finance', 3], ['Human Resources', 2], ['Marketing', 3],
];
