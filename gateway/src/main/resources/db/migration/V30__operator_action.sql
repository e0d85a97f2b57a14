-- Issue 8: every administrator and auditor action is a record in the audit chain (endpoint 'operator'): the action
-- (bio_action), its object, result, the operator (actor_pseudonym: key id or oidc:<issuer>:<pseudonym>), role and
-- how signed in (bio_origin) and its non-personal parameters here (name=value pairs; free text only as length and
-- keyed hash). Hashed into the chain only when set, so request records keep their hash.
ALTER TABLE audit_record ADD COLUMN action_params VARCHAR(1000);
CREATE INDEX audit_record_endpoint_idx ON audit_record (endpoint, occurred_at);
