-- audit50: the delivered-turn look-up of choices 1 to 7 (V190's packed keys) reads the tenant's answers with other
-- choices newest first and stops after DeliveredTurnQuery.NEWEST_WITH_CHOICES of them; before, H2 read the whole
-- table. H2 has no partial or expression indexes, so whether a record has other choices is a generated column and the
-- index holds every record (an answer with one choice, a refusal, an operator record too: a few bytes each in the
-- compressed file). The gateway never writes the column.
ALTER TABLE audit_record ADD COLUMN with_choices BOOLEAN GENERATED ALWAYS AS (choice_keys IS NOT NULL);
CREATE INDEX audit_record_choices_newest_idx ON audit_record (tenant, with_choices, occurred_at);
