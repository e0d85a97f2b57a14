-- Issue 15: every index is written on every audit record (on the embedded store: a page per index per commit).
-- period_month is only grouped by, never searched (the month index served no query); decision has four values, so a
-- filter on it is answered from the time index just as well. The other indexes serve the auditor's filters
-- (trace, person, department, tool, use-case, model), the keyset pages (time) and verification (chain).
DROP INDEX IF EXISTS audit_record_month_idx;
DROP INDEX IF EXISTS audit_record_decision_idx;
