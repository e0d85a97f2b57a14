package nl.dijkwacht.pii.normalize;

import static org.assertj.core.api.Assertions.assertThat;

/** The offset-mapping check the normalizer's edit passes share: a finding in the normal form covers its whole original. */
final class OriginalSpans {

    private OriginalSpans() {
    }

    /**
     * @param value   the value as the scan reads it in the normal form ({@code 111222333})
     * @param written the same value as the original writes it, markup and references included
     */
    static void assertCovers(String original, String value, String written) {
        NormalizedText text = new TextNormalizer().normalize(original);
        int start = text.text().indexOf(value);
        assertThat(start).as("'%s' in the normal form '%s'", value, text.text()).isNotNegative();
        int end = start + value.length();
        assertThat(original.substring(text.originalStart(start), text.originalEnd(end))).isEqualTo(written);
    }
}
