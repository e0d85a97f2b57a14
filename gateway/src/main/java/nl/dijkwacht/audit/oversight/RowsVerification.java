package nl.dijkwacht.audit.oversight;

/** The keyed row MACs of reviews, complaints and complaint outcomes checked: the first edited row, or ok. */
public record RowsVerification(boolean ok, long rowsChecked, String problem) {
}
