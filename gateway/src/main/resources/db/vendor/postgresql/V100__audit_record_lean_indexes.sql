-- Issue 15: bytes per record (target ≤ 1 KB) and index writes per record.
-- period_month is only grouped by, never searched (the month index served no query); decision has four values, so a
-- filter on it is answered from the time index just as well. The trace id is only ever looked up by equality: a hash
-- index stores a 4-byte hash per row instead of the 36-character id (btree ~74 B per row). The partitions follow
-- the partitioned table's indexes, existing ones too.
DROP INDEX IF EXISTS audit_record_month_idx;
DROP INDEX IF EXISTS audit_record_decision_idx;
DROP INDEX IF EXISTS audit_record_trace_idx;
CREATE INDEX audit_record_trace_idx ON audit_record USING hash (trace_id);
