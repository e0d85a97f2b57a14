-- audit50: the delivered-turn look-up of choices 1 to 7 (V190's packed keys) reads the tenant's answers with other
-- choices newest day first and stops after DeliveredTurnQuery.NEWEST_WITH_CHOICES of them, instead of reading all of
-- them (audit49: 0.44-0.77 s at 200,000 such answers; a cold cache beyond a million reaches the look-up's 5-s limit).
-- Replaces V191's index on the tenant alone. The day (UTC), not the time: a btree deduplicates equal keys, so all of a
-- tenant's answers with choices of one day share one entry and each costs a row pointer (~7 B, as V191's); with the
-- time in the key every entry is unique (~40 B a record measured, taking n = 8 over 1 KB). Within a day the index
-- keeps them in the order of the table (a backward scan: newest written first). A record with one choice adds no
-- entry. A replica at V191 asks the same predicate without an order and uses this index too.
CREATE INDEX audit_record_choices_newest_idx ON audit_record (tenant, ((occurred_at AT TIME ZONE 'UTC')::date))
    WHERE choice_keys IS NOT NULL;
DROP INDEX audit_record_choices_idx;
