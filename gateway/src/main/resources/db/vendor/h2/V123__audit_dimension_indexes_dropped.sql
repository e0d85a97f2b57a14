-- Issue 15 (the embedded store's work per record): every index is one more B-tree that H2 copies on write for each
-- record (the insert copies a leaf and its path, the commit copies it again). Of the (dimension, occurred_at) indexes
-- only the staff member's stays: thousands of pseudonyms, so a person's page and a legal hold on a person need it.
-- Departments, use-cases, tools, models and endpoints are few values each; a page filtered on one walks the time
-- index backwards and stops after a page, as filters on decision, rule and entity type already did (measured over
-- 1,000,000 records: docs/history/benchmark-sessions.md, "h2tree23"). PostgreSQL keeps its deduplicated indexes (V102).
DROP INDEX IF EXISTS audit_record_department_idx;
DROP INDEX IF EXISTS audit_record_use_case_idx;
DROP INDEX IF EXISTS audit_record_tool_idx;
DROP INDEX IF EXISTS audit_record_model_idx;
DROP INDEX IF EXISTS audit_record_endpoint_idx;
