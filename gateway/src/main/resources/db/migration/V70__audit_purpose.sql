-- Issue 10: the purpose guard's decision on every request it judged (answered or refused): the verdict (allowed,
-- special-category-topic, personal-special-category, forbidden-purpose:<id>), the layer that made it (rules,
-- classifier, guard-model, guard-unavailable) and its score (0-1, two decimals). No request text.
ALTER TABLE audit_record ADD COLUMN purpose_verdict VARCHAR(200);
ALTER TABLE audit_record ADD COLUMN purpose_layer VARCHAR(32);
ALTER TABLE audit_record ADD COLUMN purpose_score DOUBLE PRECISION;
