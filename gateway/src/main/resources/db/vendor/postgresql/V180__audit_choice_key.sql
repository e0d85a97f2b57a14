-- audit47: the other choices of an answer with n > 1 in a slimmer table, so that such a record stays near 1 KB
-- (issue 15): per choice the first 8 bytes of its turn hash as a number, and the record's place (chain, seq). No
-- tenant (the look-up checks it on the record, joined by the record's (chain_id, seq) index) and no (chain_id, seq)
-- index (retention removes the rows by the checkpoint ranges of the records it removed, RetentionJob). The rows of
-- audit_turn_choice are copied here and stay there too (review47): replicas before V180 still run during a rolling
-- update (migrations are additive) and read only that table, so emptying it made them judge the other choices of
-- every earlier answer as turns the gateway did not write. The gateway reads both tables and retention removes the
-- rows of both with their records; a later release empties the old table.
CREATE TABLE audit_choice_key (
    choice_key BIGINT      NOT NULL,
    seq        BIGINT      NOT NULL,
    chain_id   VARCHAR(64) NOT NULL
);
INSERT INTO audit_choice_key (choice_key, seq, chain_id)
    SELECT ('x' || encode(substr(turn_hmac, 1, 8), 'hex'))::bit(64)::bigint, seq, chain_id FROM audit_turn_choice;
CREATE INDEX audit_choice_key_idx ON audit_choice_key (choice_key);
