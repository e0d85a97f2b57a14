-- turns28: the keyed hash (16 bytes, HMAC-SHA256 cut) of the answer the gateway delivered, by which the purpose guard
-- recognises an assistant turn a tool resends (docs/adr: the purpose guard reads the turns the gateway did not write).
-- NULL for refusals and for records written before. Looked up by equality within a tenant: one index on the hash.
ALTER TABLE audit_record ADD COLUMN turn_hmac BINARY(16);
CREATE INDEX audit_record_turn_idx ON audit_record (turn_hmac);
