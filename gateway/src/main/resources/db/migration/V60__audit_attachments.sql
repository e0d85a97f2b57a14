-- Issue 9: how many attachments of each kind (image, file, audio) a request carried, as JSON ({"image":1}); never the
-- attachment itself, its name or its address. NULL for records written before, and for requests without attachments.
ALTER TABLE audit_record ADD COLUMN attachment_counts VARCHAR(200);
