package nl.dijkwacht.audit.chain;

/** The chain's head row was no longer where the writer left it: another writer uses the same chain id; nothing was written. */
final class HeadMoved extends Exception {

    HeadMoved() {
        super(null, null, false, false);
    }
}
