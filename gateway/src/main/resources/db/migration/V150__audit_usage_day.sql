-- Session 44 (year28): the daily roll-up behind the dashboard's and the auditor's aggregates over long periods.
-- One row per UTC day x tenant x endpoint x dimension value (model, department, use_case, tool, decision, action),
-- with the sums the aggregates show; the outcomes (decision x error code x fallback) the dashboard shows in a table of
-- their own. Written by audit.rollup.DailyUsageRollup for closed days only (today is read from audit_record), never
-- on the request path. Counts, not content: a record retention removes later keeps its counts here (the aggregates
-- describe usage; docs/auditor-guide.md). Both stores: plain tables (not partitioned; a year is ~10^4 rows).
CREATE TABLE audit_usage_day (
    period_day        CHAR(10)     NOT NULL,
    period_month      CHAR(7)      NOT NULL,
    tenant            VARCHAR(128),
    endpoint          VARCHAR(32)  NOT NULL,
    dimension         VARCHAR(16)  NOT NULL,
    dim_value         VARCHAR(256),
    requests          BIGINT       NOT NULL,
    refused           BIGINT       NOT NULL,
    redacted          BIGINT       NOT NULL,
    failed            BIGINT       NOT NULL,
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    energy_wh         DOUBLE PRECISION NOT NULL
);
CREATE INDEX audit_usage_day_dim_idx ON audit_usage_day (dimension, period_day);

CREATE TABLE audit_outcome_day (
    period_day   CHAR(10)    NOT NULL,
    tenant       VARCHAR(128),
    endpoint     VARCHAR(32) NOT NULL,
    decision     VARCHAR(16) NOT NULL,
    error_code   VARCHAR(64),
    fallback     BOOLEAN     NOT NULL,
    requests     BIGINT      NOT NULL
);
CREATE INDEX audit_outcome_day_idx ON audit_outcome_day (period_day);

-- The days the roll-up holds: covered_from <= period_day < covered_to (one row, id 1).
CREATE TABLE audit_usage_rollup (
    id           INTEGER      PRIMARY KEY,
    covered_from CHAR(10)     NOT NULL,
    covered_to   CHAR(10)     NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
