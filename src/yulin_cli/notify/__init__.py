"""Reports sent to a group chat (企业微信, 钉钉), through an outbox kept in the database."""
