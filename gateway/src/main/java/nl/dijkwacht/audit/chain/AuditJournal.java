package nl.dijkwacht.audit.chain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.zip.CRC32C;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.RetainedContent;
import nl.dijkwacht.audit.store.AuditRows;

/**
 * The embedded store's durable copy of one chain's recent group commits (ADR 0010).
 *
 * <p>H2 with {@code WRITE_DELAY=0} writes a new chunk of ~10 B-tree pages for every group commit; that was most of the
 * embedded store's CPU and 12–17 KB written per record. With the journal, H2 keeps committed batches in memory and
 * writes them about once a second; the batch itself is appended here, in one {@code write} per group commit (and one
 * {@code fsync} when {@code dijkwacht.audit.embedded-store-fsync} is on), before the batch's requests are released.
 * So an acknowledged record is in the journal or already in the H2 file — it survives a killed process as before.
 * At start-up {@link JournalRecovery} inserts what the journal holds beyond the chain's head in H2.
 *
 * <p>The journal is cut (emptied) when H2 has stored past it: at most every {@value #CUT_MILLIS} ms or
 * {@value #CUT_BYTES} bytes the writer asks H2 to write its committed state ({@code storeFlush}, synchronous, in the
 * writer thread, so every batch in the journal was committed before), then truncates the file. The timed cut is never
 * made on a lone request's batch: that request (c=1, or a member of staff after a pause — the first commit after a quiet
 * second was always due) would wait for H2's write before its answer; the writer thread makes it when it has had nothing
 * to write for a moment ({@link #idle}), or on a group commit under load.
 *
 * <p>Format: frames of {@code [int length][int CRC32C][length bytes of JSON]}, one per group commit; a frame cut short
 * by a kill (or with a wrong checksum) ends the journal — its batch was never acknowledged. Holds what the H2 rows hold
 * (metadata, pseudonyms, keyed hashes, redacted content): never raw prompt text. Writer thread only.
 */
public final class AuditJournal implements CommitHook, AutoCloseable {

    static final long CUT_MILLIS = 1_000;
    static final long CUT_BYTES = 4L * 1024 * 1024;
    private static final String SUFFIX = ".audit-journal";
    /**
     * Jackson's buffers (8 KB of bytes and chars per document) come from a small shared pool: its default keeps them
     * per thread, and a lone request commits its own batch on its own new virtual thread, so every such commit
     * allocated them anew (~12 KB per request at c=1; alloc22). A document is copied out of them before it is written.
     * Blackbird: the record's ~45 accessors are called through lambdas generated once, not {@code Method.invoke} per
     * value — the same JSON (the reader needs no change), written for every record of every group commit.
     */
    static final int JSON_BUFFER_SETS = 4;
    static final RecyclerPool<BufferRecycler> JSON_POOL = JsonRecyclerPools.newBoundedPool(JSON_BUFFER_SETS);
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder().recyclerPool(JSON_POOL).build())
            .registerModule(new JavaTimeModule())
            .registerModule(new BlackbirdModule(MethodHandles::lookup))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One journalled record: its chain position and what the store's rows hold. */
    record Entry(long seq, String prev, String hash, String key, AuditRecord record, RetainedContent content) {
        LinkedRecord linked(String chainId) {
            return new LinkedRecord(new AuditRows.ChainLink(chainId, seq, prev, hash, key), record, content);
        }
    }

    /** One group commit. */
    record Batch(String chain, List<Entry> entries) {
    }

    private final Path file;
    private final FileChannel channel;
    /** Callers write one at a time (the writer thread, or a lone request holding the chain's lock). */
    private final Frame frame = new Frame();
    private final boolean fsync;
    private final Runnable storeFlush;
    private final LongSupplier nanoTime;
    private long lastCut;

    /**
     * @param storeFlush writes H2's committed state to its file (and forces it when {@code fsync}); run before a cut
     */
    public AuditJournal(Path file, boolean fsync, Runnable storeFlush) {
        this(file, fsync, storeFlush, System::nanoTime);
    }

    /** @param nanoTime the clock of the timed cut (tests) */
    AuditJournal(Path file, boolean fsync, Runnable storeFlush, LongSupplier nanoTime) {
        this.file = file;
        this.fsync = fsync;
        this.storeFlush = storeFlush;
        this.nanoTime = nanoTime;
        this.lastCut = nanoTime.getAsLong();
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.truncate(0); // recovered (or empty) before any writer opens it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit journal " + file.getFileName(), e);
        }
    }

    /** The journal file of a chain, next to the H2 file {@code base} (e.g. {@code data/dijkwacht-audit}). */
    public static Path fileFor(Path base, String chainId) {
        String readable = chainId.replaceAll("[^A-Za-z0-9._-]", "_");
        return base.resolveSibling(base.getFileName() + "." + (readable.length() > 40 ? readable.substring(0, 40) : readable)
                + "." + Integer.toHexString(chainId.hashCode()) + SUFFIX);
    }

    /** Every journal next to the H2 file {@code base}, of configured chains or not. */
    public static List<Path> filesOf(Path base) {
        Path dir = base.toAbsolutePath().getParent();
        String prefix = base.getFileName() + ".";
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(SUFFIX))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the audit journals in " + dir, e);
        }
    }

    @Override
    public void committed(List<LinkedRecord> batch) {
        committed(batch, false);
    }

    @Override
    public void committed(List<LinkedRecord> batch, boolean lone) {
        try {
            String chain = batch.getFirst().link().chainId();
            List<Entry> entries = new ArrayList<>(batch.size());
            for (LinkedRecord c : batch) {
                AuditRows.ChainLink l = c.link();
                entries.add(new Entry(l.seq(), l.prevHash(), l.recordHash(), l.chainKeyId(), c.record(), c.content()));
            }
            // header and body in the journal's own buffer: no copy of the JSON per commit, one buffer per write
            frame.start();
            try {
                JSON.writeValue(frame, new Batch(chain, entries));
                ByteBuffer out = frame.finish();
                while (out.hasRemaining()) {
                    channel.write(out);
                }
            } finally {
                frame.clear();
            }
            if (fsync) {
                channel.force(false);
            }
            if (channel.position() >= CUT_BYTES || (!lone && cutDue())) {
                cut();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit journal write failed", e);
        }
    }

    /** The writer thread with nothing to write: the timed cut, when one is due. */
    @Override
    public void idle() {
        try {
            if (channel.position() > 0 && cutDue()) {
                cut();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("audit journal cut failed", e);
        }
    }

    private boolean cutDue() {
        return nanoTime.getAsLong() - lastCut >= CUT_MILLIS * 1_000_000;
    }

    /** Lets H2 write what it has committed, then empties the journal. */
    void cut() throws IOException {
        storeFlush.run();
        channel.truncate(0);
        channel.position(0);
        lastCut = nanoTime.getAsLong();
    }

    /** Bytes in the journal (0 right after a cut). */
    public long size() {
        try {
            return channel.position();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * One frame, {@code [int length][int CRC32C][JSON]}, written in place into a buffer the journal keeps for the next
     * commit (the JSON was a new array per commit, then wrapped behind a header of its own). Emptied after each write:
     * it keeps no record (nor retained content) beyond its commit, nor more than {@value #KEPT_BYTES} bytes between commits.
     */
    static final class Frame extends ByteArrayOutputStream {
        static final int KEPT_BYTES = 256 * 1024;
        private static final byte[] HEADER = new byte[8];

        Frame() {
            super(16 * 1024);
        }

        void start() {
            reset();
            write(HEADER, 0, HEADER.length);
        }

        /** Puts the body's length and checksum into the header; the whole frame, ready to write. */
        ByteBuffer finish() {
            int length = count - HEADER.length;
            CRC32C crc = new CRC32C();
            crc.update(buf, HEADER.length, length);
            return ByteBuffer.wrap(buf, 0, count).putInt(0, length).putInt(4, (int) crc.getValue());
        }

        void clear() {
            if (buf.length > KEPT_BYTES) {
                buf = new byte[16 * 1024];
            } else {
                Arrays.fill(buf, 0, count, (byte) 0);
            }
            reset();
        }

        /** Nothing of a frame left in the buffer, and no more than {@value #KEPT_BYTES} bytes of it kept. */
        boolean holdsNothing() {
            for (byte b : buf) {
                if (b != 0) {
                    return false;
                }
            }
            return count == 0 && buf.length <= KEPT_BYTES;
        }
    }

    /** The batches in a journal file, in order, up to the first incomplete or damaged frame. */
    static List<Batch> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(all);
        List<Batch> batches = new ArrayList<>();
        while (in.remaining() >= 8) {
            int length = in.getInt();
            int sum = in.getInt();
            if (length <= 0 || length > in.remaining()) {
                break; // cut short by a kill: never acknowledged
            }
            byte[] json = new byte[length];
            in.get(json);
            CRC32C crc = new CRC32C();
            crc.update(json);
            if ((int) crc.getValue() != sum) {
                break;
            }
            batches.add(JSON.readValue(json, Batch.class));
        }
        return batches;
    }

    /** Writes H2's state and empties the journal (a clean shutdown leaves none). */
    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                cut();
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the next start-up recovers from what is left
            }
        }
    }

    Path file() {
        return file;
    }
}
