-- Issue 15 (pg19: the database's work per audit record). The primary key (id, occurred_at) and the time index
-- (occurred_at, id) held the same two columns in two orders: eleven index and heap writes per record where ten do.
-- Nothing looks a record up by its id alone (the console pages and exports by (occurred_at, id), the chain by
-- (chain_id, seq), a trace by trace_id), so the key itself takes the time order and the time index goes: one btree
-- insert, one WAL record and ~30 bytes of index less per record; the key's uniqueness is the same. The partitions
-- follow the partitioned table's key. The old key's name depends on the history of the schema (V2 renamed the
-- foundation table, whose key kept the name audit_record_pkey), so it is looked up.
DO $$
DECLARE
    old_key text;
BEGIN
    SELECT conname INTO old_key FROM pg_constraint
     WHERE conrelid = 'audit_record'::regclass AND contype = 'p';
    EXECUTE format('ALTER TABLE audit_record DROP CONSTRAINT %I', old_key);
END $$;
ALTER TABLE audit_record ADD CONSTRAINT audit_record_time_key PRIMARY KEY (occurred_at, id);
DROP INDEX IF EXISTS audit_record_time_idx;
