-- Issue 15 (bytes per record): the four SHA-256 columns hold their 32 bytes instead of 64 hexadecimal characters
-- (128 bytes less per record; random hex does not compress). The gateway reads and writes them as lowercase hex text,
-- exports and the chain's canonical form are unchanged. H2 has no hex-to-binary function: its own utility method
-- does the conversion of an existing store's rows (one transaction; takes ~a minute per million records).
CREATE ALIAS dw_unhex FOR 'org.h2.util.StringUtils.convertHexToBytes';

ALTER TABLE audit_record ADD COLUMN prev_hash_b BINARY(32);
ALTER TABLE audit_record ADD COLUMN record_hash_b BINARY(32);
ALTER TABLE audit_record ADD COLUMN prompt_hmac_b BINARY(32);
ALTER TABLE audit_record ADD COLUMN answer_hmac_b BINARY(32);
UPDATE audit_record SET prev_hash_b = dw_unhex(prev_hash), record_hash_b = dw_unhex(record_hash),
    prompt_hmac_b = CASE WHEN prompt_hmac IS NULL THEN NULL ELSE dw_unhex(prompt_hmac) END,
    answer_hmac_b = CASE WHEN answer_hmac IS NULL THEN NULL ELSE dw_unhex(answer_hmac) END;
ALTER TABLE audit_record DROP COLUMN prev_hash;
ALTER TABLE audit_record DROP COLUMN record_hash;
ALTER TABLE audit_record DROP COLUMN prompt_hmac;
ALTER TABLE audit_record DROP COLUMN answer_hmac;
ALTER TABLE audit_record ALTER COLUMN prev_hash_b RENAME TO prev_hash;
ALTER TABLE audit_record ALTER COLUMN record_hash_b RENAME TO record_hash;
ALTER TABLE audit_record ALTER COLUMN prompt_hmac_b RENAME TO prompt_hmac;
ALTER TABLE audit_record ALTER COLUMN answer_hmac_b RENAME TO answer_hmac;
ALTER TABLE audit_record ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_record ALTER COLUMN record_hash SET NOT NULL;

DROP ALIAS dw_unhex;
