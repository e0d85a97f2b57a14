-- audit49 (issue 15): the other choices' 8-byte keys (choices 1 to 7, TurnHasher.choiceKey) packed in the record, 8
-- bytes each; NULL for an answer with one choice. As on PostgreSQL (V190 there), so that both stores keep and look
-- up the other choices the same way; the keys go with their record when retention removes it. A replica before
-- V190 keeps writing and reading audit_choice_key, which this gateway still reads and retention still empties.
ALTER TABLE audit_record ADD COLUMN choice_keys VARBINARY(56);
