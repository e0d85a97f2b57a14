-- turns28: the keyed hash (16 bytes, HMAC-SHA256 cut) of the answer the gateway delivered, by which the purpose guard
-- recognises an assistant turn a tool resends (docs/adr: the purpose guard reads the turns the gateway did not write).
-- NULL for refusals and for records written before (no bytes on disk but the null bitmap's bit). Looked up by
-- equality only: a hash index (a 4-byte hash code per row), partial so refusals and operator records add no entry;
-- the partitions follow the partitioned table's index.
ALTER TABLE audit_record ADD COLUMN turn_hmac bytea;
CREATE INDEX audit_record_turn_idx ON audit_record USING hash (turn_hmac) WHERE turn_hmac IS NOT NULL;
