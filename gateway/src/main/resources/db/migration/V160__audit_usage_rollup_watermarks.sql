-- Session 45 (audit45): records that reach the store after their day was rolled up (a replica's journal recovered
-- late, a clock behind, a queued write) are counted. Each chain's records are committed in sequence order together
-- with the chain head (ChainAppender's compare-and-set), so "every record of this chain up to seq N" is a precise
-- set: the roll-up holds, for its covered days, exactly the records with seq <= counted_seq of their chain; the
-- query services add the records after it (the late ones and the last hour's) from the records, and the next run
-- adds them to the roll-up as extra rows for their day (the tables have no unique key; the readers sum).
CREATE TABLE audit_usage_rollup_chain (
    chain_id    VARCHAR(64) PRIMARY KEY,
    counted_seq BIGINT      NOT NULL
);

-- The roll-up written before this version did not record which records it had counted: it is rolled up anew from
-- the records on the next run (a purged record's counts go with it; session 44's roll-up is hours old).
DELETE FROM audit_usage_day;
DELETE FROM audit_outcome_day;
DELETE FROM audit_usage_rollup;
-- Moved by every transaction of the roll-up: a reader that sees the same generation before and after its statements
-- read one state of it (DailyUsageRollup.consistently).
ALTER TABLE audit_usage_rollup ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
-- One row always: the roll-up's runs lock it (SELECT ... FOR UPDATE), so two gateways never add the same late records
-- twice. covered_from = covered_to: nothing covered yet.
INSERT INTO audit_usage_rollup (id, covered_from, covered_to, updated_at, generation)
    VALUES (1, '1970-01-01', '1970-01-01', CURRENT_TIMESTAMP, 0);
