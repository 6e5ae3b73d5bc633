-- Each replica keeps the statuses its token checks read from the service's identity projection until they change
-- (platform/security IdentityCache). This trigger, on the table the service names in
-- quarkus.flyway.placeholders.identity_table, tells every replica at commit: the row's insert or delete, or a write of
-- its id, workspace, role or active flag, notifies the channel goftgu_identity with the user's id. Repeatable, so
-- databases past any version of the service's own migrations take it.
CREATE OR REPLACE FUNCTION goftgu_identity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('goftgu_identity', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER goftgu_identity_changed
    AFTER INSERT OR DELETE OR UPDATE OF id, workspace_id, role, active ON ${identity_table}
    FOR EACH ROW EXECUTE FUNCTION goftgu_identity_changed();
