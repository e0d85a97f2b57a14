package nl.dijkwacht.api.filter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.GZIPInputStream;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pipeline.RefusedRequest;

/**
 * A request body sent compressed ({@code Content-Encoding}, RFC 9110 §8.4), as an HTTP client can be set to send it:
 * {@code gzip} and {@code deflate} are unpacked here, never to more than the route's size limit (a small body that
 * unpacks to gigabytes is refused as too large, not read), so what the gateway parses and scans is the request the tool
 * meant. Any other coding ({@code br}, {@code zstd}, {@code compress}) or more than one is refused 415 in Dutch.
 * Before redteam46 a gzip body was refused as "geen geldige UTF-8-tekst" — safe (the upstream only ever gets the
 * gateway's own serialisation of what it read), but no help to the staff member or the administrator.
 */
final class RequestContentCoding {

    static final String HEADER = "Content-Encoding";

    private RequestContentCoding() {
    }

    /**
     * The body as the tool meant it.
     *
     * @param codings  the request's {@code Content-Encoding} header values (none: the body as it is)
     * @param tooLarge the refusal when the unpacked body is over {@code maxBytes}
     */
    static byte[] decoded(Enumeration<String> codings, byte[] body, int maxBytes, Refusal tooLarge) throws RefusedRequest {
        String coding = null;
        while (codings != null && codings.hasMoreElements()) {
            for (String token : codings.nextElement().split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (name.isEmpty() || name.equals("identity")) {
                    continue;
                }
                if (coding != null) {
                    throw new RefusedRequest(unsupported("meer dan één compressie (" + coding + ", " + shown(name) + ")"));
                }
                coding = name;
            }
        }
        if (coding == null || body.length == 0) {
            return body;
        }
        String named = coding;
        return switch (named) {
            case "gzip", "x-gzip" -> unpacked(named, body, maxBytes, tooLarge);
            case "deflate" -> unpacked(named, body, maxBytes, tooLarge);
            default -> throw new RefusedRequest(unsupported("de compressie '" + shown(named) + "'"));
        };
    }

    private static byte[] unpacked(String coding, byte[] body, int maxBytes, Refusal tooLarge) throws RefusedRequest {
        Inflater inflater = coding.equals("deflate") ? new Inflater(!zlibHeader(body)) : null;
        try (InputStream in = inflater == null ? new GZIPInputStream(new ByteArrayInputStream(body))
                : new InflaterInputStream(new ByteArrayInputStream(body), inflater)) {
            byte[] plain = in.readNBytes(maxBytes + 1);
            if (plain.length > maxBytes) {
                throw new RefusedRequest(tooLarge);
            }
            if (inflater != null && (!inflater.finished() || inflater.getRemaining() > 0)) {
                throw new RefusedRequest(corrupt(coding));
            }
            return plain;
        } catch (IOException e) {
            throw new RefusedRequest(corrupt(coding));
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    /**
     * RFC 9110 says {@code deflate} is the zlib format (RFC 1950); some clients send the raw deflate data (RFC 1951)
     * under that name. A zlib stream starts with a header whose first byte names method 8 and whose two bytes are a
     * multiple of 31.
     */
    private static boolean zlibHeader(byte[] body) {
        if (body.length < 2) {
            return false;
        }
        int cmf = body[0] & 0xff;
        int flg = body[1] & 0xff;
        return (cmf & 0x0f) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0;
    }

    private static Refusal unsupported(String what) {
        return new Refusal(415, Refusal.INVALID_REQUEST, "unsupported_content_encoding", "Dijkwacht kan " + what
                + " niet uitpakken. Stuur de aanvraag ongecomprimeerd, of gecomprimeerd met gzip of deflate"
                + " (header 'Content-Encoding').", null);
    }

    private static Refusal corrupt(String coding) {
        return Refusal.badRequest("invalid_content_encoding", "De aanvraag kon niet uitgepakt worden: ze is niet volledig of"
                + " niet geldig gecomprimeerd met " + coding + ", zoals de header 'Content-Encoding' zegt.", null);
    }

    /** A coding name as the message may repeat it: a short token of letters, digits and - only. */
    private static String shown(String name) {
        return name.length() <= 20 && name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
                ? name : "onbekend";
    }
}
