package nl.dijkwacht.config;

import java.time.Duration;
import nl.dijkwacht.identity.IdentityProperties;

/**
 * Start-up bounds of the identity settings that trade availability against safety (identity49; before, fixed in code):
 * how often an identity provider's keys may be fetched, how long known keys serve through its outage, and how often a
 * refusal of an unidentified operator request is recorded. A value outside its bounds stops the start with one sentence
 * ({@link InvalidSettingException}); docs/admin-guide.md ("Identity provider outages") says what each trades off.
 */
final class IdentitySettingsCheck {

    static final Duration MIN_REFETCH = Duration.ofSeconds(5);
    static final Duration MAX_REFETCH = Duration.ofMinutes(10);
    static final Duration MAX_KEEP = Duration.ofHours(24);
    static final Duration MIN_REFUSAL_INTERVAL = Duration.ofSeconds(10);
    static final Duration MAX_REFUSAL_INTERVAL = Duration.ofHours(1);

    private IdentitySettingsCheck() {
    }

    static void check(IdentityProperties identity) {
        Duration refetch = identity.signingKeys().refetchInterval();
        if (refetch.compareTo(MIN_REFETCH) < 0 || refetch.compareTo(MAX_REFETCH) > 0) {
            throw new InvalidSettingException("dijkwacht.identity.signing-keys.refetch-interval",
                    "must lie between 5 seconds and 10 minutes (shorter lets made-up key ids make the gateway ask the identity "
                            + "provider more often; longer keeps a rotated key or a recovered provider unnoticed for longer)",
                    "Use a value such as 30s (the default) or 2m.");
        }
        Duration keep = identity.signingKeys().keepDuringOutage();
        if (keep.compareTo(refetch) < 0 || keep.compareTo(MAX_KEEP) > 0) {
            throw new InvalidSettingException("dijkwacht.identity.signing-keys.keep-during-outage",
                    "must lie between the refetch interval and 24 hours (keys the identity provider may have withdrawn are "
                            + "accepted for this long while it cannot be reached)",
                    "Use a value such as 2h (the default); 0 is not possible — set it to the refetch interval to use known keys as briefly as possible.");
        }
        Duration refusals = identity.unidentifiedRefusalInterval();
        if (refusals.compareTo(MIN_REFUSAL_INTERVAL) < 0 || refusals.compareTo(MAX_REFUSAL_INTERVAL) > 0) {
            throw new InvalidSettingException("dijkwacht.identity.unidentified-refusal-interval",
                    "must lie between 10 seconds and 1 hour (the records of refused, unidentified operator requests are "
                            + "summed up per interval; the count is written when it closes)",
                    "Use a value such as 5m (the default).");
        }
    }
}
