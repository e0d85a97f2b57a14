package nl.dijkwacht.limits;

import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import nl.dijkwacht.identity.Caller;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.policy.LimitsPolicy;
import nl.dijkwacht.policy.LimitsPolicy.Kind;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import nl.dijkwacht.policy.PolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits of limits.yaml applied to one caller: every scope the request belongs to (its tenant, tool, use-case,
 * department and user — all taken from the verified caller, never from a free header) has buckets of its own, and a
 * request must fit in all of them. Charging is all-or-nothing: each bucket is atomic (Bucket4j), the buckets are
 * charged in parallel, and when one refuses, what the others gave is given back.
 *
 * <p>Token budgets are reserved with an estimate before the model call ({@link #reserveTokens}) and settled with the
 * usage the model reported afterwards ({@link #settle}): the difference is taken (the budget may then go below zero,
 * which refuses the next request) or given back.
 */
public final class CallerLimits {

    /** {@code Scope.values()} copies its array at every call, and every request's charges walk the scopes. */
    private static final Scope[] SCOPES = Scope.values();

    private static final Logger log = LoggerFactory.getLogger(CallerLimits.class);
    /** What {@link #plainKey} accepts, as a regular expression (the tests compare the two). */
    static final Pattern PLAIN_KEY = Pattern.compile("[\\p{L}\\p{N} ._@+-]{1,64}");
    /** Key prefix of the warm-up's buckets ({@link Caller#warmUp()}); a real key starts with a tenant id, never with '~'. */
    static final String WARM_UP_KEYS = "~warm-up:";
    /**
     * The limit of every warm-up bucket, whatever limits.yaml says: the warm-up still charges its buckets (that code
     * is on the path it warms), but a tool's cap of, say, 1,200 a minute must not refuse it after a few seconds and
     * send the rest of it around the HTTP layer (docs/history/benchmark-sessions.md, "Session 26 — start-up").
     */
    static final long WARM_UP_LIMIT = 1_000_000_000L;

    private final BucketStore store;
    private final UnaryOperator<String> userPseudonym;
    private final LimitsPolicy builtIn;
    private final Clock clock;
    private final ConfigurationVersions versions = new ConfigurationVersions();
    private final CalendarPeriods periods = new CalendarPeriods();
    /** Settlements Redis refused while it was away, applied when it is back ({@link #retrySettlements}). */
    private final PendingSettlements pending;
    /** Tenants that made requests (a handful: they come from the verified caller, never from a free header). */
    private final java.util.Set<String> tenants = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param userPseudonym     keyed pseudonym of a user id, so bucket keys (in Redis too) never hold the id itself
     * @param userRequestsPerMinute per-user limit of a policy pack without limits.yaml (see {@link LimitsPolicy#builtIn})
     */
    public CallerLimits(BucketStore store, UnaryOperator<String> userPseudonym, long userRequestsPerMinute, Clock clock) {
        this.store = store;
        this.userPseudonym = userPseudonym;
        this.builtIn = LimitsPolicy.builtIn(userRequestsPerMinute);
        this.clock = clock;
        this.pending = new PendingSettlements(store, PendingSettlements.MAX_PENDING);
    }

    /** The limits in force for a policy snapshot: its limits.yaml, or the built-in limits when it has none. */
    public LimitsPolicy limitsOf(PolicySet policy) {
        return policy.limits() != null ? policy.limits() : builtIn;
    }

    /** Takes one request from every requests-per-minute bucket of the caller (429 when one is empty). */
    Outcome chargeRequests(Exchange exchange) {
        Instant now = clock.instant();
        return charge(exchange, charges(exchange, List.of(Kind.REQUESTS_PER_MINUTE), 1, now), "rate-limit", REQUEST_HEADERS, now);
    }

    /**
     * Reserves the estimated tokens in every token budget of the caller (429 when one cannot hold them). The
     * estimate is only made when the caller has a token budget at all.
     */
    Outcome reserveTokens(Exchange exchange, java.util.function.LongSupplier estimate) {
        return reserveTokens(exchange, estimate, null);
    }

    /**
     * The same with two estimates: {@code bound} is a cheap estimate that is never
     * below {@code counted}: it is reserved first, and only when it does not fit is the request counted exactly and
     * tried again — so a request is refused exactly when its counted estimate does not fit, while most requests are
     * never tokenised. Settling corrects the reservation with the reported usage (or, without one, the count).
     */
    Outcome reserveTokens(Exchange exchange, java.util.function.LongSupplier bound, java.util.function.LongSupplier counted) {
        Instant now = clock.instant();
        List<Kind> kinds = List.of(Kind.TOKENS_PER_DAY, Kind.TOKENS_PER_MONTH);
        // the caller's budgets, worked out once: the reservations below differ only in the amount
        List<Charge> budgets = charges(exchange, kinds, 0, now);
        if (budgets.isEmpty()) {
            return Outcome.CONTINUE;
        }
        long upper = bound.getAsLong();
        Outcome outcome = charge(exchange, withAmount(budgets, upper), "token-budget", TOKEN_HEADERS, now);
        if (outcome instanceof Outcome.Continue) {
            exchange.tokensReserved(upper, now);
            exchange.tokensCounted(counted);
            return outcome;
        }
        if (counted == null || outcome instanceof Outcome.Deny deny && deny.rule().endsWith(":unavailable")) {
            return outcome;
        }
        long estimate = counted.getAsLong();
        if (estimate >= upper) {
            return outcome;
        }
        outcome = charge(exchange, withAmount(budgets, estimate), "token-budget", TOKEN_HEADERS, now);
        if (outcome instanceof Outcome.Continue) {
            exchange.tokensReserved(estimate, now);
        }
        return outcome;
    }

    private static List<Charge> withAmount(List<Charge> charges, long amount) {
        List<Charge> out = new ArrayList<>(charges.size());
        for (Charge c : charges) {
            out.add(new Charge(c.scope(), c.subject(), c.kind(), c.key(), c.limit(), amount, c.periodEnd()));
        }
        return out;
    }

    /** The x-ratelimit-* header names of one family ({@code requests}, {@code tokens}), made once. */
    private record HeaderNames(String limit, String remaining, String reset) {
        static HeaderNames of(String family) {
            return new HeaderNames("x-ratelimit-limit-" + family, "x-ratelimit-remaining-" + family, "x-ratelimit-reset-" + family);
        }
    }

    private static final HeaderNames REQUEST_HEADERS = HeaderNames.of("requests");
    private static final HeaderNames TOKEN_HEADERS = HeaderNames.of("tokens");

    /** Charges all, puts the family's x-ratelimit-* headers on the exchange, and answers for step {@code step}. */
    private Outcome charge(Exchange exchange, List<Charge> charges, String step, HeaderNames family, Instant now) {
        Verdict verdict;
        try {
            verdict = chargeAll(charges, versions.of(limitsOf(exchange.policy())), now);
        } catch (CompletionException e) {
            return unavailable(e, step);
        }
        headers(exchange, verdict, family, now);
        return verdict.allowed() ? Outcome.CONTINUE : deny(step, verdict.refused(), now);
    }

    /**
     * Settles the reservation with what was used: takes the tokens used beyond the estimate, gives back the rest.
     * Used is the usage the model reported; for a stream that failed after it started, the prompt's count and the
     * output streamed so far ({@link StreamedOutput#failed}, ADR 0012); nothing for a request that failed before the
     * model's first byte; one that answered without reporting usage keeps the estimate. A settlement Redis refused
     * while away or that timed out waits in a bounded queue ({@link PendingSettlements}) and is applied at most once. Never throws: the answer has been given,
     * settling must not spoil it.
     */
    public void settle(Exchange exchange) {
        long reserved = exchange.tokensReserved();
        if (reserved <= 0) {
            return;
        }
        Instant reservedAt = exchange.tokensReservedAt();
        exchange.tokensReserved(0, null);
        long used = (long) exchange.promptTokens() + exchange.completionTokens();
        boolean answered = exchange.upstreamStatus() != null && exchange.upstreamStatus() == 200;
        if (used == 0 && answered) {
            // no usage reported: the estimate stands — counted now when the reservation was only the cheap bound
            if (exchange.tokensCounted() == null) {
                return;
            }
            used = exchange.tokensCounted().getAsLong();
        }
        long difference = used - reserved;
        if (difference == 0) {
            return;
        }
        // the periods of the reservation, not of now: a request that ran past midnight settles yesterday's budget.
        // Not those of receivedAt() either: a request received just before midnight may reserve just after it.
        List<Charge> charges = charges(exchange, List.of(Kind.TOKENS_PER_DAY, Kind.TOKENS_PER_MONTH),
                Math.abs(difference), reservedAt);
        long version = versions.of(limitsOf(exchange.policy()));
        String id = settlementId();
        try {
            store.settle(charges, difference > 0, version, id);
        } catch (CompletionException e) {
            pending.failed(new PendingSettlements.Settlement(charges, difference > 0, version, exchange.traceId(), id, null), e,
                    clock.instant());
        }
    }

    /**
     * A settlement's idempotency key: two draws of the thread's random generator (its state is 64 bits, so 64 bits of
     * uniqueness), enough that two settlements alive within one marker's lifetime never share one.
     */
    private static String settlementId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        java.util.HexFormat hex = java.util.HexFormat.of();
        return hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong());
    }

    /**
     * Applies the settlements that wait for Redis, in order, while it takes them; does nothing (no round trip) when none
     * waits. Called every second by {@code SettlementRetry}. Returns how many were applied.
     */
    public int retrySettlements() {
        return pending.size() == 0 ? 0 : pending.drain(clock.instant());
    }

    /** Settlements waiting for Redis ({@code dijkwacht_budget_settlements_pending}). */
    public int pendingSettlements() {
        return pending.size();
    }

    /** Outages of the limits store that made settlements wait ({@code dijkwacht_budget_settlements_outages_total}). */
    public long settlementOutages() {
        return pending.outages();
    }

    /** Settlements given up: outcome unknown, queue full or periods over ({@code dijkwacht_budget_settlements_lost_total}). */
    public long lostSettlements() {
        return pending.lost();
    }

    // ---------------------------------------------------------------- charging

    private Verdict chargeAll(List<Charge> charges, long version, Instant now) {
        if (charges.isEmpty()) {
            return Verdict.NOTHING;
        }
        List<ConsumptionProbe> probes = store.chargeAll(charges, version);
        List<Verdict.Drawn> drawn = new ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            drawn.add(new Verdict.Drawn(charges.get(i), probes.get(i)));
        }
        return Verdict.of(drawn, now);
    }

    /** One charge per scope of the caller and per kind that scope limits. */
    private List<Charge> charges(Exchange exchange, List<Kind> kinds, long amount, Instant at) {
        LimitsPolicy limits = limitsOf(exchange.policy());
        String tenant = exchange.caller().tenant();
        // the start-up warm-up's requests take the same path through buckets of their own: no real quota is spent
        String keyPrefix = exchange.caller().warmUp() ? WARM_UP_KEYS : "";
        if (keyPrefix.isEmpty()) {
            tenants.add(tenant);
        }
        List<Charge> charges = new ArrayList<>();
        for (Scope scope : SCOPES) {
            String subject = subject(exchange, scope);
            if (subject != null) {
                addCharges(limits, keyPrefix, tenant, scope, subject, kinds, amount, at, charges);
            }
        }
        return charges;
    }

    private void addCharges(LimitsPolicy limits, String keyPrefix, String tenant, Scope scope, String subject, List<Kind> kinds,
                            long amount, Instant at, List<Charge> charges) {
        LimitsPolicy.Values values = limits.limitsOf(scope, subject);
        String member = null;
        String tenantPart = null;
        CalendarPeriods.Day day = null;
        for (Kind kind : kinds) {
            Long limit = values.amount(kind);
            if (limit == null) {
                continue;
            }
            if (!keyPrefix.isEmpty()) {
                limit = WARM_UP_LIMIT;
            }
            if (member == null) {
                member = scope == Scope.USER ? userPseudonym.apply(subject) : keyPart(subject);
                tenantPart = keyPart(tenant);
            }
            String key;
            Instant periodEnd;
            if (kind == Kind.REQUESTS_PER_MINUTE) {
                key = keyPrefix + tenantPart + ':' + scope.yamlName() + ':' + member + ':' + kind.yamlName();
                periodEnd = null;
            } else {
                if (day == null) {
                    day = periods.at(at, limits.timeZone());
                }
                boolean daily = kind == Kind.TOKENS_PER_DAY;
                key = keyPrefix + tenantPart + ':' + scope.yamlName() + ':' + member + ':' + kind.yamlName() + ':'
                        + (daily ? day.dayKey() : day.monthKey());
                periodEnd = daily ? day.dayEnd() : day.monthEnd();
            }
            charges.add(new Charge(scope, subject, kind, key, limit, amount, periodEnd));
        }
    }

    /**
     * The share of each token budget of the tenants seen so far that is used in its current period (0 = untouched,
     * 1 = spent, above 1 when answers ran over): the {@code dijkwacht_budget_used_ratio} gauge. Keys
     * {@code tenant -> kind}; only budgets the tenant's own limits.yaml sets for the tenant scope.
     *
     * @param policyOf the policy in force for a tenant id ({@code null}: a tenant no longer configured, skipped)
     */
    public Map<String, Map<Kind, Double>> tenantBudgetUse(java.util.function.Function<String, PolicySet> policyOf) {
        Instant now = clock.instant();
        Map<String, Map<Kind, Double>> use = new java.util.TreeMap<>();
        for (String tenant : tenants) {
            PolicySet policy = policyOf.apply(tenant);
            if (policy == null) {
                continue;
            }
            LimitsPolicy limits = limitsOf(policy);
            long version = versions.of(limits);
            List<Charge> budgets = new ArrayList<>();
            addCharges(limits, "", tenant, Scope.TENANT, tenant, List.of(Kind.TOKENS_PER_DAY, Kind.TOKENS_PER_MONTH), 0, now, budgets);
            Map<Kind, Double> shares = new java.util.EnumMap<>(Kind.class);
            for (Charge budget : budgets) {
                long available = store.available(budget, version);
                shares.put(budget.kind(), (double) (budget.limit() - available) / budget.limit());
            }
            if (!shares.isEmpty()) {
                use.put(tenant, shares);
            }
        }
        return use;
    }

    private static String subject(Exchange exchange, Scope scope) {
        Caller caller = exchange.caller();
        String subject = switch (scope) {
            case TENANT -> caller.tenant();
            case TOOL -> caller.toolId();
            case USE_CASE -> exchange.useCase() == null ? null : exchange.useCase().id();
            case DEPARTMENT -> caller.department();
            case USER -> caller.userId();
        };
        return subject == null || subject.isBlank() ? null : subject;
    }

    /**
     * {@link #PLAIN_KEY} without a regex engine (it ran several times per request): 1 to 64 code points, each a letter,
     * a number or one of {@code " ._@+-"}.
     */
    static boolean plainKey(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (++count > 64) {
                return false;
            }
            boolean ok = switch (cp) {
                case ' ', '.', '_', '@', '+', '-' -> true;
                default -> {
                    int type = Character.getType(cp);
                    yield Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                            || type == Character.OTHER_NUMBER;
                }
            };
            if (!ok) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return count > 0;
    }

    /** Readable names stay readable in Redis; long or odd ones (they may come from a token claim) become a hash. */
    private static String keyPart(String value) {
        if (value != null && plainKey(value)) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return "h-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- answers

    private static void headers(Exchange exchange, Verdict verdict, HeaderNames family, Instant now) {
        Verdict.Drawn tightest = verdict.tightest();
        if (tightest == null) {
            return;
        }
        long remaining = tightest.probe().isConsumed() ? tightest.probe().getRemainingTokens()
                : Math.min(tightest.probe().getRemainingTokens(), tightest.charge().limit());
        exchange.rateLimitHeader(family.limit(), Long.toString(tightest.charge().limit()));
        exchange.rateLimitHeader(family.remaining(), Long.toString(Math.max(0, remaining)));
        exchange.rateLimitHeader(family.reset(), RateLimitHeaders.duration(tightest.untilReset(now)));
    }

    private static Outcome deny(String step, Verdict.Drawn refused, Instant now) {
        Charge charge = refused.charge();
        Duration wait = refused.untilFits(now);
        String rule = step + ':' + charge.scope().yamlName() + ':' + charge.kind().yamlName();
        Refusal refusal = Refusal.rateLimited(charge.kind() == Kind.REQUESTS_PER_MINUTE ? "rate_limit_exceeded" : "token_budget_exceeded",
                RefusalTexts.message(charge, wait));
        if (wait != null) {
            refusal = refusal.withRetryAfter(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
        }
        return Outcome.deny(refusal, rule);
    }

    private static Outcome unavailable(CompletionException e, String step) {
        log.error("limits unavailable ({}): {}", step, e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
        return Outcome.deny(Refusal.unavailable("limits_unavailable",
                "Dijkwacht kan de gebruikslimieten nu niet controleren en stuurt het verzoek daarom niet door. Probeer het over een minuut opnieuw."),
                step + ":unavailable");
    }

    /**
     * Gives each loaded limits.yaml a version that only grows, so buckets take a changed limit at their next use
     * (ADDITIVE: raising a limit from 100 to 150 adds 50). Versions go by instance (a reload makes a new one; weak
     * keys compare by identity), so a request still holding an older snapshot never puts its old limits back.
     */
    private static final class ConfigurationVersions {
        /*
         * The cache's upkeep runs on the thread that asked, as BucketStore's does (first17): on Caffeine's default, the
         * common fork-join pool, every few reads woke a pool thread to drain the read buffer — three reads per request,
         * about 1 % of a request's CPU (perf46).
         */
        private final com.github.benmanes.caffeine.cache.Cache<LimitsPolicy, Long> seen =
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(64).executor(Runnable::run).build();
        private long last;
        /** The limits asked for last and their version: nearly every request asks for the snapshot in force. */
        private volatile Latest latest;

        private record Latest(LimitsPolicy limits, long version) { }

        long of(LimitsPolicy limits) {
            Latest known = latest;
            if (known != null && known.limits() == limits) {
                return known.version();
            }
            Long version = seen.getIfPresent(limits);
            long v = version != null ? version : assign(limits);
            latest = new Latest(limits, v);
            return v;
        }

        private synchronized long assign(LimitsPolicy limits) {
            return seen.get(limits, l -> {
                last = Math.max(System.currentTimeMillis(), last + 1);
                return last;
            });
        }
    }
}
