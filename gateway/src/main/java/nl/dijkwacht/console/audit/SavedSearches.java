package nl.dijkwacht.console.audit;

import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.dijkwacht.audit.query.AuditFilter;

/**
 * Searches kept in the user's session under a random id, so result pages and their "next page" links carry only
 * that id and a page cursor — never a name, pseudonym or other filter value. The last 20 per session are kept.
 */
final class SavedSearches {

    private static final String ATTRIBUTE = "dijkwacht.console.searches";
    private static final int KEEP = 20;

    private SavedSearches() {
    }

    record Saved(AuditFilter filter, SearchForm form) {
    }

    static String save(HttpSession session, AuditFilter filter, SearchForm form) {
        String id = UUID.randomUUID().toString().substring(0, 13).replace("-", "");
        searches(session).put(id, new Saved(filter, form));
        return id;
    }

    static Saved find(HttpSession session, String id) {
        return id == null ? null : searches(session).get(id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Saved> searches(HttpSession session) {
        synchronized (session) {
            Object existing = session.getAttribute(ATTRIBUTE);
            if (existing instanceof Map<?, ?> map) {
                return (Map<String, Saved>) map;
            }
            Map<String, Saved> created = java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Saved> eldest) {
                    return size() > KEEP;
                }
            });
            session.setAttribute(ATTRIBUTE, created);
            return created;
        }
    }
}
