-- audit49 (issue 15: at most 1 KB per record, also for answers with n > 1): the other choices' 8-byte keys (choices 1
-- to 7, TurnHasher.choiceKey: the first 8 bytes of each turn hash) packed in the record itself, 8 bytes each in one
-- bytea (57 bytes on disk at n = 8), instead of a row and an index entry per choice in audit_choice_key (~85 B each).
-- NULL for an answer with one choice, refusals and operator records. The keys go with their record: retention removes
-- them by removing it. No index on the keys: the delivered-turn look-up (asked only when an earlier turn would cause
-- a purpose refusal, ADR 0013) reads the keys of the tenant's records that have any, through V191's partial index.
-- Additive (docs/deployment.md §9): a replica before V190 does not write the column and keeps writing and reading
-- audit_choice_key, which this gateway still reads and retention still empties with its records.
ALTER TABLE audit_record ADD COLUMN choice_keys bytea;
