package nl.dijkwacht.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * A YAML file the parser cannot read, reported as an administrator needs it: file, line (and column), and in Dutch what
 * is probably wrong — never the parser's own (English, Java) text.
 */
final class YamlSyntaxErrors {

    private record Known(String parserSays, String message) {
    }

    /** What the parser (SnakeYAML, Jackson) says, lower case, → what the administrator reads. First match wins. */
    private static final List<Known> KNOWN = List.of(
            new Known("(tab)", "een tab-teken; spring in met spaties, niet met tabs"),
            new Known("special characters are not allowed", "het bestand bevat een teken dat in YAML niet mag (een stuurteken, bijvoorbeeld NUL)"),
            new Known("unacceptable code point", "het bestand bevat een teken dat in YAML niet mag (een stuurteken, bijvoorbeeld NUL)"),
            new Known("malformed numeric value", "geen geldig getal ('.nan' en '.inf' zijn niet toegestaan)"),
            new Known("undefined alias", "een verwijzing naar een anker (*naam) wordt niet ondersteund; schrijf de waarde voluit"),
            new Known("exceeds the limit", "het bestand is te groot"),
            new Known("mapping values are not allowed", "hier mag geen ':' staan; klopt de inspringing, of hoort de tekst tussen aanhalingstekens?"),
            new Known("could not find expected ':'", "er ontbreekt een ':' na de naam van een veld"),
            new Known("expected ',' or ']'", "een lijst [...] is niet goed afgesloten"),
            new Known("expected ',' or '}'", "een groep velden {...} is niet goed afgesloten"),
            new Known("end of stream", "het bestand houdt onverwacht op; is een aanhalingsteken of haakje niet gesloten?"),
            new Known("quoted scalar", "een tekst tussen aanhalingstekens is niet goed afgesloten"),
            new Known("utf-8", "het bestand is geen geldige UTF-8-tekst"),
            new Known("invalid utf", "het bestand is geen geldige UTF-8-tekst"));

    private YamlSyntaxErrors() {
    }

    /**
     * @param bytes  the file, to find the line of a character the reader refuses (its error names only the position)
     * @param parser the parser that failed, for its position when the error names none; may be null
     */
    static PolicyProblem problem(Path file, byte[] bytes, Throwable e, JsonParser parser) {
        if (e instanceof StreamConstraintsException) {
            return new PolicyProblem(file, line(parser == null ? null : parser.currentLocation()), null,
                    "geen geldige YAML: te diep genest of te groot om als beleid te lezen");
        }
        MarkedYAMLException marked = cause(e, MarkedYAMLException.class);
        ReaderException unreadable = cause(e, ReaderException.class);
        int line;
        int column = 0;
        if (unreadable != null && bytes != null) {
            line = lineOfCodePoint(new String(bytes, StandardCharsets.UTF_8), unreadable.getPosition());
        } else if (marked != null && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            line = mark.getLine() + 1;
            column = mark.getColumn() + 1;
        } else if (e instanceof JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
            line = j.getLocation().getLineNr();
            column = j.getLocation().getColumnNr();
        } else {
            line = line(parser == null ? null : parser.currentLocation());
        }
        String said = (marked != null ? marked.getProblem() + " " + marked.getContext() : "") + " " + e.getMessage();
        return new PolicyProblem(file, line, null, "geen geldige YAML: " + explain(said) + (column > 0 ? " (kolom " + column + ")" : ""));
    }

    static String explain(String parserSays) {
        String said = String.valueOf(parserSays).toLowerCase(Locale.ROOT);
        for (Known known : KNOWN) {
            if (said.contains(known.parserSays())) {
                return known.message();
            }
        }
        return "de opbouw klopt niet; controleer de inspringing (spaties), aanhalingstekens en haakjes";
    }

    private static int line(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? 1 : location.getLineNr();
    }

    /** 1 + the line breaks before the code point at {@code position}. */
    private static int lineOfCodePoint(String text, int position) {
        int line = 1;
        int index = 0;
        for (int cp = 0; cp < position && index < text.length(); cp++) {
            int c = text.codePointAt(index);
            if (c == '\n') {
                line++;
            }
            index += Character.charCount(c);
        }
        return line;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
