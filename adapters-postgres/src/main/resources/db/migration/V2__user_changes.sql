-- Every host caches users; tell them when one changes or goes, however it was done (the API,
-- a migration, an operator's SQL). The notification is sent when the transaction commits.
CREATE FUNCTION cruddur_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cruddur_users', OLD.uuid::text);
    RETURN NULL;
END
$$;

CREATE FUNCTION cruddur_users_emptied() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cruddur_users', '*');
    RETURN NULL;
END
$$;

CREATE TRIGGER users_changed AFTER UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION cruddur_user_changed();

CREATE TRIGGER users_emptied AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION cruddur_users_emptied();
