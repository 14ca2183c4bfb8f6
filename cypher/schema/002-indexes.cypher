// Indexes the queries need (lookups by name, sector, date). Safe to re-run.
CREATE INDEX structure_name IF NOT EXISTS FOR (n:Structure) ON (n.name);
CREATE INDEX structure_sector IF NOT EXISTS FOR (n:Structure) ON (n.sector);
CREATE INDEX institution_name IF NOT EXISTS FOR (n:Institution) ON (n.name);
CREATE INDEX actor_last_name IF NOT EXISTS FOR (n:Actor) ON (n.lastName);
CREATE INDEX actor_category IF NOT EXISTS FOR (n:Actor) ON (n.category);
CREATE INDEX commune_name IF NOT EXISTS FOR (n:Commune) ON (n.name);
CREATE INDEX work_group_name IF NOT EXISTS FOR (n:WorkGroup) ON (n.name);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE POINT INDEX commune_centroid IF NOT EXISTS FOR (n:Commune) ON (n.centroid);
// People are found by e-mail (spreadsheet import, LOAD CSV scripts, de-duplication).
CREATE INDEX actor_email IF NOT EXISTS FOR (n:Actor) ON (n.email);
