package nl.dijkwacht.pii.detect;

import static nl.dijkwacht.pii.detect.DefaultEngineSpans.found;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import org.junit.jupiter.api.Test;

/**
 * review48: round 15's event-date rules for headerless rows ({@link RowEventDates}, pii48b) must not cost the birth
 * dates they were not written for. Fictitious rows of our own.
 */
class HouseholdRowDatesTest {

    private static final int LAST_YEAR = Year.now().getValue() - 1;

    /**
     * A baby on a parent's row shares the parent's surname: its date of last year is its birth date, not a handling
     * official's intake date ({@code Yilmaz, Elif⇥15-03-1983⇥Jansen, P.⇥02-09-…} stays an event date).
     */
    @Test
    void aBabyOnItsParentsRowKeepsItsBirthDate() {
        String row = "Visser, Eva\t11-03-1990\tVisser, Mees\t30-06-" + LAST_YEAR + "\tLindelaan 3";
        assertThat(found(row, EntityType.DATE_OF_BIRTH)).containsExactly("11-03-1990", "30-06-" + LAST_YEAR);
    }

    /**
     * A list where one person's birthday is written without its year ("23 november") is a birthday list, not a column of
     * appointments: the others' full birth dates stay birth dates.
     */
    @Test
    void aBirthdayWithoutItsYearOnOneRowLeavesTheOthersBirthDates() {
        String list = "Sanne Visser\t02-05-1993\tKlaproos 14\nDaan Mulder\t23 november\tLindelaan 3\n"
                + "Eva de Wit\t11-03-1990\tDorpsstraat 8";
        assertThat(found(list, EntityType.DATE_OF_BIRTH)).contains("02-05-1993", "11-03-1990");
    }
}
