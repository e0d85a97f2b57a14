package nl.dijkwacht.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the file system says about the pack's YAML files without reading them: per file (symlinks followed, so a
 * Kubernetes ConfigMap's swapped {@code ..data} gives other files) its path, size, modification and change time and
 * inode. Taken on every poll by {@link PolicyWatcher}, which reads and hashes the files only when this differs.
 *
 * <p>A stamp is <em>settled</em> when every file's and directory's times lie more than {@link #COARSE_CLOCK} before the
 * moment it was taken. Until then an edit made later in the same clock tick (file systems that keep seconds, or FAT's
 * two) can leave size and times as they were, so an unsettled stamp is not trusted: the watcher hashes on every poll
 * until the newest file is older than that.
 *
 * <p>Which files there are comes from a walk of the directories, done again only when one of the walked directories
 * changed (an entry added, removed or renamed changes its modification time; a ConfigMap update renames {@code ..data})
 * or the last stamp was not settled: on an idle gateway a poll then stats the directories and the files, nothing more.
 *
 * @param entries one line per file (or per missing or unreadable directory), in walk order
 * @param directories the walked directories as they were (time, inode), to tell whether the list of files still holds
 * @param files the YAML files found by the walk
 * @param settled whether an equal stamp later proves the files unchanged
 */
record PackStamp(List<String> entries, List<Dir> directories, List<Path> files, boolean settled) {

    static final Duration COARSE_CLOCK = Duration.ofSeconds(2);
    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";

    /** A stamp of the pack's files; {@code earlier} (may be null) lends its list of files when no directory changed. */
    static PackStamp of(Instant takenAt, PackStamp earlier, Path... dirs) {
        Instant settledBefore = takenAt.minus(COARSE_CLOCK);
        List<Dir> directories = new ArrayList<>();
        List<Path> files = earlier != null && earlier.settled && earlier.directoriesUnchanged(settledBefore)
                ? earlier.files : null;
        boolean settled = true;
        if (files == null) {
            files = new ArrayList<>();
            for (Path dir : dirs) {
                settled &= walk(dir, settledBefore, directories, files);
            }
        } else {
            directories = earlier.directories;
        }
        List<String> entries = new ArrayList<>(files.size() + dirs.length);
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                entries.add("missing:" + dir);
            }
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
        return new PackStamp(List.copyOf(entries), List.copyOf(directories), List.copyOf(files), settled);
    }

    /** Whether this stamp, taken later, shows the same files as {@code earlier}, and {@code earlier} can be trusted. */
    boolean unchangedSince(PackStamp earlier) {
        return earlier != null && earlier.settled && entries.equals(earlier.entries);
    }

    /** The YAML files under a directory (three levels), sorted; symlinked directories are not descended. */
    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir, 3)) {
            return walk.filter(PackStamp::isYaml).sorted().toList();
        }
    }

    private static boolean isYaml(Path p) {
        String name = p.toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** The walk {@link #yamlFiles} makes, recording every directory it entered; false when unreadable or too fresh. */
    private static boolean walk(Path root, Instant settledBefore, List<Dir> directories, List<Path> files) {
        if (!Files.isDirectory(root)) {
            directories.add(new Dir(root, null)); // walked again on every poll until it is there
            return true;
        }
        List<Path> found = new ArrayList<>();
        boolean[] settled = {true};
        try {
            Files.walkFileTree(root, Set.<FileVisitOption>of(), 3, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    directories.add(new Dir(dir, Dir.state(attrs)));
                    settled[0] &= attrs.lastModifiedTime().toInstant().isBefore(settledBefore);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isYaml(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    settled[0] = false; // deleted while walked (an edit in progress): the next poll walks again
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            directories.add(new Dir(root, null));
            return false;
        }
        found.sort(null);
        files.addAll(found);
        return settled[0];
    }

    /** Whether every walked directory is still the one walked, unchanged and long enough ago to trust its time. */
    private boolean directoriesUnchanged(Instant settledBefore) {
        for (Dir dir : directories) {
            if (dir.state() == null) {
                return false;
            }
            try {
                BasicFileAttributes now = Files.readAttributes(dir.path(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!now.isDirectory() || !dir.state().equals(Dir.state(now))
                        || !now.lastModifiedTime().toInstant().isBefore(settledBefore)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** A walked directory: its modification time and inode, or null when it was missing or could not be read. */
    record Dir(Path path, String state) {
        static String state(BasicFileAttributes attrs) {
            return attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "|" + attrs.fileKey();
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
                return new FileState(line, later(modified, changed).toInstant());
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                // no unix view (Windows): size, modification time and the file key are what there is
                BasicFileAttributes b = Files.readAttributes(file, BasicFileAttributes.class);
                return new FileState(b.size() + "|" + b.lastModifiedTime().to(TimeUnit.NANOSECONDS)
                        + "|" + b.fileKey(), b.lastModifiedTime().toInstant());
            }
        }

        private static FileTime later(FileTime a, FileTime b) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }
}
