package nl.dijkwacht.pii.detect.name;

/**
 * A name found by a rule or the model: character offsets, the index of the token after it (where the rules go on)
 * and the rule family that found it (for the finding's explanation).
 */
record NameSpan(int start, int end, int endToken, String rule) {

    NameSpan withStart(int newStart) {
        return new NameSpan(newStart, end, endToken, rule);
    }

    NameSpan withRule(String newRule) {
        return new NameSpan(start, end, endToken, newRule);
    }
}
