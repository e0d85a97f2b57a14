-- Issue 15 (bytes per record): the four SHA-256 columns hold their 32 bytes (bytea, 33 bytes on disk) instead of 64
-- hexadecimal characters (65 bytes): 128 bytes less per record. The gateway reads and writes them as lowercase hex
-- text; exports and the chain's canonical form are unchanged. Rewrites every partition of an existing store once.
ALTER TABLE audit_record
    ALTER COLUMN prev_hash TYPE bytea USING decode(prev_hash, 'hex'),
    ALTER COLUMN record_hash TYPE bytea USING decode(record_hash, 'hex'),
    ALTER COLUMN prompt_hmac TYPE bytea USING decode(prompt_hmac, 'hex'),
    ALTER COLUMN answer_hmac TYPE bytea USING decode(answer_hmac, 'hex');
