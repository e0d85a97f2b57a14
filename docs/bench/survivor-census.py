#!/usr/bin/env python3
"""What G1's survivor regions hold, by class and by the object outside them that holds it (issue 15, session 37).

usage: survivor-census.py heap.hprof vm-info.txt [top]

heap.hprof: `jcmd PID GC.heap_dump -all=true FILE` taken right after a young collection (-all: no full collection
first, so the objects stay where the young collection put them); vm-info.txt: `jcmd PID VM.info` taken between the two
(its "Heap Regions:" table names every region's type, S = survivor). HotSpot's dump writes each object's address as
its id, so an object lies in a survivor region when its id falls inside one.

Prints the survivor bytes by class, and by holder: for every survivor object the chain of first referrers is followed
until an object outside the survivor regions (old, eden or humongous) — that object's class, and the class of the first
survivor object under it, name what keeps the bytes alive. Sizes are shallow sizes as the JVM lays objects out with
compressed oops and class pointers (12-byte header, 4-byte references, 8-byte alignment), so they are estimates."""
import mmap, re, struct, sys, collections

BASIC = {2: None, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}  # hprof type -> bytes (2: an object id)
PRIM_NAME = {4: "boolean[]", 5: "char[]", 6: "float[]", 7: "double[]", 8: "byte[]", 9: "short[]", 10: "int[]", 11: "long[]"}


def align8(n):
    return (n + 7) & ~7


def survivor_ranges(vm_info):
    """[(bottom, end)] of the regions whose type is S in VM.info's heap-region table."""
    ranges = []
    for line in open(vm_info, errors="replace"):
        # |  12|0x00000000e0c00000, 0x00000000e0d00000, 0x00000000e0d00000|100%| S|CS|TAMS ...
        m = re.match(r"\|\s*\d+\|(0x[0-9a-f]+), (0x[0-9a-f]+), (0x[0-9a-f]+)\|\s*\d+%\|\s*(\w+)", line)
        if m and m.group(4) == "S":
            ranges.append((int(m.group(1), 16), int(m.group(3), 16)))
    ranges.sort()
    merged = []
    for b, e in ranges:
        if merged and merged[-1][1] == b:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((b, e))
    return merged


def main():
    path, vm_info = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    ranges = survivor_ranges(vm_info)
    if not ranges:
        sys.exit("no survivor regions in " + vm_info)
    lo, hi = ranges[0][0], ranges[-1][1]

    def in_surv(a):
        if a < lo or a >= hi:
            return False
        for b, e in ranges:
            if b <= a < e:
                return True
        return False

    f = open(path, "rb")
    mm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    head = mm.find(b"\0") + 1
    ids = struct.unpack_from(">I", mm, head)[0]
    idf = ">I" if ids == 4 else ">Q"
    idc = idf[1]

    def records():
        """(tag, body offset, length) of every top-level record, heap dump segments opened into sub-records:
        (0x100 + sub-tag, offset after the sub-tag, None)."""
        p, end = head + 12, len(mm)
        while p < end:
            tag = mm[p]
            length = struct.unpack_from(">I", mm, p + 5)[0]
            body = p + 9
            if tag not in (0x0C, 0x1C):
                yield tag, body, length
            else:
                q, qend = body, body + length
                while q < qend:
                    st = mm[q]; q += 1
                    if st < 0x20 or st == 0xFF:
                        yield 0x100 + st, q, None  # a GC root: its object id first
                    if st == 0xFF or st == 0x05 or st == 0x07:
                        q += ids
                    elif st == 0x01:
                        q += 2 * ids
                    elif st in (0x02, 0x03, 0x08):
                        q += ids + 8
                    elif st in (0x04, 0x06):
                        q += ids + 4
                    elif st == 0x20:
                        yield 0x120, q, None
                        q += 7 * ids + 8
                        n = struct.unpack_from(">H", mm, q)[0]; q += 2
                        for _ in range(n):
                            t = mm[q + 2]; q += 3 + (ids if t == 2 else BASIC[t])
                        n = struct.unpack_from(">H", mm, q)[0]; q += 2
                        for _ in range(n):
                            t = mm[q + ids]; q += ids + 1 + (ids if t == 2 else BASIC[t])
                        n = struct.unpack_from(">H", mm, q)[0]; q += 2 + n * (ids + 1)
                    elif st == 0x21:
                        yield 0x121, q, None
                        q += 2 * ids + 8 + struct.unpack_from(">I", mm, q + 2 * ids + 4)[0]
                    elif st == 0x22:
                        yield 0x122, q, None
                        q += 2 * ids + 8 + struct.unpack_from(">I", mm, q + ids + 4)[0] * ids
                    elif st == 0x23:
                        yield 0x123, q, None
                        n, t = struct.unpack_from(">IB", mm, q + ids + 4)
                        q += ids + 9 + n * BASIC[t]
                    else:
                        sys.exit("unknown heap sub-record 0x%02x at %d" % (st, q - 1))
            p = body + length

    # pass 1: names and class layouts
    strings, class_name_id, classes = {}, {}, {}  # classes: id -> (super id, [type of each own instance field])
    referrer, kind = {}, {}  # survivor object id -> the first object found that refers to it; id -> ("I"|"A"|"P"|"C"|"R", ...)
    ROOTS = {0x1FF: "unknown root", 0x101: "JNI global", 0x102: "JNI local", 0x103: "a thread's stack",
             0x104: "native stack", 0x105: "system class", 0x106: "thread block", 0x107: "monitor", 0x108: "thread object"}
    for tag, q, length in records():
        if tag in ROOTS:
            v = struct.unpack_from(idf, mm, q)[0]
            if lo <= v < hi and v not in referrer and in_surv(v):
                referrer[v] = -tag; kind[-tag] = ("R", ROOTS[tag])
            continue
        if tag == 0x01:
            strings[struct.unpack_from(idf, mm, q)[0]] = mm[q + ids: q + length].decode("utf-8", "replace")
        elif tag == 0x02:
            class_name_id[struct.unpack_from(idf, mm, q + 4)[0]] = struct.unpack_from(idf, mm, q + 8 + ids)[0]
        elif tag == 0x120:
            cid = struct.unpack_from(idf, mm, q)[0]
            sup = struct.unpack_from(idf, mm, q + ids + 4)[0]
            q += 7 * ids + 8
            n = struct.unpack_from(">H", mm, q)[0]; q += 2
            for _ in range(n):
                t = mm[q + 2]; q += 3 + (ids if t == 2 else BASIC[t])
            n = struct.unpack_from(">H", mm, q)[0]; q += 2
            for _ in range(n):
                t = mm[q + ids]
                if t == 2:  # a static field: the class holds the object
                    v = struct.unpack_from(idf, mm, q + ids + 1)[0]
                    if lo <= v < hi and v not in referrer and in_surv(v):
                        referrer[v] = cid; kind[cid] = ("C", cid)
                q += ids + 1 + (ids if t == 2 else BASIC[t])
            n = struct.unpack_from(">H", mm, q)[0]; q += 2
            fields = []
            for _ in range(n):
                fields.append(mm[q + ids]); q += ids + 1
            classes[cid] = (sup, fields)

    def cname(cid):
        return strings.get(class_name_id.get(cid), "?%x" % cid).replace("/", ".")

    layout = {}  # class id -> (offsets of reference fields in the instance bytes, shallow size)

    def lay(cid):
        if cid not in layout:
            offs, off, size, c = [], 0, 0, cid
            while c and c in classes:  # the class's own fields first, then its super class's
                sup, fields = classes[c]
                for t in fields:
                    if t == 2:
                        offs.append(off); off += ids; size += 4
                    else:
                        off += BASIC[t]; size += BASIC[t]
                c = sup
            layout[cid] = (offs, align8(12 + size))
        return layout[cid]

    # pass 2: the survivor objects, and for each the first object found that refers to it
    objects = []  # (id, kind, shallow size); kind: ("I", class id) | ("A", array class id) | ("P", primitive type)
    for tag, q, _ in records():
        if tag == 0x121:
            oid, _, cid, nb = struct.unpack_from(">" + idc + "I" + idc + "I", mm, q)
            offs, size = lay(cid)
            if lo <= oid < hi and in_surv(oid):
                objects.append((oid, ("I", cid), size)); kind[oid] = ("I", cid)
            base = q + 2 * ids + 8
            for o in offs:
                t = struct.unpack_from(idf, mm, base + o)[0]
                if lo <= t < hi and t not in referrer and in_surv(t):
                    referrer[t] = oid; kind[oid] = ("I", cid)
        elif tag == 0x122:
            oid, _, n, acid = struct.unpack_from(">" + idc + "II" + idc, mm, q)
            if lo <= oid < hi and in_surv(oid):
                objects.append((oid, ("A", acid), align8(16 + 4 * n))); kind[oid] = ("A", acid)
            base = q + 2 * ids + 8
            for t in struct.unpack_from(">%d%s" % (n, idc), mm, base):
                if lo <= t < hi and t not in referrer and in_surv(t):
                    referrer[t] = oid; kind[oid] = ("A", acid)
        elif tag == 0x123:
            oid = struct.unpack_from(idf, mm, q)[0]
            if lo <= oid < hi and in_surv(oid):
                n, t = struct.unpack_from(">IB", mm, q + ids + 4)
                objects.append((oid, ("P", t), align8(16 + BASIC[t] * n))); kind[oid] = ("P", t)

    def label(k):
        if k is None:
            return "(no referrer in the dump: a root or dead)"
        if k[0] == "P":
            return PRIM_NAME[k[1]]
        if k[0] == "R":
            return "(root: %s)" % k[1]
        if k[0] == "C":
            return "class %s (static)" % cname(k[1])
        n = cname(k[1])
        return n if k[0] == "I" else (n[2:-1] + "[]" if n.startswith("[L") else n)

    total = sum(s for _, _, s in objects)
    by_class = collections.Counter(); count = collections.Counter()
    for _, k, s in objects:
        by_class[label(k)] += s; count[label(k)] += 1
    by_holder = collections.Counter()
    for oid, k, s in objects:
        first, o, seen = k, oid, 0
        while o in referrer and seen < 64:
            r = referrer[o]
            if not in_surv(r):
                by_holder[(label(kind.get(r)), label(first))] += s
                break
            first, o, seen = kind.get(r), r, seen + 1
        else:
            by_holder[("(no holder outside the survivors: root or dead)", label(first))] += s
    print("survivor regions: %d (%.1f MB); objects %d, %.2f MB shallow" % (
        sum((e - b) >> 20 for b, e in ranges), sum(e - b for b, e in ranges) / 2**20, len(objects), total / 2**20))
    print("\nby class (MB, objects):")
    for n, s in by_class.most_common(top):
        print("  %7.3f  %8d  %s" % (s / 2**20, count[n], n))
    print("\nby holder outside the survivor regions -> first survivor object under it (MB):")
    for (h, fst), s in by_holder.most_common(top):
        print("  %7.3f  %s -> %s" % (s / 2**20, h, fst))


if __name__ == "__main__":
    main()
