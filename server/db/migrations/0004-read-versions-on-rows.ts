/**
 * Read state moves onto the rows it describes: the board read then needs no lookup per activity
 * (one index probe per card was most of the plan read's block accesses). Each side's last read
 * version is a column; marking read never writes a version (read state is not history).
 */
export const up = /* sql */ `
  alter table activity
    add column "citizenReadVersion" integer not null default 0,
    add column "navReadVersion" integer not null default 0;
  alter table goal
    add column "citizenReadVersion" integer not null default 0,
    add column "navReadVersion" integer not null default 0;

  update activity set "citizenReadVersion" = rs."readVersion"
    from read_state rs where rs."subjectId" = activity.id and rs.side = 'CITIZEN';
  update activity set "navReadVersion" = rs."readVersion"
    from read_state rs where rs."subjectId" = activity.id and rs.side = 'NAV';
  update goal set "citizenReadVersion" = rs."readVersion"
    from read_state rs where rs."subjectId" = goal."periodId" and rs.side = 'CITIZEN';
  update goal set "navReadVersion" = rs."readVersion"
    from read_state rs where rs."subjectId" = goal."periodId" and rs.side = 'NAV';

  drop table read_state;
`;
