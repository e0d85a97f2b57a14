-- audit49: the records whose answer had several choices, by tenant, for the delivered-turn look-up of choices 1 to 7
-- (V190). Partial: a record without other choices adds no entry; a btree deduplicates the tenant, so an entry costs
-- ~7 bytes (a row pointer). The partitions follow the partitioned table's index.
CREATE INDEX audit_record_choices_idx ON audit_record (tenant) WHERE choice_keys IS NOT NULL;
