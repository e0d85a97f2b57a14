package nl.dijkwacht.policy;

import java.util.List;

/**
 * Where kill-switch suspensions made through the admin API are kept, so they survive a restart and reach every
 * replica. The embedded default and production both use the database ({@link JdbcSuspensionStore}).
 */
public interface SuspensionStore {

    List<Suspension> all();

    void put(Suspension suspension);

    /** @return true when there was a suspension to remove */
    boolean remove(Suspension.Kind kind, String targetId);
}
