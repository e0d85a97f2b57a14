package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ModelStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reload, kill-switch composition and the watcher, on real files. */
class ActivePolicyTest {

    @TempDir
    Path dir;

    @Test
    void brokenEditKeepsTheOldPolicyAndReportsTheProblem() {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        String before = policy.current().version();

        pack.replace("policies/use-cases/schrijven.yaml", "risk-class: limited", "risk-class: onbekend");
        assertThatThrownBy(policy::reload).isInstanceOf(PolicyLoadException.class);

        assertThat(policy.current().version()).isEqualTo(before);
        assertThat(policy.current().useCase("schrijven").orElseThrow().riskClass()).isEqualTo(RiskClass.LIMITED);
        assertThat(policy.lastFailure()).isNotNull();
        assertThat(policy.lastFailure().problems()).singleElement()
                .satisfies(p -> {
                    assertThat(p.file().getFileName().toString()).isEqualTo("schrijven.yaml");
                    assertThat(p.field()).isEqualTo("risk-class");
                    assertThat(p.line()).isEqualTo(3);
                });

        pack.replace("policies/use-cases/schrijven.yaml", "risk-class: onbekend", "risk-class: high");
        PolicySet next = policy.reload();
        assertThat(next.version()).isNotEqualTo(before);
        assertThat(next.useCase("schrijven").orElseThrow().riskClass()).isEqualTo(RiskClass.HIGH);
        assertThat(policy.lastFailure()).isNull();
    }

    @Test
    void suspensionsMakeANewSnapshotWithTheirOwnVersion() {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        String files = policy.current().version();

        PolicySet suspended = policy.suspensions(List.of(
                new Suspension(Suspension.Kind.MODEL, "extern", "dev-beheerder", Instant.now(), "storing"),
                new Suspension(Suspension.Kind.USE_CASE, "gevoelig", "dev-beheerder", Instant.now(), null),
                new Suspension(Suspension.Kind.MODEL, "bestaat-niet", "dev-beheerder", Instant.now(), null)));

        assertThat(suspended.version()).startsWith(files + "+").hasSize(files.length() + 9);
        assertThat(suspended.catalog().find("extern").orElseThrow().governance().status()).isEqualTo(ModelStatus.SUSPENDED);
        assertThat(suspended.catalog().find("extern").orElseThrow().governance().suspendedBy()).isEqualTo("api:dev-beheerder");
        assertThat(suspended.useCase("gevoelig").orElseThrow().suspended()).isTrue();
        assertThat(suspended.catalog().find("lokaal").orElseThrow().governance().status()).isEqualTo(ModelStatus.APPROVED);

        // a reload of the files keeps the suspensions
        pack.replace("policies/use-cases/schrijven.yaml", "risk-class: limited", "risk-class: high");
        PolicySet reloaded = policy.reload();
        assertThat(reloaded.catalog().find("extern").orElseThrow().governance().status()).isEqualTo(ModelStatus.SUSPENDED);

        PolicySet resumed = policy.suspensions(List.of());
        assertThat(resumed.version()).doesNotContain("+");
        assertThat(resumed.catalog().find("extern").orElseThrow().governance().status()).isEqualTo(ModelStatus.APPROVED);
    }

    @Test
    void watcherPicksUpValidEditsAndIgnoresBrokenOnes() {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        InMemorySuspensions store = new InMemorySuspensions();
        try (PolicyWatcher watcher = new PolicyWatcher(policy, store, Duration.ZERO)) {
            String v1 = policy.current().version();
            watcher.poll();
            assertThat(policy.current().version()).isEqualTo(v1);

            pack.replace("models-config/extern.yaml", "status: approved", "status: suspended");
            watcher.poll();
            assertThat(policy.current().catalog().find("extern").orElseThrow().governance().status()).isEqualTo(ModelStatus.SUSPENDED);
            String v2 = policy.current().version();
            assertThat(v2).isNotEqualTo(v1);

            pack.write("models-config/extern.yaml", "id: extern\nprovider: [kapot\n");
            watcher.poll();
            assertThat(policy.current().version()).isEqualTo(v2);
            assertThat(policy.lastFailure().problems()).singleElement()
                    .satisfies(p -> assertThat(p.toString()).contains("extern.yaml:").contains("geen geldige YAML"));

            store.put(new Suspension(Suspension.Kind.USE_CASE, "schrijven", "beheer", Instant.now(), null));
            watcher.poll();
            assertThat(policy.current().useCase("schrijven").orElseThrow().suspended()).isTrue();
        }
    }

    @Test
    void watcherPollsOnItsOwn() throws Exception {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        try (PolicyWatcher ignored = new PolicyWatcher(policy, new InMemorySuspensions(), Duration.ofMillis(50))) {
            pack.replace("policies/use-cases/schrijven.yaml", "risk-class: limited", "risk-class: high");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (policy.current().useCase("schrijven").orElseThrow().riskClass() != RiskClass.HIGH && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(policy.current().useCase("schrijven").orElseThrow().riskClass()).isEqualTo(RiskClass.HIGH);
        }
    }

    /**
     * Readers under load while the files flip between two variants (and broken edits): every snapshot a reader
     * takes is wholly one variant — never use-cases of one and models of the other.
     */
    @Test
    void concurrentReloadsNeverShowHalfAPolicy() throws Exception {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        String variantA = pack.read("policies/use-cases/schrijven.yaml");
        String modelA = pack.read("models-config/extern.yaml");
        String variantB = variantA.replace("Variant A", "Variant B");
        String modelB = modelA.replace("energy-wh-per-1k-tokens: 2.0", "energy-wh-per-1k-tokens: 9.0");

        AtomicBoolean stop = new AtomicBoolean();
        List<String> violations = new CopyOnWriteArrayList<>();
        Map<String, Boolean> versions = new ConcurrentHashMap<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            Thread t = Thread.ofPlatform().start(() -> {
                started.countDown();
                while (!stop.get()) {
                    PolicySet s = policy.current();
                    boolean a = s.useCase("schrijven").orElseThrow().disclaimer().contains("Variant A");
                    boolean modelIsA = s.catalog().find("extern").orElseThrow().governance().energyWhPer1kTokens() == 2.0;
                    if (a != modelIsA) {
                        violations.add(s.version());
                    }
                    Boolean previous = versions.putIfAbsent(s.version(), a);
                    if (previous != null && previous != a) {
                        violations.add("version " + s.version() + " seen with both variants");
                    }
                    reads.incrementAndGet();
                }
            });
            readers.add(t);
        }
        started.await();
        int reloads = 0;
        for (int i = 0; i < 60; i++) {
            boolean b = i % 2 == 0;
            // flip both files to the other variant, then reload while the readers keep reading
            pack.write("policies/use-cases/schrijven.yaml", b ? variantB : variantA);
            pack.write("models-config/extern.yaml", b ? modelB : modelA);
            policy.reload();
            reloads++;
            if (i % 10 == 0) {
                pack.write("models-config/extern.yaml", "id: extern\nstatus: [\n");
                assertThatThrownBy(policy::reload).isInstanceOf(PolicyLoadException.class);
                pack.write("models-config/extern.yaml", b ? modelB : modelA);
            }
        }
        stop.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertThat(violations).isEmpty();
        assertThat(reloads).isEqualTo(60);
        assertThat(versions).hasSize(2);
        assertThat(reads.get()).isGreaterThan(1000);
    }

    /**
     * The watcher's poll reads the suspensions just before an admin call writes one; the admin call answers with the
     * suspension in force; the poll's older read, applied after that answer, must not lift it again (found by
     * tenancy.GeneratedReloadTrafficTest's reasoning, reload28: before, the model was usable again until the next poll).
     */
    @Test
    void aPollsOlderReadNeverLiftsASuspensionTheAdminApiAnswered() throws Exception {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        InMemorySuspensions stored = new InMemorySuspensions();
        CountDownLatch pollHasRead = new CountDownLatch(1);
        CountDownLatch adminAnswered = new CountDownLatch(1);
        SuspensionStore gated = new SuspensionStore() {
            @Override
            public List<Suspension> all() {
                List<Suspension> read = stored.all();
                if (Thread.currentThread().getName().equals("poll")) {
                    pollHasRead.countDown();
                    try {
                        adminAnswered.await(); // the poll's read is now older than the admin call's write
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return read;
            }

            @Override
            public void put(Suspension s) {
                stored.put(s);
            }

            @Override
            public boolean remove(Suspension.Kind kind, String targetId) {
                return stored.remove(kind, targetId);
            }
        };
        PolicyWatcher watcher = new PolicyWatcher(policy, gated, Duration.ZERO);
        nl.dijkwacht.admin.PolicyAdministration admin = new nl.dijkwacht.admin.PolicyAdministration(
                nl.dijkwacht.tenancy.Tenants.single("gemeente", policy, gated), java.time.Clock.systemUTC());
        Thread poll = Thread.ofPlatform().name("poll").start(watcher::poll);
        pollHasRead.await();

        var answer = admin.suspend(null, Suspension.Kind.MODEL, "extern", "test-beheerder", "test");
        assertThat(policy.current().catalog().find("extern").orElseThrow().governance().status().usable()).isFalse();
        adminAnswered.countDown();
        poll.join();

        assertThat(policy.current().catalog().find("extern").orElseThrow().governance().status().usable())
                .as("suspended after the poll with the older read finished").isFalse();
        assertThat(policy.current().version()).isEqualTo(answer.policyVersion());
        watcher.close();
    }

    /**
     * An edit of two files — the use-case lists a new model, then the model's file is saved (each file by an atomic
     * move), and back — made again and again while the policy reloads. Every edit is numbered (the use-case's disclaimer
     * and the new model's upstream name carry the number), so no content comes back and every pack that was on disk is
     * consistent: the use-case lists {@code nieuw} exactly when the catalogue has it, with the same number. Every reload
     * that succeeds must load such a pack (reload28: before, a reload that read the use-cases before the model's file
     * was saved and the catalogue after loaded the use-case of before with the catalogue of after).
     */
    @Test
    void aReloadDuringATwoFileEditLoadsOnlyAPackThatWasOnDisk() throws Exception {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        String original = pack.read("policies/use-cases/schrijven.yaml");
        String model = pack.read("models-config/lokaal.yaml").replace("id: lokaal", "id: nieuw");
        Path useCase = pack.policies.resolve("use-cases/schrijven.yaml");
        Path newModel = pack.models.resolve("nieuw.yaml");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean quiet = new AtomicBoolean();
        AtomicBoolean idle = new AtomicBoolean();
        Thread editor = Thread.ofPlatform().start(() -> {
            try {
                for (int edit = 1; !stop.get(); edit++) {
                    if (quiet.get()) {
                        idle.set(true);
                        Thread.onSpinWait();
                        edit--;
                        continue;
                    }
                    idle.set(false);
                    String variant = original.replace("Variant A", "Variant " + edit);
                    replaceAtomically(useCase, variant.replace("models: [extern, lokaal, dry-run]", "models: [extern, lokaal, dry-run, nieuw]"));
                    replaceAtomically(newModel, model.replace("upstream-model: klein-model", "upstream-model: nieuw-" + edit));
                    Thread.sleep(1);
                    // back: the model's file first (the use-case then names a model that is not there: refused), then the use-case
                    java.nio.file.Files.delete(newModel);
                    replaceAtomically(useCase, variant);
                    Thread.sleep(1);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> mixed = new ArrayList<>();
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < 240; i++) {
            // every tenth reload while the editor waits between two edits (so some reloads find the files at rest)
            if (i % 10 == 0) {
                idle.set(false);
                quiet.set(true);
                while (!idle.get()) {
                    Thread.onSpinWait();
                }
            }
            try {
                PolicySet set = policy.reload();
                loaded++;
                UseCasePolicy u = set.useCase("schrijven").orElseThrow();
                String variant = u.disclaimer().replaceAll("^Variant (\\S+) .*$", "$1");
                var nieuw = set.catalog().find("nieuw");
                boolean consistent = u.models().contains("nieuw") == nieuw.isPresent()
                        && nieuw.map(m -> m.upstreamModel().equals("nieuw-" + variant)).orElse(true);
                if (!consistent) {
                    mixed.add(set.version() + ": use-case of edit " + variant + (u.models().contains("nieuw") ? " with" : " without")
                            + " nieuw, catalogue " + nieuw.map(ModelDefinition::upstreamModel).orElse("without nieuw"));
                }
            } catch (PolicyLoadException e) {
                refused++; // a read of the moment between the two files, or files that kept changing: the pack in force stays
            }
            quiet.set(false);
        }
        stop.set(true);
        editor.join();
        System.out.println("reload28: 240 reloads during two-file edits: " + loaded + " loaded, " + refused + " refused, "
                + mixed.size() + " mixed");
        assertThat(mixed).as("packs that were never on disk").isEmpty();
        assertThat(loaded).isPositive();
    }

    private static void replaceAtomically(Path file, String content) throws java.io.IOException {
        Path tmp = file.resolveSibling(".tmp-" + file.getFileName());
        java.nio.file.Files.writeString(tmp, content);
        java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static final class InMemorySuspensions implements SuspensionStore {
        private final Map<String, Suspension> map = new ConcurrentHashMap<>();

        @Override
        public List<Suspension> all() {
            return List.copyOf(map.values());
        }

        @Override
        public void put(Suspension s) {
            map.put(s.kind() + "/" + s.targetId(), s);
        }

        @Override
        public boolean remove(Suspension.Kind kind, String targetId) {
            return map.remove(kind + "/" + targetId) != null;
        }
    }
}
