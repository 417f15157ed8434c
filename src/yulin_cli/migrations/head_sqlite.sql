-- schema 0016
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)
-- next
CREATE TABLE center (
	id INTEGER NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	city VARCHAR(100) NOT NULL, recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	UNIQUE (name)
)
-- next
CREATE TABLE deal_outcome (
	id INTEGER NOT NULL, 
	prospect_id INTEGER NOT NULL, 
	result VARCHAR(4) NOT NULL, 
	value INTEGER, 
	reason VARCHAR(500), 
	day VARCHAR(10) NOT NULL, 
	by_id INTEGER NOT NULL, 
	recorded_at VARCHAR(32), 
	voided_at VARCHAR(32), 
	voided_by_id INTEGER, 
	void_reason VARCHAR(500), 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id), 
	FOREIGN KEY(by_id) REFERENCES staff (id), 
	FOREIGN KEY(voided_by_id) REFERENCES staff (id)
)
-- next
CREATE TABLE direct_sales_project (
	id INTEGER NOT NULL, 
	company VARCHAR(200) NOT NULL, 
	name_key VARCHAR(200) NOT NULL, 
	city VARCHAR(100) NOT NULL, 
	contact VARCHAR(100) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id)
)
-- next
CREATE TABLE distinct_pair (
	id INTEGER NOT NULL, 
	first_id INTEGER NOT NULL, 
	second_id INTEGER NOT NULL, 
	by_id INTEGER NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	recorded_at VARCHAR(32), 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_distinct_pair UNIQUE (first_id, second_id), 
	FOREIGN KEY(first_id) REFERENCES prospect (id), 
	FOREIGN KEY(second_id) REFERENCES prospect (id), 
	FOREIGN KEY(by_id) REFERENCES staff (id)
)
-- next
CREATE TABLE inspection (
	id INTEGER NOT NULL, 
	visit_id INTEGER NOT NULL, 
	question VARCHAR(10) NOT NULL, 
	status VARCHAR(12) NOT NULL, 
	decided_by INTEGER, 
	decided_on VARCHAR(10), 
	decided_at VARCHAR(32), 
	note VARCHAR(2000), 
	flags VARCHAR(200) NOT NULL, 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_inspection_question UNIQUE (visit_id, question), 
	FOREIGN KEY(visit_id) REFERENCES visit (id), 
	FOREIGN KEY(decided_by) REFERENCES staff (id)
)
-- next
CREATE TABLE likely_pair (
	id INTEGER NOT NULL, 
	first_id INTEGER NOT NULL, 
	second_id INTEGER NOT NULL, 
	typo VARCHAR(20) NOT NULL, 
	facts VARCHAR(100) NOT NULL, 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_likely_pair UNIQUE (first_id, second_id), 
	FOREIGN KEY(first_id) REFERENCES prospect (id), 
	FOREIGN KEY(second_id) REFERENCES prospect (id)
)
-- next
CREATE TABLE merge_moved (
	id INTEGER NOT NULL, 
	merge_id INTEGER NOT NULL, 
	table_name VARCHAR(30) NOT NULL, 
	row_id INTEGER NOT NULL, 
	round_no INTEGER, recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(merge_id) REFERENCES prospect_merge (id)
)
-- next
CREATE TABLE meta (
	"key" VARCHAR(50) NOT NULL, 
	value VARCHAR(200) NOT NULL, 
	PRIMARY KEY ("key")
)
-- next
CREATE TABLE "notice" (
	id INTEGER NOT NULL, 
	staff_id INTEGER NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	delta INTEGER NOT NULL, 
	rule VARCHAR(30) NOT NULL, 
	prospect_id INTEGER, 
	visit_id INTEGER, 
	reverses_id INTEGER, recorded_by_login VARCHAR(63), derived_key VARCHAR(80), 
	PRIMARY KEY (id), 
	CONSTRAINT fk_notice_reverses_id_notice FOREIGN KEY(reverses_id) REFERENCES notice (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id), 
	FOREIGN KEY(staff_id) REFERENCES staff (id), 
	FOREIGN KEY(visit_id) REFERENCES visit (id)
)
-- next
CREATE TABLE notify_outbox (
	id INTEGER NOT NULL, 
	platform VARCHAR(10) NOT NULL, 
	report VARCHAR(20) NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	part INTEGER NOT NULL, 
	parts INTEGER NOT NULL, 
	payload TEXT NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	tried_at VARCHAR(32), 
	sent_at VARCHAR(32), 
	attempts INTEGER NOT NULL, 
	last_error VARCHAR(500), 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id)
)
-- next
CREATE TABLE planned_visit (
	id INTEGER NOT NULL, 
	prospect_id INTEGER NOT NULL, 
	visitor_id INTEGER NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	visit_id INTEGER, recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id), 
	FOREIGN KEY(visitor_id) REFERENCES staff (id), 
	FOREIGN KEY(visit_id) REFERENCES visit (id)
)
-- next
CREATE TABLE "points_entry" (
	id INTEGER NOT NULL, 
	staff_id INTEGER NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	delta INTEGER NOT NULL, 
	rule VARCHAR(30) NOT NULL, 
	prospect_id INTEGER, 
	visit_id INTEGER, 
	reason VARCHAR(500), 
	by_id INTEGER, 
	voided_at VARCHAR(32), 
	voided_by_id INTEGER, 
	void_reason VARCHAR(500), 
	reverses_id INTEGER, recorded_by_login VARCHAR(63), derived_key VARCHAR(80), 
	PRIMARY KEY (id), 
	CONSTRAINT fk_points_entry_by_id_staff FOREIGN KEY(by_id) REFERENCES staff (id), 
	CONSTRAINT fk_points_entry_voided_by_id_staff FOREIGN KEY(voided_by_id) REFERENCES staff (id), 
	CONSTRAINT fk_points_entry_reverses_id_points_entry FOREIGN KEY(reverses_id) REFERENCES points_entry (id), 
	FOREIGN KEY(staff_id) REFERENCES staff (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id), 
	FOREIGN KEY(visit_id) REFERENCES visit (id)
)
-- next
CREATE TABLE policy_version (
	id INTEGER NOT NULL, 
	valid_from VARCHAR(10), 
	body JSON NOT NULL, 
	set_by_id INTEGER, 
	set_at VARCHAR(32) NOT NULL, 
	source VARCHAR(200), 
	source_text VARCHAR(20000), 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(set_by_id) REFERENCES staff (id)
)
-- next
CREATE TABLE prospect (
	id INTEGER NOT NULL, 
	company VARCHAR(200) NOT NULL, 
	name_key VARCHAR(200) NOT NULL, 
	city VARCHAR(100) NOT NULL, 
	district VARCHAR(200), 
	suburban BOOLEAN NOT NULL, 
	address VARCHAR(200), 
	industry VARCHAR(200), 
	ownership VARCHAR(20) NOT NULL, 
	employees INTEGER, 
	pcs INTEGER, 
	contact_surname VARCHAR(20), 
	landline VARCHAR(20), 
	mobile VARCHAR(20), 
	email VARCHAR(254), 
	qq VARCHAR(20), 
	found_on VARCHAR(10) NOT NULL, 
	deal_value INTEGER, 
	need VARCHAR(10), 
	yulin_interest VARCHAR(10), 
	platform_interest BOOLEAN NOT NULL, 
	has_oa BOOLEAN NOT NULL, 
	erp_need BOOLEAN NOT NULL, 
	in_selection BOOLEAN NOT NULL, 
	existing_customer BOOLEAN NOT NULL, 
	partner VARCHAR(200), 
	vendor_share INTEGER, 
	sourced_by_id INTEGER NOT NULL, 
	duplicate_of INTEGER, 
	merged_into INTEGER, 
	created_at VARCHAR(32) NOT NULL, credit_code VARCHAR(18), latitude FLOAT, longitude FLOAT, recorded_by_login VARCHAR(63), landline_ext VARCHAR(10), 
	PRIMARY KEY (id), 
	FOREIGN KEY(sourced_by_id) REFERENCES staff (id), 
	FOREIGN KEY(duplicate_of) REFERENCES prospect (id), 
	FOREIGN KEY(merged_into) REFERENCES prospect (id)
)
-- next
CREATE TABLE prospect_change (
	id INTEGER NOT NULL, 
	prospect_id INTEGER NOT NULL, 
	field VARCHAR(30) NOT NULL, 
	old_value VARCHAR(1000), 
	new_value VARCHAR(1000), 
	day VARCHAR(10) NOT NULL, 
	at VARCHAR(32) NOT NULL, 
	by_id INTEGER, 
	visit_id INTEGER, 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id), 
	FOREIGN KEY(by_id) REFERENCES staff (id), 
	FOREIGN KEY(visit_id) REFERENCES visit (id)
)
-- next
CREATE TABLE prospect_merge (
	id INTEGER NOT NULL, 
	keep_id INTEGER NOT NULL, 
	drop_id INTEGER NOT NULL, 
	by_id INTEGER NOT NULL, 
	merged_at VARCHAR(32) NOT NULL, 
	filled VARCHAR(300) NOT NULL, 
	unmerged_at VARCHAR(32), 
	unmerged_by_id INTEGER, recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(keep_id) REFERENCES prospect (id), 
	FOREIGN KEY(drop_id) REFERENCES prospect (id), 
	FOREIGN KEY(by_id) REFERENCES staff (id), 
	FOREIGN KEY(unmerged_by_id) REFERENCES staff (id)
)
-- next
CREATE TABLE "redsea_signal" (
	id INTEGER NOT NULL, 
	prospect_id INTEGER NOT NULL, 
	signal VARCHAR(30) NOT NULL, 
	recorded_by_login VARCHAR(63), 
	day VARCHAR(10), 
	by_id INTEGER, 
	recorded_at VARCHAR(32), 
	cleared_on VARCHAR(10), 
	cleared_by_id INTEGER, 
	PRIMARY KEY (id), 
	CONSTRAINT fk_redsea_signal_by_id_staff FOREIGN KEY(by_id) REFERENCES staff (id), 
	CONSTRAINT fk_redsea_signal_cleared_by_id_staff FOREIGN KEY(cleared_by_id) REFERENCES staff (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id)
)
-- next
CREATE TABLE staff (
	id INTEGER NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	center_id INTEGER NOT NULL, 
	roles VARCHAR(100) NOT NULL, 
	industries VARCHAR(1000) NOT NULL, recorded_by_login VARCHAR(63), login VARCHAR(63), since VARCHAR(10), 
	PRIMARY KEY (id), 
	UNIQUE (name), 
	FOREIGN KEY(center_id) REFERENCES center (id)
)
-- next
CREATE TABLE team_login (
	login VARCHAR(63) NOT NULL, 
	staff_id INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	disabled_at VARCHAR(32), 
	recorded_by_login VARCHAR(63), 
	PRIMARY KEY (login), 
	FOREIGN KEY(staff_id) REFERENCES staff (id)
)
-- next
CREATE TABLE "verification_round" (
	id INTEGER NOT NULL, 
	prospect_id INTEGER NOT NULL, 
	staff_id INTEGER NOT NULL, 
	round_no INTEGER NOT NULL, 
	pretext VARCHAR(20) NOT NULL, 
	result VARCHAR(20) NOT NULL, 
	address_confirmed BOOLEAN NOT NULL, 
	scale_checked BOOLEAN NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	note VARCHAR(2000), 
	address_seen VARCHAR(200), 
	employees_seen INTEGER, 
	pcs_seen INTEGER, 
	recorded_at VARCHAR(32), 
	voided_at VARCHAR(32), 
	voided_by_id INTEGER, 
	void_reason VARCHAR(500), recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	CONSTRAINT fk_verification_round_voided_by_id_staff FOREIGN KEY(voided_by_id) REFERENCES staff (id), 
	FOREIGN KEY(staff_id) REFERENCES staff (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id)
)
-- next
CREATE TABLE "visit" (
	id INTEGER NOT NULL, 
	prospect_id INTEGER NOT NULL, 
	staff_id INTEGER NOT NULL, 
	day VARCHAR(10) NOT NULL, 
	kind VARCHAR(10) NOT NULL, 
	outcome VARCHAR(20) NOT NULL, 
	items VARCHAR(200) NOT NULL, 
	contacts VARCHAR(100) NOT NULL, 
	effective BOOLEAN NOT NULL, 
	failing_checks VARCHAR(200) NOT NULL, 
	note VARCHAR(2000), 
	recorded_at VARCHAR(32), 
	voided_at VARCHAR(32), 
	voided_by_id INTEGER, 
	void_reason VARCHAR(500), recorded_by_login VARCHAR(63), followup VARCHAR(20), 
	PRIMARY KEY (id), 
	CONSTRAINT fk_visit_voided_by_id_staff FOREIGN KEY(voided_by_id) REFERENCES staff (id), 
	FOREIGN KEY(staff_id) REFERENCES staff (id), 
	FOREIGN KEY(prospect_id) REFERENCES prospect (id)
)
-- next
CREATE TABLE visit_flag (
	id INTEGER NOT NULL, 
	visit_id INTEGER NOT NULL, 
	flag VARCHAR(30) NOT NULL, detail VARCHAR(100), recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(visit_id) REFERENCES visit (id)
)
-- next
CREATE TABLE visit_photo (
	id INTEGER NOT NULL, 
	visit_id INTEGER NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	path VARCHAR(1000) NOT NULL, 
	taken_at VARCHAR(19), 
	latitude FLOAT, 
	longitude FLOAT, recorded_by_login VARCHAR(63), 
	PRIMARY KEY (id), 
	FOREIGN KEY(visit_id) REFERENCES visit (id)
)
-- next
CREATE INDEX ix_deal_outcome_prospect_id ON deal_outcome (prospect_id)
-- next
CREATE INDEX ix_direct_sales_project_name_key ON direct_sales_project (name_key)
-- next
CREATE INDEX ix_inspection_status ON inspection (status)
-- next
CREATE INDEX ix_inspection_visit_id ON inspection (visit_id)
-- next
CREATE INDEX ix_likely_pair_second_id ON likely_pair (second_id)
-- next
CREATE INDEX ix_merge_moved_merge_id ON merge_moved (merge_id)
-- next
CREATE INDEX ix_notice_day ON notice (day)
-- next
CREATE UNIQUE INDEX ix_notice_derived_key ON notice (derived_key)
-- next
CREATE INDEX ix_notice_visit_id ON notice (visit_id)
-- next
CREATE INDEX ix_notify_outbox_platform_sent ON notify_outbox (platform, sent_at)
-- next
CREATE INDEX ix_planned_visit_day ON planned_visit (day)
-- next
CREATE INDEX ix_planned_visit_prospect_id ON planned_visit (prospect_id)
-- next
CREATE INDEX ix_planned_visitor_day ON planned_visit (visitor_id, day)
-- next
CREATE UNIQUE INDEX ix_points_entry_derived_key ON points_entry (derived_key)
-- next
CREATE INDEX ix_points_entry_visit_id ON points_entry (visit_id)
-- next
CREATE INDEX ix_points_staff_day ON points_entry (staff_id, day, delta)
-- next
CREATE INDEX ix_prospect_change_prospect_day ON prospect_change (prospect_id, day)
-- next
CREATE INDEX ix_prospect_credit_code ON prospect (credit_code)
-- next
CREATE INDEX ix_prospect_deal_value ON prospect (deal_value)
-- next
CREATE INDEX ix_prospect_found_on ON prospect (found_on)
-- next
CREATE INDEX ix_prospect_landline ON prospect (landline)
-- next
CREATE INDEX ix_prospect_mail_domain ON prospect (LOWER(SUBSTR(email, LENGTH(RTRIM(email, REPLACE(email, '@', ''))) + 1)))
-- next
CREATE INDEX ix_prospect_merge_drop_id ON prospect_merge (drop_id)
-- next
CREATE INDEX ix_prospect_merged_into ON prospect (merged_into) WHERE merged_into IS NOT NULL
-- next
CREATE INDEX ix_prospect_mobile ON prospect (mobile)
-- next
CREATE INDEX ix_prospect_name_key ON prospect (name_key)
-- next
CREATE INDEX ix_prospect_scale ON prospect (contact_surname, employees, pcs)
-- next
CREATE INDEX ix_prospect_source_day ON prospect (sourced_by_id, found_on)
-- next
CREATE INDEX ix_redsea_signal_prospect_id ON redsea_signal (prospect_id)
-- next
CREATE INDEX ix_round_staff_day ON verification_round (staff_id, day)
-- next
CREATE INDEX ix_staff_center_id ON staff (center_id)
-- next
CREATE UNIQUE INDEX ix_staff_login ON staff (login)
-- next
CREATE INDEX ix_verification_round_prospect_id ON verification_round (prospect_id)
-- next
CREATE INDEX ix_visit_day_live ON visit (day, voided_at, outcome, prospect_id)
-- next
CREATE INDEX ix_visit_flag_flag ON visit_flag (flag)
-- next
CREATE INDEX ix_visit_flag_visit ON visit_flag (visit_id, flag)
-- next
CREATE INDEX ix_visit_photo_sha256 ON visit_photo (sha256)
-- next
CREATE INDEX ix_visit_photo_visit_id ON visit_photo (visit_id)
-- next
CREATE INDEX ix_visit_prospect_id ON visit (prospect_id)
-- next
CREATE INDEX ix_visit_staff_day_live ON visit (staff_id, day, voided_at, effective, kind)
-- next
CREATE INDEX ix_visit_substandard ON visit (prospect_id) WHERE outcome = 'substandard'
-- next
CREATE INDEX ix_visit_voided ON visit (prospect_id) WHERE voided_at IS NOT NULL
