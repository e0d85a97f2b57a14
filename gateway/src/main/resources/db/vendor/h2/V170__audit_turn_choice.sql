-- turns45: the keyed hashes of the other choices of an answer with n > 1 (choices 1 to 7; choice 0's is the record's
-- turn_hmac), so that a tool that lets staff pick the second choice and continue is recognised as well. Written in the
-- record's transaction, removed with it by retention (chain_id, seq); only answers with more than one choice add rows.
CREATE TABLE audit_turn_choice (
    chain_id   VARCHAR(64)  NOT NULL,
    seq        BIGINT       NOT NULL,
    tenant     VARCHAR(128),
    turn_hmac  BINARY(16)   NOT NULL
);
CREATE INDEX audit_turn_choice_turn_idx ON audit_turn_choice (turn_hmac);
CREATE INDEX audit_turn_choice_chain_idx ON audit_turn_choice (chain_id, seq);
