// Saved views of the explorer (issue 5): one id per view; a view reaches its territory by :SHOWS. Safe to re-run.
CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (n:SavedView) REQUIRE n.id IS UNIQUE;
