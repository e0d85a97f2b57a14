-- Kill switch: models and use-cases suspended through the admin API (POST /admin/models/{id}/suspend, ...).
-- Suspensions written in the YAML files (status: suspended) are not stored here. Every replica re-reads this
-- table on its policy poll, so a suspension reaches all replicas within seconds and survives restarts.
CREATE TABLE policy_suspension (
    kind          VARCHAR(16)  NOT NULL,
    target_id     VARCHAR(128) NOT NULL,
    suspended_by  VARCHAR(128) NOT NULL,
    suspended_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(500),
    PRIMARY KEY (kind, target_id)
);
