-- Issue 13: how the model was chosen and reached. route_task: the task the request named (task routing);
-- route_summary: the routing reason, models passed over and every upstream call (model@upstream:outcome ms);
-- route_upstream: the upstream server (host:port/path) that gave the answer. No request text.
ALTER TABLE audit_record ADD COLUMN route_task VARCHAR(64);
ALTER TABLE audit_record ADD COLUMN route_summary VARCHAR(2000);
ALTER TABLE audit_record ADD COLUMN route_upstream VARCHAR(300);
