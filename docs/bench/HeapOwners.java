import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who holds the heap: reads an HPROF heap dump (jcmd PID GC.heap_dump FILE), builds the dominator tree from the GC
 * roots and prints, per class, how much the instances retain, and for every object the chain of classes that
 * dominate it, so that bytes can be attributed to owners (e.g. "byte[] <- HeapByteBuffer <- SocketBufferHandler").
 * Sizes are estimated as HotSpot lays objects out with compressed oops and class pointers (12-byte header, 4-byte
 * references, 8-byte alignment); a virtual thread's frames inside a StackChunk are not in the dump's instance data,
 * so read StackChunk sizes from GC.class_histogram. Objects referenced from a thread's frames (ROOT JAVA FRAME) are
 * children of that thread's object.
 *
 *   java -Xmx8g docs/bench/HeapOwners.java dump.hprof [--per N] [--owners cls1,cls2,...] [--chain 3] [--top 60] [--why cls]
 *
 * --per N divides the figures by N (e.g. the number of open streams); --owners attributes every object's size to
 * the nearest dominator (itself included) whose class is in the list; --chain K groups shallow sizes by the classes
 * of the object and its K nearest dominators; --why CLS lists the instances of CLS by size, dominator and the
 * classes that refer to them. Run it on the dump taken idle and on the one taken with the streams open, and subtract.
 * Prints no field values, only class names and sizes. Written for stream-heap.sh (mem20, session 36).
 */
public final class HeapOwners {

    static int idSize;
    static final Map<Long, String> strings = new HashMap<>();
    static final Map<Long, Long> classNameIds = new HashMap<>();

    static final class ClassInfo {
        long id, superId;
        String name;
        byte[] fieldTypes = new byte[0];
        int cls; // index in classNames
        int fieldBytes; // own instance field bytes (compressed layout)
        long[] staticRefs = new long[0];
    }

    static final Map<Long, ClassInfo> classes = new HashMap<>();
    static final List<String> classNames = new ArrayList<>();
    static final Map<String, Integer> classIndex = new HashMap<>();

    static int clsIndex(String name) {
        return classIndex.computeIfAbsent(name, k -> {
            classNames.add(k);
            return classNames.size() - 1;
        });
    }

    // objects: 0 = super root
    static LongIntMap index = new LongIntMap(1 << 22);
    static int n = 1;
    static int[] objClass = new int[1 << 20];
    static int[] objSize = new int[1 << 20];
    static int[] edgeStart = new int[1 << 20];
    static long[] edgeRaw = new long[1 << 22];
    static int ne = 0;
    static final LongList rootIds = new LongList();
    static final Map<Integer, Long> threadBySerial = new HashMap<>();
    static final LongList frameRootIds = new LongList();
    static final IntList frameRootThread = new IntList();

    public static void main(String[] args) throws IOException {
        String file = args[0];
        int per = 1;
        int chain = 3;
        int top = 60;
        List<String> owners = List.of();
        String why = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--per" -> per = Integer.parseInt(args[++i]);
                case "--chain" -> chain = Integer.parseInt(args[++i]);
                case "--top" -> top = Integer.parseInt(args[++i]);
                case "--owners" -> owners = List.of(args[++i].split(","));
                case "--why" -> why = args[++i];
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        pass(file, 1);
        for (ClassInfo c : classes.values()) {
            Long nameId = classNameIds.get(c.id);
            c.name = nameId == null ? "?" + c.id : strings.getOrDefault(nameId, "?").replace('/', '.');
            c.cls = clsIndex(c.name);
        }
        clsIndex("java.lang.Class");
        pass(file, 2);
        System.err.printf("objects %,d, references %,d%n", n - 1, ne);
        edgeStart = grow(edgeStart, n + 1);
        edgeStart[n] = ne;
        // resolve edges to indices (-1: not in the dump)
        int[] edges = new int[ne];
        for (int i = 0; i < ne; i++) {
            edges[i] = edgeRaw[i] == 0 ? -1 : index.get(edgeRaw[i]);
        }
        edgeRaw = null;
        // roots: super root 0 -> each root; frame roots -> their thread object when known
        IntList superEdges = new IntList();
        for (int i = 0; i < rootIds.size; i++) {
            int t = index.get(rootIds.get(i));
            if (t > 0) superEdges.add(t);
        }
        // extra edges thread -> frame-referenced object
        Map<Integer, IntList> extra = new HashMap<>();
        for (int i = 0; i < frameRootIds.size; i++) {
            int t = index.get(frameRootIds.get(i));
            if (t <= 0) continue;
            Long th = threadBySerial.get(frameRootThread.get(i));
            int thi = th == null ? -1 : index.get(th);
            if (thi > 0) {
                extra.computeIfAbsent(thi, k -> new IntList()).add(t);
            } else {
                superEdges.add(t);
            }
        }
        // class objects are roots too (loaded classes)
        for (ClassInfo c : classes.values()) {
            int t = index.get(c.id);
            if (t > 0) superEdges.add(t);
        }
        // build successor CSR
        int[] sStart = new int[n + 1];
        int total = superEdges.size;
        for (int v = 1; v < n; v++) {
            int cnt = 0;
            for (int e = edgeStart[v]; e < edgeStart[v + 1]; e++) if (edges[e] > 0) cnt++;
            IntList x = extra.get(v);
            if (x != null) cnt += x.size;
            total += cnt;
        }
        int[] succ = new int[total];
        int p = 0;
        sStart[0] = 0;
        for (int i = 0; i < superEdges.size; i++) succ[p++] = superEdges.get(i);
        for (int v = 1; v < n; v++) {
            sStart[v] = p;
            for (int e = edgeStart[v]; e < edgeStart[v + 1]; e++) if (edges[e] > 0) succ[p++] = edges[e];
            IntList x = extra.get(v);
            if (x != null) for (int i = 0; i < x.size; i++) succ[p++] = x.get(i);
        }
        sStart[n] = p;
        edges = null;
        int[] idom = dominators(n, sStart, succ);
        // retained sizes in reverse DFS order
        long[] retained = new long[n];
        for (int v = 0; v < n; v++) retained[v] = objSize[v];
        int[] order = dfsOrder;
        for (int i = dfsCount - 1; i > 0; i--) {
            int v = order[i];
            retained[idom[v]] += retained[v];
        }
        long reachable = 0;
        for (int i = 1; i < dfsCount; i++) reachable += objSize[order[i]];
        System.out.printf("reachable objects %,d, shallow %,d bytes (%.1f MB)%n%n", dfsCount - 1, reachable, reachable / 1048576.0);

        // 1. per class: count, shallow, retained (instances not dominated by another instance of the same class)
        int nc = classNames.size();
        long[] cCount = new long[nc], cShallow = new long[nc], cRetained = new long[nc];
        boolean[] reached = new boolean[n];
        for (int i = 0; i < dfsCount; i++) reached[order[i]] = true;
        for (int v = 1; v < n; v++) {
            if (!reached[v]) continue;
            int c = objClass[v];
            cCount[c]++;
            cShallow[c] += objSize[v];
            boolean nested = false;
            for (int u = idom[v]; u > 0; u = idom[u]) {
                if (objClass[u] == c) { nested = true; break; }
            }
            if (!nested) cRetained[c] += retained[v];
        }
        Integer[] byRet = new Integer[nc];
        for (int i = 0; i < nc; i++) byRet[i] = i;
        Arrays.sort(byRet, (a, b) -> Long.compare(cRetained[b], cRetained[a]));
        double d = per;
        System.out.printf("## classes by retained size%s%n%n| class | count%s | shallow KB%s | retained KB%s |%n|---|---:|---:|---:|%n",
                per > 1 ? " (per " + per + ")" : "", per > 1 ? "/N" : "", per > 1 ? "/N" : "", per > 1 ? "/N" : "");
        for (int i = 0; i < Math.min(top, nc); i++) {
            int c = byRet[i];
            System.out.printf("| %s | %.2f | %.1f | %.1f |%n", classNames.get(c), cCount[c] / d, cShallow[c] / d / 1024, cRetained[c] / d / 1024);
        }
        // 2. owners
        if (!owners.isEmpty()) {
            Map<Integer, Integer> ownerRank = new HashMap<>();
            for (int i = 0; i < owners.size(); i++) {
                Integer c = classIndex.get(owners.get(i));
                if (c != null) ownerRank.put(c, i);
                else System.out.println("(owner class not in dump: " + owners.get(i) + ")");
            }
            long[] byOwner = new long[owners.size() + 1];
            Map<Integer, long[]> otherTop = new HashMap<>(); // unowned: by class of the object directly below the super root
            for (int v = 1; v < n; v++) {
                if (!reached[v]) continue;
                int owner = -1;
                int u = v, last = v;
                while (u > 0) {
                    Integer r = ownerRank.get(objClass[u]);
                    if (r != null) { owner = r; break; }
                    last = u;
                    u = idom[u];
                }
                if (owner >= 0) byOwner[owner] += objSize[v];
                else {
                    byOwner[owners.size()] += objSize[v];
                    otherTop.computeIfAbsent(objClass[last], k -> new long[1])[0] += objSize[v];
                }
            }
            System.out.printf("%n## by nearest owner (dominator)%n%n| owner | KB%s |%n|---|---:|%n", per > 1 ? "/N" : "");
            for (int i = 0; i < owners.size(); i++) System.out.printf("| %s | %.1f |%n", owners.get(i), byOwner[i] / d / 1024);
            System.out.printf("| (no owner) | %.1f |%n", byOwner[owners.size()] / d / 1024);
            List<Map.Entry<Integer, long[]>> e = new ArrayList<>(otherTop.entrySet());
            e.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            System.out.printf("%nno owner, by the dominator below the roots:%n");
            for (int i = 0; i < Math.min(25, e.size()); i++) System.out.printf("  %10.1f KB  %s%n", e.get(i).getValue()[0] / d / 1024, classNames.get(e.get(i).getKey()));
        }
        // 2b. why: instances of a class dominated directly by the roots, by size and the classes that refer to them
        if (why != null) {
            Integer wc = classIndex.get(why);
            Map<String, long[]> w = new HashMap<>();
            for (int v = 1; v < n; v++) {
                if (!reached[v] || wc == null || objClass[v] != wc) continue;
                java.util.TreeSet<String> refs = new java.util.TreeSet<>();
                boolean root = false;
                for (int e = predStart[v]; e < predStart[v + 1]; e++) {
                    if (pred[e] == 0) root = true; else refs.add(classNames.get(objClass[pred[e]]));
                }
                String key = "size " + objSize[v] + (idom[v] == 0 ? " [idom root]" : " [idom " + classNames.get(objClass[idom[v]]) + "]")
                        + (root ? " (a root)" : "") + " referrers " + refs;
                long[] a = w.computeIfAbsent(key, k -> new long[2]);
                a[0] += objSize[v];
                a[1]++;
            }
            List<Map.Entry<String, long[]>> we = new ArrayList<>(w.entrySet());
            we.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
            System.out.printf("%n## %s by size, dominator and referrers%n%n", why);
            for (int i = 0; i < Math.min(top, we.size()); i++) {
                System.out.printf("%10.1f KB %9.2f objs  %s%n", we.get(i).getValue()[0] / d / 1024, we.get(i).getValue()[1] / d, we.get(i).getKey());
            }
        }
        // 3. chains
        Map<String, long[]> chains = new HashMap<>();
        for (int v = 1; v < n; v++) {
            if (!reached[v]) continue;
            StringBuilder sb = new StringBuilder(classNames.get(objClass[v]));
            int u = idom[v];
            for (int k = 0; k < chain && u > 0; k++, u = idom[u]) sb.append(" <- ").append(classNames.get(objClass[u]));
            if (u == 0) sb.append(" <- (root)");
            long[] a = chains.computeIfAbsent(sb.toString(), k -> new long[2]);
            a[0] += objSize[v];
            a[1]++;
        }
        List<Map.Entry<String, long[]>> ce = new ArrayList<>(chains.entrySet());
        ce.sort((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]));
        System.out.printf("%n## shallow size by dominator chain (object <- its dominators)%n%n");
        for (int i = 0; i < Math.min(top, ce.size()); i++) {
            System.out.printf("%10.1f KB %9.2f objs  %s%n", ce.get(i).getValue()[0] / d / 1024, ce.get(i).getValue()[1] / d, ce.get(i).getKey());
        }
    }

    // ---- dominators: Lengauer-Tarjan (simple, path compression), iterative DFS ----
    static int[] dfsOrder;
    static int[] pred, predStart;
    static int dfsCount;

    static int[] dominators(int n, int[] sStart, int[] succ) {
        int[] semi = new int[n], vertex = new int[n], parent = new int[n], ancestor = new int[n], label = new int[n], idom = new int[n];
        Arrays.fill(semi, -1);
        Arrays.fill(ancestor, -1);
        // predecessors CSR
        int[] pCount = new int[n + 1];
        for (int v = 0; v < n; v++) for (int e = sStart[v]; e < sStart[v + 1]; e++) pCount[succ[e] + 1]++;
        for (int i = 0; i < n; i++) pCount[i + 1] += pCount[i];
        int[] pred = new int[sStart[n]];
        int[] fill = Arrays.copyOf(pCount, n + 1);
        for (int v = 0; v < n; v++) for (int e = sStart[v]; e < sStart[v + 1]; e++) pred[fill[succ[e]]++] = v;
        HeapOwners.pred = pred;
        HeapOwners.predStart = pCount;
        // DFS
        int count = 0;
        int[] stackV = new int[n], stackE = new int[n];
        int sp = 0;
        semi[0] = count; vertex[count++] = 0; label[0] = 0; parent[0] = -1;
        stackV[sp] = 0; stackE[sp] = sStart[0]; sp++;
        while (sp > 0) {
            int v = stackV[sp - 1];
            if (stackE[sp - 1] < sStart[v + 1]) {
                int w = succ[stackE[sp - 1]++];
                if (semi[w] < 0) {
                    parent[w] = v;
                    semi[w] = count; vertex[count++] = w; label[w] = w;
                    stackV[sp] = w; stackE[sp] = sStart[w]; sp++;
                }
            } else {
                sp--;
            }
        }
        dfsCount = count;
        dfsOrder = Arrays.copyOf(vertex, count);
        // buckets as linked lists
        int[] bucketHead = new int[n], bucketNext = new int[n];
        Arrays.fill(bucketHead, -1);
        for (int i = count - 1; i > 0; i--) {
            int w = vertex[i];
            for (int e = pCount[w]; e < pCount[w + 1]; e++) {
                int v = pred[e];
                if (semi[v] < 0) continue; // unreachable predecessor
                int u = eval(v, ancestor, semi, label);
                if (semi[u] < semi[w]) semi[w] = semi[u];
            }
            int sv = vertex[semi[w]];
            bucketNext[w] = bucketHead[sv];
            bucketHead[sv] = w;
            ancestor[w] = parent[w];
            int pw = parent[w];
            for (int v = bucketHead[pw]; v >= 0; v = bucketNext[v]) {
                int u = eval(v, ancestor, semi, label);
                idom[v] = semi[u] < semi[v] ? u : pw;
            }
            bucketHead[pw] = -1;
        }
        for (int i = 1; i < count; i++) {
            int w = vertex[i];
            if (idom[w] != vertex[semi[w]]) idom[w] = idom[idom[w]];
        }
        idom[0] = 0;
        return idom;
    }

    static int[] compressStack = new int[1 << 16];

    static int eval(int v, int[] ancestor, int[] semi, int[] label) {
        if (ancestor[v] < 0) return v;
        // iterative compress
        int sp = 0;
        int u = v;
        while (ancestor[ancestor[u]] >= 0) {
            if (sp == compressStack.length) compressStack = Arrays.copyOf(compressStack, sp * 2);
            compressStack[sp++] = u;
            u = ancestor[u];
        }
        while (sp > 0) {
            int x = compressStack[--sp];
            int a = ancestor[x];
            if (semi[label[a]] < semi[label[x]]) label[x] = label[a];
            ancestor[x] = ancestor[a];
        }
        return label[v];
    }

    // ---- parsing ----
    static void pass(String file, int which) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(file), 1 << 20))) {
            while (in.readByte() != 0) { }
            idSize = in.readInt();
            in.readLong();
            while (true) {
                int tag;
                try {
                    tag = in.readUnsignedByte();
                } catch (EOFException e) {
                    break;
                }
                in.readInt();
                long len = Integer.toUnsignedLong(in.readInt());
                if (tag == 0x01 && which == 1) {
                    long id = readId(in);
                    byte[] b = new byte[(int) (len - idSize)];
                    in.readFully(b);
                    strings.put(id, new String(b, java.nio.charset.StandardCharsets.UTF_8));
                } else if (tag == 0x02 && which == 1) {
                    in.readInt();
                    long cid = readId(in);
                    in.readInt();
                    long nid = readId(in);
                    classNameIds.put(cid, nid);
                } else if (tag == 0x0C || tag == 0x1C) {
                    heapSegment(in, len, which);
                } else {
                    skip(in, len);
                }
            }
        }
    }

    static void heapSegment(DataInputStream in, long len, int which) throws IOException {
        long end = len;
        long read = 0;
        while (read < end) {
            int sub = in.readUnsignedByte();
            read += 1;
            switch (sub) {
                case 0xFF -> { long id = readId(in); read += idSize; if (which == 2) rootIds.add(id); }
                case 0x01 -> { long id = readId(in); readId(in); read += 2L * idSize; if (which == 2) rootIds.add(id); }
                case 0x02, 0x03 -> {
                    long id = readId(in); int ts = in.readInt(); in.readInt(); read += idSize + 8;
                    if (which == 2) { frameRootIds.add(id); frameRootThread.add(ts); }
                }
                case 0x04, 0x06 -> { long id = readId(in); in.readInt(); read += idSize + 4; if (which == 2) rootIds.add(id); }
                case 0x05, 0x07 -> { long id = readId(in); read += idSize; if (which == 2) rootIds.add(id); }
                case 0x08 -> {
                    long id = readId(in); int ts = in.readInt(); in.readInt(); read += idSize + 8;
                    if (which == 2) { rootIds.add(id); threadBySerial.put(ts, id); }
                }
                case 0x20 -> read += classDump(in, which);
                case 0x21 -> {
                    long id = readId(in); in.readInt(); long cid = readId(in); int nb = in.readInt();
                    read += 2L * idSize + 8 + nb;
                    if (which == 2) instance(in, id, cid, nb); else skip(in, nb);
                }
                case 0x22 -> {
                    long id = readId(in); in.readInt(); int count = in.readInt(); long acid = readId(in);
                    read += 2L * idSize + 8 + (long) count * idSize;
                    if (which == 2) {
                        ClassInfo ac = classes.get(acid);
                        int v = add(id, ac == null ? clsIndex("Object[]?") : ac.cls, align(16 + 4L * count));
                        for (int i = 0; i < count; i++) edge(readId(in));
                        close(v);
                    } else {
                        skip(in, (long) count * idSize);
                    }
                }
                case 0x23 -> {
                    long id = readId(in); in.readInt(); int count = in.readInt(); int type = in.readUnsignedByte();
                    int es = primSize(type);
                    read += idSize + 9 + (long) count * es;
                    skip(in, (long) count * es);
                    if (which == 2) { int v = add(id, clsIndex(primName(type) + "[]"), align(16 + (long) es * count)); close(v); }
                }
                default -> throw new IOException("unknown heap sub-record " + Integer.toHexString(sub) + " at " + read);
            }
        }
    }

    static long classDump(DataInputStream in, int which) throws IOException {
        long read = 0;
        long id = readId(in); in.readInt(); long superId = readId(in);
        readId(in); readId(in); readId(in); readId(in); readId(in);
        in.readInt();
        read += 7L * idSize + 8;
        int cp = in.readUnsignedShort(); read += 2;
        for (int i = 0; i < cp; i++) {
            in.readUnsignedShort(); int t = in.readUnsignedByte(); read += 3;
            int s = valueSize(t); skip(in, s); read += s;
        }
        int ns = in.readUnsignedShort(); read += 2;
        LongList statics = new LongList();
        for (int i = 0; i < ns; i++) {
            readId(in); int t = in.readUnsignedByte(); read += idSize + 1;
            if (t == 2) { statics.add(readId(in)); read += idSize; }
            else { int s = valueSize(t); skip(in, s); read += s; }
        }
        int nf = in.readUnsignedShort(); read += 2;
        byte[] types = new byte[nf];
        int bytes = 0;
        for (int i = 0; i < nf; i++) {
            readId(in); types[i] = (byte) in.readUnsignedByte(); read += idSize + 1;
            bytes += types[i] == 2 ? 4 : primSize(types[i]);
        }
        if (which == 1) {
            ClassInfo c = new ClassInfo();
            c.id = id; c.superId = superId; c.fieldTypes = types; c.fieldBytes = bytes;
            c.staticRefs = statics.toArray();
            classes.put(id, c);
        } else {
            ClassInfo c = classes.get(id);
            int v = add(id, clsIndex("java.lang.Class"), align(16 + 8L * ns));
            for (long r : c.staticRefs) edge(r);
            close(v);
        }
        return read;
    }

    static void instance(DataInputStream in, long id, long cid, int nb) throws IOException {
        ClassInfo c = classes.get(cid);
        int fb = 0;
        for (ClassInfo k = c; k != null; k = classes.get(k.superId)) fb += k.fieldBytes;
        int v = add(id, c == null ? clsIndex("?") : c.cls, align(12L + fb));
        int left = nb;
        for (ClassInfo k = c; k != null && left > 0; k = classes.get(k.superId)) {
            for (byte t : k.fieldTypes) {
                if (t == 2) { edge(readId(in)); left -= idSize; }
                else { int s = primSize(t); skip(in, s); left -= s; }
            }
        }
        skip(in, left);
        close(v);
    }

    static int add(long id, int cls, long size) {
        if (n == objClass.length) {
            objClass = Arrays.copyOf(objClass, n * 2);
            objSize = Arrays.copyOf(objSize, n * 2);
            edgeStart = Arrays.copyOf(edgeStart, n * 2);
        }
        index.put(id, n);
        objClass[n] = cls;
        objSize[n] = (int) Math.min(size, Integer.MAX_VALUE);
        edgeStart[n] = ne;
        return n++;
    }

    static void close(int v) { }

    static void edge(long id) {
        if (id == 0) return;
        if (ne == edgeRaw.length) edgeRaw = Arrays.copyOf(edgeRaw, ne * 2);
        edgeRaw[ne++] = id;
    }

    static int[] grow(int[] a, int len) { return a.length >= len ? a : Arrays.copyOf(a, len); }

    static long align(long s) { return (s + 7) & ~7L; }

    static long readId(DataInputStream in) throws IOException { return idSize == 8 ? in.readLong() : Integer.toUnsignedLong(in.readInt()); }

    static void skip(DataInputStream in, long len) throws IOException {
        while (len > 0) {
            long s = in.skip(len);
            if (s <= 0) { in.readByte(); s = 1; }
            len -= s;
        }
    }

    static int valueSize(int t) { return t == 2 ? idSize : primSize(t); }

    static int primSize(int t) {
        return switch (t) {
            case 4, 8 -> 1;
            case 5, 9 -> 2;
            case 6, 10 -> 4;
            case 7, 11 -> 8;
            case 2 -> idSize;
            default -> throw new IllegalArgumentException("type " + t);
        };
    }

    static String primName(int t) {
        return switch (t) {
            case 4 -> "boolean"; case 5 -> "char"; case 6 -> "float"; case 7 -> "double";
            case 8 -> "byte"; case 9 -> "short"; case 10 -> "int"; case 11 -> "long";
            default -> "?";
        };
    }

    static final class LongList {
        long[] a = new long[1024];
        int size;
        void add(long v) { if (size == a.length) a = Arrays.copyOf(a, size * 2); a[size++] = v; }
        long get(int i) { return a[i]; }
        long[] toArray() { return Arrays.copyOf(a, size); }
    }

    static final class IntList {
        int[] a = new int[16];
        int size;
        void add(int v) { if (size == a.length) a = Arrays.copyOf(a, size * 2); a[size++] = v; }
        int get(int i) { return a[i]; }
    }

    /** Open addressing long -> int (0 = absent). */
    static final class LongIntMap {
        long[] keys;
        int[] vals;
        int size;

        LongIntMap(int cap) { keys = new long[cap]; vals = new int[cap]; }

        void put(long k, int v) {
            if (size * 2 >= keys.length) rehash();
            int i = slot(k, keys.length);
            while (keys[i] != 0 && keys[i] != k) i = (i + 1) & (keys.length - 1);
            if (keys[i] == 0) size++;
            keys[i] = k;
            vals[i] = v;
        }

        int get(long k) {
            int i = slot(k, keys.length);
            while (keys[i] != 0) {
                if (keys[i] == k) return vals[i];
                i = (i + 1) & (keys.length - 1);
            }
            return 0;
        }

        static int slot(long k, int len) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 33) & (len - 1);
        }

        void rehash() {
            long[] ok = keys; int[] ov = vals;
            keys = new long[ok.length * 2]; vals = new int[ok.length * 2]; size = 0;
            for (int i = 0; i < ok.length; i++) if (ok[i] != 0) put(ok[i], ov[i]);
        }
    }
}
