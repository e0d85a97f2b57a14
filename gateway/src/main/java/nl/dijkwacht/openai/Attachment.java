package nl.dijkwacht.openai;

/**
 * A non-text part of a request: an image, an audio clip or a file, sent inline (base64 / data URL), as a URL, or as a
 * provider file id. Only its kind and form are ever recorded; the content itself is never stored or logged.
 */
public record Attachment(String path, Kind kind, Form form) {

    public enum Kind {
        IMAGE("afbeelding"), AUDIO("audio"), FILE("bestand");

        private final String dutch;

        Kind(String dutch) {
            this.dutch = dutch;
        }

        public String dutch() {
            return dutch;
        }
    }

    public enum Form { INLINE, URL, FILE_ID }
}
