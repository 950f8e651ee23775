-- The read models' tables are written by their projections only, and emptied only all together
-- (a rebuild's TRUNCATE): a figure is inserted in the same batch as its report version, a kept row
-- of a rebuild's comparison is deleted by the rebuild that kept it. Their foreign keys enforced
-- nothing the projections do not, and cost on every insert: a lookup and a row lock on the parent
-- for each row, a third of what PostgreSQL spent on a replay's loss rows, and a lock per row when
-- a rebuild keeps the live rows for its comparison.
DO $$
DECLARE
    constraint_name TEXT;
    table_name      TEXT;
BEGIN
    FOR table_name, constraint_name IN
        SELECT c.conrelid::regclass::text, c.conname
        FROM pg_constraint c
        WHERE c.contype = 'f'
          AND c.conrelid IN (to_regclass('loss_figure'), to_regclass('rebuild_snapshot_row'))
    LOOP
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', table_name, constraint_name);
    END LOOP;
END
$$;
