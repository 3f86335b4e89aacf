-- Failed attempts to prove a secret (password, activation code), per account name and per client address,
-- shared by every instance. The subject is the SHA-256 (hex) of "ACCOUNT:<lower-cased name>" or
-- "ADDRESS:<address>", so neither mistyped usernames (sometimes a password typed in the wrong field) nor
-- client addresses are stored in clear.
CREATE TABLE identity_sign_in_throttle (
	subject CHAR(64) NOT NULL PRIMARY KEY,
	kind VARCHAR(10) NOT NULL,
	-- failures counted since window_start; the count starts again when the window has passed
	failures INT NOT NULL,
	window_start TIMESTAMP WITH TIME ZONE NOT NULL,
	last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
	-- how many lockouts in a row (each one twice as long as the one before), forgotten after a quiet period
	lockouts INT NOT NULL,
	locked_until TIMESTAMP WITH TIME ZONE
);
CREATE INDEX identity_sign_in_throttle_last_failure ON identity_sign_in_throttle (last_failure_at);
