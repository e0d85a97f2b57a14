package nl.dijkwacht.audit.query;

import nl.dijkwacht.audit.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.dijkwacht.audit.chain.ChainVerifier;
import nl.dijkwacht.audit.chain.VerifyReport;
import nl.dijkwacht.audit.oversight.Oversight;
import nl.dijkwacht.audit.oversight.RowsVerification;

/**
 * Verifies the audit trail for the auditor API and the console alike: every chain (or one, optionally against an
 * anchor kept outside the database) plus the keyed MACs of reviews and complaints. Never reassures about nothing:
 * an unknown chain is an error, not "ok with 0 records checked". Remembers the last full result, so the dashboard
 * can show the chain status without walking a million records on every page load.
 */
public final class AuditVerification {

    private final ChainVerifier verifier;
    private final Oversight oversight;
    private final Clock clock;
    private volatile Result last;

    public AuditVerification(ChainVerifier verifier, Oversight oversight, Clock clock) {
        this.verifier = verifier;
        this.oversight = oversight;
        this.clock = clock;
    }

    /** {@code ok} only when every chain and every review/complaint row checks out. */
    public record Result(boolean ok, List<VerifyReport> chains, RowsVerification reviewsAndComplaints, Instant checkedAt) {

        public Result {
            chains = List.copyOf(chains);
        }

        /** The first chain problem, if any (the console points at it). */
        public Optional<VerifyReport> firstBroken() {
            return chains.stream().filter(c -> !c.ok()).findFirst();
        }
    }

    /** An anchor (seq and hash of a link recorded earlier outside the database). */
    public record Anchor(long seq, String hash) {

        /**
         * Both parts or neither: half an anchor would silently check nothing.
         *
         * @return the anchor, or null when neither part is given
         * @throws IllegalArgumentException with a Dutch message when one part is missing or the seq is not a number
         */
        public static Anchor parse(String seq, String hash) {
            boolean hasSeq = seq != null && !seq.isBlank();
            boolean hasHash = hash != null && !hash.isBlank();
            if (!hasSeq && !hasHash) {
                return null;
            }
            if (!hasSeq || !hasHash) {
                throw new IllegalArgumentException("Een anker bestaat uit anchor_seq én anchor_hash (uit /audit/v1/chain/head); "
                        + "geef beide of geen van beide.");
            }
            long n;
            try {
                n = Long.parseLong(seq.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("anchor_seq moet een geheel getal zijn (het volgnummer uit /audit/v1/chain/head).");
            }
            if (n < 1) {
                throw new IllegalArgumentException("anchor_seq moet 1 of groter zijn.");
            }
            if (!hash.strip().matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("anchor_hash moet een hash van 64 hexadecimale tekens zijn (uit /audit/v1/chain/head).");
            }
            return new Anchor(n, hash.strip());
        }
    }

    /**
     * Where to resume ({@code from_seq} and {@code from_hash}: the {@code last_seq} and {@code last_hash} of an earlier
     * verification, kept outside the database): the walk checks only the links after it.
     *
     * @return the resume point, or null when neither part is given
     * @throws IllegalArgumentException with a Dutch message when one part is missing or malformed
     */
    public static ChainVerifier.Resume parseResume(String seq, String hash) {
        boolean hasSeq = seq != null && !seq.isBlank();
        boolean hasHash = hash != null && !hash.isBlank();
        if (!hasSeq && !hasHash) {
            return null;
        }
        if (!hasSeq || !hasHash) {
            throw new IllegalArgumentException("Verder controleren vanaf een eerdere controle vraagt from_seq én from_hash "
                    + "(last_seq en last_hash uit die controle); geef beide of geen van beide.");
        }
        long n;
        try {
            n = Long.parseLong(seq.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("from_seq moet een geheel getal zijn (last_seq uit een eerdere controle).");
        }
        if (n < 1) {
            throw new IllegalArgumentException("from_seq moet 1 of groter zijn.");
        }
        if (!hash.strip().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("from_hash moet een hash van 64 hexadecimale tekens zijn (last_hash uit een eerdere controle).");
        }
        return new ChainVerifier.Resume(n, hash.strip());
    }

    public List<String> chains() {
        return verifier.chains();
    }

    public boolean knows(String chainId) {
        return verifier.chains().contains(chainId);
    }

    /** Every chain, and the review/complaint rows. */
    public Result verifyAll() {
        Result result = new Result(false, verifier.verifyAll(), oversight.verifyRows(), clock.instant());
        result = new Result(allOk(result), result.chains(), result.reviewsAndComplaints(), result.checkedAt());
        last = result;
        return result;
    }

    /** The chains one tenant may see (its own), and the review/complaint rows; not remembered as the last full result. */
    public Result verifyAll(java.util.function.Predicate<String> chainInScope, TenantScope scope) {
        List<VerifyReport> reports = verifier.chains().stream().filter(chainInScope).map(c -> verifier.verify(c, null, null)).toList();
        Result result = new Result(false, reports, oversight.verifyRows(scope), clock.instant());
        return new Result(allOk(result), result.chains(), result.reviewsAndComplaints(), result.checkedAt());
    }

    /**
     * One chain, optionally against an anchor.
     *
     * @throws UnknownChainException when no chain has this id
     */
    public Result verify(String chainId, Anchor anchor) {
        return verify(chainId, anchor, c -> true, TenantScope.everything());
    }

    /**
     * One chain of those in scope (another tenant's chain is unknown to the caller).
     *
     * @throws UnknownChainException when no chain in scope has this id
     */
    public Result verify(String chainId, Anchor anchor, java.util.function.Predicate<String> chainInScope, TenantScope scope) {
        return verify(chainId, anchor, null, chainInScope, scope);
    }

    /**
     * As {@link #verify(String, Anchor, java.util.function.Predicate, TenantScope)}, resuming after {@code from} (an
     * earlier verification's last link) when given: a year's chain need not be walked again from its first record.
     */
    public Result verify(String chainId, Anchor anchor, ChainVerifier.Resume from, java.util.function.Predicate<String> chainInScope,
                         TenantScope scope) {
        if (!chainInScope.test(chainId) || !knows(chainId)) {
            throw new UnknownChainException(chainId, verifier.chains().stream().filter(chainInScope).toList());
        }
        if (from != null && anchor != null && anchor.seq() <= from.seq()) {
            throw new IllegalArgumentException("Het anker (anchor_seq) ligt vóór het punt waarvandaan verder wordt gecontroleerd "
                    + "(from_seq): controleer zonder from_seq om het anker te toetsen.");
        }
        VerifyReport report = verifier.verify(chainId, anchor == null ? null : anchor.seq(), anchor == null ? null : anchor.hash(),
                from, Long.MAX_VALUE);
        Result result = new Result(false, List.of(report), oversight.verifyRows(scope), clock.instant());
        return new Result(allOk(result), result.chains(), result.reviewsAndComplaints(), result.checkedAt());
    }

    /** The result of the last full verification in this gateway instance, if one ran. */
    public Optional<Result> last() {
        return Optional.ofNullable(last);
    }

    private static boolean allOk(Result r) {
        return r.chains().stream().allMatch(VerifyReport::ok) && r.reviewsAndComplaints().ok();
    }

    /** No chain with this id: the caller asked about something that does not exist (404, not "ok"). */
    public static final class UnknownChainException extends RuntimeException {
        private final List<String> known;

        UnknownChainException(String chainId, List<String> known) {
            super("unknown chain " + chainId, null, false, false);
            this.known = List.copyOf(known);
        }

        public List<String> known() {
            return known;
        }
    }
}
