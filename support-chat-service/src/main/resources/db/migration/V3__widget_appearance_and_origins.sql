-- The guest widget (docs/widget.md): the web origins allowed to frame it, its colour, greeting and language.
-- allowed_origins is a JSON array of normalised origins ("https://shop.example", "https://*.crm.example").
ALTER TABLE workspace_settings
    ADD COLUMN allowed_origins TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN widget_color    TEXT,
    ADD COLUMN greeting_fa     TEXT,
    ADD COLUMN greeting_en     TEXT,
    ADD COLUMN widget_language TEXT NOT NULL DEFAULT 'auto';
