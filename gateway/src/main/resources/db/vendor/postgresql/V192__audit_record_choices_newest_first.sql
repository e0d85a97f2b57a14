-- audit50: the delivered-turn look-up of choices 1 to 7 (V190's packed keys) reads the tenant's answers with other
-- choices newest first and stops after DeliveredTurnQuery.NEWEST_WITH_CHOICES of them, instead of reading all of them
-- (audit49: 0.44-0.77 s at 200,000 such answers, a cold cache beyond a million reaches the look-up's 5-s limit).
-- Replaces V191's index on the tenant alone: the time in the key makes each entry unique (no btree deduplication), so
-- a record with other choices costs ~32 B here instead of ~7 B; a record with one choice still adds no entry. A
-- replica at V191 asks the same predicate without an order and uses this index too.
CREATE INDEX audit_record_choices_newest_idx ON audit_record (tenant, occurred_at) WHERE choice_keys IS NOT NULL;
DROP INDEX audit_record_choices_idx;
