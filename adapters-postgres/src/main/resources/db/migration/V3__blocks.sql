-- Who blocks whom: a blocked user cannot start a conversation with the blocker nor write in their
-- pair conversation. A user's blocks go with the user.
CREATE TABLE blocks (
    blocker    UUID        NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
    blocked    UUID        NOT NULL REFERENCES users (uuid) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (blocker, blocked),
    CHECK (blocker <> blocked)
);

-- Hosts cache each user's blocks: a block added or lifted tells them the blocker changed, on the
-- users' channel, when the transaction commits.
CREATE FUNCTION cruddur_blocks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_notify('cruddur_users', OLD.blocker::text);
    ELSE
        PERFORM pg_notify('cruddur_users', NEW.blocker::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER blocks_changed AFTER INSERT OR DELETE ON blocks
    FOR EACH ROW EXECUTE FUNCTION cruddur_blocks_changed();

CREATE TRIGGER blocks_emptied AFTER TRUNCATE ON blocks
    FOR EACH STATEMENT EXECUTE FUNCTION cruddur_users_emptied();
