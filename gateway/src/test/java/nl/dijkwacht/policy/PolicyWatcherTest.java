package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import nl.dijkwacht.catalog.ModelStatus;
import nl.dijkwacht.support.MovingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher reads and hashes the pack's files only when the file system shows a change (or the last look was too
 * fresh to trust): an idle gateway reads nothing, and every way a pack is changed on disk — an edit saved by an atomic
 * move, an editor's rewrite in place that leaves the size and the modification time as they were, a Kubernetes
 * ConfigMap whose {@code ..data} symlink is swapped — is still picked up. The clock is the test's; no waiting.
 */
class PolicyWatcherTest {

    @TempDir
    Path dir;

    @Test
    void aPollThatFindsNothingChangedReadsNoFile() {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        MovingClock clock = anHourFromNow();
        try (PolicyWatcher watcher = watcher(policy, clock)) {
            long atStart = watcher.hashes();
            String version = policy.current().version();
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMillis(500));
                watcher.poll();
            }
            assertThat(watcher.hashes()).as("files read by ten idle polls").isEqualTo(atStart);
            assertThat(policy.current().version()).isEqualTo(version);

            clock.advance(PolicyWatcher.FULL_CHECK);
            watcher.poll();
            assertThat(watcher.hashes()).as("the once-a-minute check reads them anyway").isEqualTo(atStart + 1);
            assertThat(policy.current().version()).isEqualTo(version);
        }
    }

    @Test
    void anEditSavedByAnAtomicMoveIsSeen() {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        MovingClock clock = anHourFromNow();
        try (PolicyWatcher watcher = watcher(policy, clock)) {
            watcher.poll();
            pack.replace("models-config/extern.yaml", "status: approved", "status: suspended");
            watcher.poll();
            assertThat(policy.current().catalog().find("extern").orElseThrow().governance().status()).isEqualTo(ModelStatus.SUSPENDED);
        }
    }

    /** The watcher keeps the walk's list of files while no directory changed; a file added to one is still found. */
    @Test
    void aNewFileInASubdirectoryIsSeen() {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        MovingClock clock = anHourFromNow();
        try (PolicyWatcher watcher = watcher(policy, clock)) {
            watcher.poll();
            watcher.poll();
            assertThat(policy.current().useCase("nieuw")).isEmpty();
            pack.write("policies/use-cases/nieuw.yaml", pack.read("policies/use-cases/schrijven.yaml").replace("id: schrijven", "id: nieuw"));
            watcher.poll();
            assertThat(policy.current().useCase("nieuw")).isPresent();
        }
    }

    /**
     * An editor that writes the file in place, the same number of bytes, within the clock tick of the look before: on a
     * file system that keeps whole seconds, size and modification time stay as they were (set back here by hand).
     */
    @Test
    void anEditInPlaceWithinTheSameSecondIsSeen() throws Exception {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        Path file = pack.models.resolve("extern.yaml");
        FileTime tick = FileTime.from(Instant.now().minusMillis(300));
        Files.setLastModifiedTime(file, tick);
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        MovingClock clock = new MovingClock(tick.toInstant().plusMillis(400));
        try (PolicyWatcher watcher = watcher(policy, clock)) {
            String before = Files.readString(file);
            String after = before.replace("energy-wh-per-1k-tokens: 2.0", "energy-wh-per-1k-tokens: 7.0");
            assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
            Files.writeString(file, after);   // in place: the same inode
            Files.setLastModifiedTime(file, tick);
            clock.advance(Duration.ofMillis(100));
            watcher.poll();
            assertThat(policy.current().catalog().find("extern").orElseThrow().governance().energyWhPer1kTokens()).isEqualTo(7.0);
        }
    }

    @Test
    void filesTooFreshToTrustAreHashedUntilTheyAreSettled() throws Exception {
        TestPack pack = TestPack.small(dir, "http://localhost:1");
        Instant written = newestFileTime(pack);
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
        MovingClock clock = new MovingClock(written.plusMillis(500));
        try (PolicyWatcher watcher = watcher(policy, clock)) {
            long atStart = watcher.hashes();
            watcher.poll();
            watcher.poll();
            assertThat(watcher.hashes()).as("within the coarse clock's tick every poll reads").isEqualTo(atStart + 2);

            clock.advance(PackStamp.COARSE_CLOCK.plusSeconds(1));
            watcher.poll();   // the first settled look
            long settled = watcher.hashes();
            watcher.poll();
            watcher.poll();
            assertThat(watcher.hashes()).as("once settled, unchanged files are not read").isEqualTo(settled);
        }
    }

    /**
     * A ConfigMap volume as kubelet writes it: the files are symlinks through {@code ..data} into a timestamped directory,
     * and an update writes a new directory and swaps {@code ..data}. Here the new file even has the old one's size and
     * modification time.
     */
    @Test
    void aSwappedConfigMapSymlinkIsSeen() throws Exception {
        TestPack pack = TestPack.small(dir.resolve("source"), "http://localhost:1");
        Path models = Files.createDirectories(dir.resolve("volume/models-config"));
        Path first = Files.createDirectories(models.resolve("..2026_12_05_20_00_00.1"));
        try (var files = Files.list(pack.models)) {
            for (Path f : files.toList()) {
                Files.copy(f, first.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                Files.createSymbolicLink(models.resolve(f.getFileName()), Path.of("..data").resolve(f.getFileName()));
            }
        }
        Files.createSymbolicLink(models.resolve("..data"), first.getFileName());
        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, models);
        MovingClock clock = anHourFromNow();
        try (PolicyWatcher watcher = watcher(policy, clock)) {
            watcher.poll();
            Path second = Files.createDirectories(models.resolve("..2026_12_05_20_05_00.2"));
            try (var files = Files.list(first)) {
                for (Path f : files.toList()) {
                    Files.copy(f, second.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
            Path extern = second.resolve("extern.yaml");
            FileTime modified = Files.getLastModifiedTime(extern);
            String before = Files.readString(extern);
            String after = before.replace("energy-wh-per-1k-tokens: 2.0", "energy-wh-per-1k-tokens: 9.0");
            assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
            Files.writeString(extern, after);
            Files.setLastModifiedTime(extern, modified);
            Path swap = models.resolve("..data_tmp");
            Files.createSymbolicLink(swap, second.getFileName());
            Files.move(swap, models.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

            watcher.poll();
            assertThat(policy.current().catalog().find("extern").orElseThrow().governance().energyWhPer1kTokens()).isEqualTo(9.0);
        }
    }

    /** A watcher polled by the test, on the test's clock. */
    private static PolicyWatcher watcher(ActivePolicy policy, MovingClock clock) {
        return new PolicyWatcher(policy, new ActivePolicyTest.InMemorySuspensions(), Duration.ZERO, clock);
    }

    /** A clock at which every file the test wrote is long settled. */
    private static MovingClock anHourFromNow() {
        return new MovingClock(Instant.now().plus(Duration.ofHours(1)));
    }

    private static Instant newestFileTime(TestPack pack) throws Exception {
        Instant newest = Instant.EPOCH;
        for (Path d : new Path[] {pack.policies, pack.models}) {
            for (Path f : PackStamp.yamlFiles(d)) {
                Instant t = Files.getLastModifiedTime(f).toInstant();
                newest = t.isAfter(newest) ? t : newest;
            }
        }
        return newest;
    }
}
