-- Cruddur's users, as the reference keeps them in public.users, with uniqueness it lacked:
-- handles are unique regardless of case; a Cognito user id, once assigned, belongs to one user.
CREATE TABLE users (
    uuid            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    display_name    TEXT NOT NULL,
    handle          TEXT NOT NULL,
    email           TEXT NOT NULL,
    cognito_user_id TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_handle_key ON users (lower(handle));
CREATE UNIQUE INDEX users_cognito_user_id_key ON users (cognito_user_id);
