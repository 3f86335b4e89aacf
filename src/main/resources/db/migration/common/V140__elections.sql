-- Social elections (module elections). The procedure calendar is data: an election year with the window of its
-- election day, and its milestones relative to day X (notice of the election date) or day Y (election day, X + 90).
CREATE TABLE elections_year (
	election_year INT NOT NULL PRIMARY KEY,
	window_start DATE NOT NULL,
	window_end DATE NOT NULL,
	-- the last serial handed out in a dossier number of this year; the row is locked while an import allocates
	last_serial INT NOT NULL DEFAULT 0
);

CREATE TABLE elections_milestone (
	election_year INT NOT NULL REFERENCES elections_year (election_year),
	code VARCHAR(10) NOT NULL,
	position INT NOT NULL,
	anchor CHAR(1) NOT NULL CHECK (anchor IN ('X', 'Y')),
	offset_days INT NOT NULL,
	name_nl VARCHAR(200) NOT NULL,
	name_fr VARCHAR(200) NOT NULL,
	name_de VARCHAR(200) NOT NULL,
	name_en VARCHAR(200) NOT NULL,
	PRIMARY KEY (election_year, code)
);

INSERT INTO elections_year (election_year, window_start, window_end) VALUES (2016, DATE '2016-05-09', DATE '2016-05-22');
INSERT INTO elections_milestone (election_year, code, position, anchor, offset_days, name_nl, name_fr, name_de, name_en) VALUES
(2016, 'X-60', 1, 'X', -60, 'Eerste aankondiging', 'Première information', 'Erste Ankündigung', 'First notice'),
(2016, 'X-35', 2, 'X', -35, 'Beslissing van de werkgever na overleg', 'Décision de l''employeur après consultation', 'Entscheidung des Arbeitgebers nach Konsultation', 'Employer''s decision after consultation'),
(2016, 'X', 3, 'X', 0, 'Bericht van de verkiezingsdatum', 'Avis annonçant la date des élections', 'Bekanntmachung des Wahltermins', 'Notice of the election'),
(2016, 'X+7', 4, 'X', 7, 'Bezwaren', 'Réclamations', 'Beschwerden', 'Objections'),
(2016, 'X+14', 5, 'X', 14, 'Beslissing over de bezwaren', 'Décision sur les réclamations', 'Entscheidung über die Beschwerden', 'Decision on objections'),
(2016, 'X+35', 6, 'X', 35, 'Kandidatenlijsten', 'Listes des candidats', 'Kandidatenlisten', 'Candidate lists'),
(2016, 'X+40', 7, 'X', 40, 'Aanplakking van de kandidatenlijsten', 'Affichage des listes des candidats', 'Aushang der Kandidatenlisten', 'Candidate lists posted'),
(2016, 'X+77', 8, 'X', 77, 'Laatste wijzigingen van de lijsten', 'Dernières modifications des listes', 'Letzte Änderungen der Listen', 'Last list changes'),
(2016, 'Y', 9, 'Y', 0, 'Verkiezingen en proces-verbaal', 'Élections et procès-verbal', 'Wahlen und Protokoll', 'Election and minutes'),
(2016, 'Y+2', 10, 'Y', 2, 'Aanplakking van de uitslag', 'Affichage des résultats', 'Aushang der Ergebnisse', 'Results posted'),
(2016, 'Y+45', 11, 'Y', 45, 'Installatie van de organen', 'Installation des organes', 'Einsetzung der Organe', 'Installation of the bodies');

-- The social elections database: enterprises in scope, their technical business units (with the planned day Y) and
-- per unit its consultation bodies, each with its own dossier number and web application password (hashed).
CREATE TABLE elections_enterprise (
	enterprise_number CHAR(10) NOT NULL PRIMARY KEY,
	election_year INT NOT NULL REFERENCES elections_year (election_year),
	name VARCHAR(200) NOT NULL,
	language CHAR(2) NOT NULL,
	imported_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE elections_unit (
	enterprise_number CHAR(10) NOT NULL REFERENCES elections_enterprise (enterprise_number),
	unit_code VARCHAR(20) NOT NULL,
	name VARCHAR(200) NOT NULL,
	election_day DATE NOT NULL,
	PRIMARY KEY (enterprise_number, unit_code)
);

CREATE TABLE elections_body (
	dossier_number VARCHAR(20) NOT NULL PRIMARY KEY,
	enterprise_number CHAR(10) NOT NULL,
	unit_code VARCHAR(20) NOT NULL,
	kind VARCHAR(20) NOT NULL CHECK (kind IN ('WORKS_COUNCIL', 'COMMITTEE')),
	password_hash VARCHAR(120),
	codes_issued_at TIMESTAMP WITH TIME ZONE,
	letter_sha256 CHAR(64),
	UNIQUE (enterprise_number, unit_code, kind),
	FOREIGN KEY (enterprise_number, unit_code) REFERENCES elections_unit (enterprise_number, unit_code)
);
CREATE INDEX elections_body_codes ON elections_body (codes_issued_at);

-- A phase the enterprise confirmed as done in the web application: no more reminders for it.
CREATE TABLE elections_confirmation (
	dossier_number VARCHAR(20) NOT NULL REFERENCES elections_body (dossier_number),
	milestone VARCHAR(10) NOT NULL,
	confirmed_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (dossier_number, milestone)
);

CREATE TABLE elections_phase_document (
	id UUID NOT NULL PRIMARY KEY,
	dossier_number VARCHAR(20) NOT NULL REFERENCES elections_body (dossier_number),
	milestone VARCHAR(10) NOT NULL,
	file_name VARCHAR(200) NOT NULL,
	sha256 CHAR(64) NOT NULL,
	media_type VARCHAR(100) NOT NULL,
	uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX elections_phase_document_dossier ON elections_phase_document (dossier_number);

-- Phase notices and reminders sent (or queued in a bulk job): the primary key makes each fire once, whichever
-- instance runs the scheduler.
CREATE TABLE elections_notice (
	dossier_number VARCHAR(20) NOT NULL REFERENCES elections_body (dossier_number),
	milestone VARCHAR(10) NOT NULL,
	kind VARCHAR(10) NOT NULL CHECK (kind IN ('NOTICE', 'REMINDER')),
	sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
	job_id UUID,
	PRIMARY KEY (dossier_number, milestone, kind)
);

-- Campaigns started from the sender console, each a bulk publication job (its progress comes from the job).
CREATE TABLE elections_campaign (
	id UUID NOT NULL PRIMARY KEY,
	kind VARCHAR(20) NOT NULL,
	job_id UUID,
	messages INT NOT NULL,
	started_at TIMESTAMP WITH TIME ZONE NOT NULL,
	started_by VARCHAR(100) NOT NULL
);
CREATE INDEX elections_campaign_started ON elections_campaign (started_at DESC);
