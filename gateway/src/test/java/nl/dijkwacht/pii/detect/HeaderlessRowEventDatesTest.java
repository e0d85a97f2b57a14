package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * pii48b: on a range pasted without its header row, a date that records an event — a handling official's intake date,
 * an appointment — is no birth date, while each person's own birth date is still found. Examples of our own, not in
 * the evaluation sets; fictitious data only.
 */
class HeaderlessRowEventDatesTest {

    /** The price of pii47b's part split: a second name with a recent date is a handler and an intake date. */
    @Test
    void aHandlersRecentDateOnAClientsRowIsNoBirthDate() {
        String intake = "Yilmaz, Elif\t15-03-1983\tJansen, P.\t02-09-2025";
        assertThat(found(intake, EntityType.DATE_OF_BIRTH)).containsExactly("15-03-1983");
        String twoRows = """
                Bos, Karin\t22-07-1979\t999900018\tVisser, M.\t14-01-2026
                Smit, Rob\t03-11-1990\t999900067\tVisser, M.\t20-01-2026""";
        assertThat(found(twoRows, EntityType.DATE_OF_BIRTH)).containsExactly("22-07-1979", "03-11-1990");
    }

    /** A child named as such keeps a recent birth date, as do the older people on a row. */
    @Test
    void aChildOrAnOlderSecondPersonKeepsTheirBirthDate() {
        String newborn = "Bakker, Anouk\t12-04-1985\tkind: Bakker, Tim\t03-09-2026";
        assertThat(found(newborn, EntityType.DATE_OF_BIRTH)).containsExactly("12-04-1985", "03-09-2026");
        String couple = "Z-2025-000411\tSanne Visser\t02-05-1993\tDaan Mulder\t23-11-1991\tKlaproos 14";
        assertThat(found(couple, EntityType.DATE_OF_BIRTH)).containsExactly("02-05-1993", "23-11-1991");
    }

    /**
     * A column that elsewhere holds a date with a weekday or without a year ("vrijdag 6 november") is a column of
     * appointments: its dates with a year are no birth dates either.
     */
    @Test
    void aColumnOfAppointmentsHoldsNoBirthDates() {
        String invitations = """
                Kramer, Joost\t999900031\tEikenlaan 4\tZwolle\t06-11111111\tvrijdag 6 november
                Peters, Anna\t999900043\tBeukenlaan 9\tKampen\t06-22222222\t08-05-2026
                Bakker, Lars\t999900055\tLindelaan 12\tHattem\t06-33333333\t14 december""";
        assertThat(found(invitations, EntityType.DATE_OF_BIRTH)).isEmpty();
        String withBirthDates = """
                Kramer, Joost\t04-04-1971\tEikenlaan 4\tdinsdag 3 maart
                Peters, Anna\t19-09-1984\tBeukenlaan 9\t08-05-2026""";
        assertThat(found(withBirthDates, EntityType.DATE_OF_BIRTH)).containsExactly("04-04-1971", "19-09-1984");
    }
}
