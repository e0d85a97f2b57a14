-- audit47: the other choices of an answer with n > 1 in a slimmer table, so that such a record stays near 1 KB
-- (issue 15): per choice the first 8 bytes of its turn hash as a number, and the record's place (chain, seq). No
-- tenant (the look-up checks it on the record, joined by the record's (chain_id, seq) index) and no (chain_id, seq)
-- index (retention removes the rows by the checkpoint ranges of the records it removed, RetentionJob). The rows of
-- audit_turn_choice move here; the table stays, empty, for replicas before V180 during a rolling update (migrations
-- are additive): the gateway still reads it and removes its rows with their records.
CREATE TABLE audit_choice_key (
    choice_key BIGINT      NOT NULL,
    seq        BIGINT      NOT NULL,
    chain_id   VARCHAR(64) NOT NULL
);
INSERT INTO audit_choice_key (choice_key, seq, chain_id)
    SELECT ('x' || encode(substr(turn_hmac, 1, 8), 'hex'))::bit(64)::bigint, seq, chain_id FROM audit_turn_choice;
DELETE FROM audit_turn_choice;
CREATE INDEX audit_choice_key_idx ON audit_choice_key (choice_key);
