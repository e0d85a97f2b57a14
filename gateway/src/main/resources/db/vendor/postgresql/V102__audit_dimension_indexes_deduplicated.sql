-- Issue 15 (bytes per record): on PostgreSQL the per-dimension indexes hold the dimension alone, not (dimension,
-- occurred_at). A btree stores a repeated key once with a list of row pointers (deduplication), so each costs ~7 bytes
-- per record instead of 32-70. The planner still has what an auditor's page needs: a rare value (one staff member) is
-- found through its index and the few rows sorted (top-N), a common value (a department) by walking the time index
-- backwards (measured over 1,000,000 records: docs/benchmarks.md, "Audit store cost"). The embedded H2 store keeps
-- (dimension, occurred_at): H2 does not deduplicate, and it walks that index in page order.
DROP INDEX IF EXISTS audit_record_actor_idx;
DROP INDEX IF EXISTS audit_record_department_idx;
DROP INDEX IF EXISTS audit_record_tool_idx;
DROP INDEX IF EXISTS audit_record_use_case_idx;
DROP INDEX IF EXISTS audit_record_model_idx;
DROP INDEX IF EXISTS audit_record_endpoint_idx;
CREATE INDEX audit_record_actor_idx ON audit_record (actor_pseudonym);
CREATE INDEX audit_record_department_idx ON audit_record (department);
CREATE INDEX audit_record_tool_idx ON audit_record (tool_id);
CREATE INDEX audit_record_use_case_idx ON audit_record (use_case);
CREATE INDEX audit_record_model_idx ON audit_record (model_id);
CREATE INDEX audit_record_endpoint_idx ON audit_record (endpoint);
