package nl.dijkwacht.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the file system says about the pack's YAML files without reading them: per file (symlinks followed, so a
 * Kubernetes ConfigMap's swapped {@code ..data} gives other files) its path, size, modification and change time and
 * inode. Taken on every poll by {@link PolicyWatcher}, which reads and hashes the files only when this differs.
 *
 * <p>A stamp is <em>settled</em> when every file's times lie more than {@link #COARSE_CLOCK} before the moment it was
 * taken. Until then an edit in place made later in the same clock tick (file systems that keep seconds, or FAT's two)
 * can leave size and times as they were, so an unsettled stamp is not trusted: the watcher hashes on every poll until
 * the newest file is older than that.
 *
 * @param entries one line per file (or per missing or unreadable directory), in walk order
 * @param settled whether an equal stamp later proves the files unchanged
 */
record PackStamp(List<String> entries, boolean settled) {

    static final Duration COARSE_CLOCK = Duration.ofSeconds(2);
    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";

    static PackStamp of(Instant takenAt, Path... dirs) {
        Instant settledBefore = takenAt.minus(COARSE_CLOCK);
        List<String> entries = new ArrayList<>();
        boolean settled = true;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                entries.add("missing:" + dir);
                continue;
            }
            List<Path> files;
            try {
                files = yamlFiles(dir);
            } catch (IOException | UncheckedIOException e) {
                entries.add("unreadable:" + dir);
                settled = false;
                continue;
            }
            for (Path file : files) {
                try {
                    FileState state = FileState.of(file);
                    entries.add(file + "|" + state.line());
                    settled &= state.newest().isBefore(settledBefore);
                } catch (IOException | UnsupportedOperationException e) {
                    entries.add(file + "|unreadable");
                    settled = false;
                }
            }
        }
        return new PackStamp(List.copyOf(entries), settled);
    }

    /** Whether this stamp, taken later, shows the same files as {@code earlier}, and {@code earlier} can be trusted. */
    boolean unchangedSince(PackStamp earlier) {
        return earlier != null && earlier.settled && entries.equals(earlier.entries);
    }

    /** The YAML files under a directory (three levels), sorted; symlinked directories are not descended. */
    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, 3)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private record FileState(String line, Instant newest) {

        static FileState of(Path file) throws IOException {
            try {
                Map<String, Object> a = Files.readAttributes(file, UNIX_ATTRIBUTES);
                FileTime modified = (FileTime) a.get("lastModifiedTime");
                FileTime changed = (FileTime) a.get("ctime");
                String line = a.get("size") + "|" + modified.to(TimeUnit.NANOSECONDS) + "|"
                        + changed.to(TimeUnit.NANOSECONDS) + "|" + a.get("dev") + ":" + a.get("ino");
                return new FileState(line, later(modified, changed));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // no unix view (Windows): size, modification time and the file key are what there is
                BasicFileAttributes b = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileState(b.size() + "|" + b.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                        + "|" + b.fileKey(), b.lastModifiedTime().toInstant());
            }
        }

        private static Instant later(FileTime a, FileTime b) {
            return a.compareTo(b) >= 0 ? a.toInstant() : b.toInstant();
        }
    }
}
