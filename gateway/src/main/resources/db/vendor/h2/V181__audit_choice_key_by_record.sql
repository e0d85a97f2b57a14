-- audit48: the other choices' keys by their record's place (chain, seq), so that retention removes a range's keys in
-- the range's own transaction, as it removes the range's turn hashes from audit_turn_choice (V170's index), and finds
-- the keys an older gateway left behind by reading each chain's keys up to its last checkpoint, not the whole table as
-- V180's design did once per run. Only answers with more than one choice add rows; the index adds nothing to a record
-- without them.
CREATE INDEX audit_choice_key_record_idx ON audit_choice_key (chain_id, seq);
